/**
 * Crypto benchmarks: raw verifications per second and hashing throughput, measured in one run
 * on this machine, with sm-crypto-v2 and `openssl speed` as peers for SM2. Rates are per
 * second of user CPU time (see `rate`), the divisor `openssl speed` uses.
 */
import { execFile } from 'node:child_process'
import { generateKeyPairSync, sign } from 'node:crypto'
import { promisify } from 'node:util'
import { sm2 as smCrypto } from 'sm-crypto-v2'
import { getCryptoBackend, setCryptoBackend } from '../../src/crypto/backend.js'
import type { CryptoBackend } from '../../src/crypto/backend-types.js'
import { toHex, utf8 } from '../../src/crypto/bytes.js'
import { hash } from '../../src/crypto/hash.js'
import { nodeCryptoBackend } from '../../src/crypto/node-backend.js'
import { createPureHasher } from '../../src/crypto/pure-hash.js'
import {
  sm2ClearKeyCache,
  sm2PublicKeyFromPrivate,
  sm2Sign,
  sm2Verify,
} from '../../src/crypto/sm2.js'
import { verifySignature, type VerifySignatureRequest } from '../../src/crypto/verify.js'
import { webCryptoBackend } from '../../src/crypto/webcrypto-backend.js'
import { Sm2Point } from '../../src/crypto/sm2-curve.js'
import { FixedWindowTable } from '../../src/crypto/sm2-jacobian.js'
import type { BenchRow } from './types.js'

const BUDGET_MS = 1200

/**
 * Runs `fn` repeatedly for about `ms` milliseconds of wall time (after a short warm-up) and
 * returns operations per second of process user CPU time. `openssl speed` divides by user CPU
 * time too (unless `-elapsed`), so the figures stay comparable on a loaded machine.
 */
async function rate(fn: () => unknown, ms = BUDGET_MS): Promise<number> {
  const warmUntil = performance.now() + 150
  while (performance.now() < warmUntil) await fn()
  let n = 0
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  while (performance.now() - start < ms) {
    await fn()
    n++
  }
  const userMicros = process.cpuUsage(cpuStart).user
  return (n * 1e6) / Math.max(userMicros, 1)
}

/** Parses the SM2 verify/s figure of `openssl speed sm2`. */
export function parseOpensslSm2Speed(output: string): number | undefined {
  const line = output.split('\n').find((l) => /SM2/.test(l) && /\d+\.\d+\s*$/.test(l.trim()))
  const fields = line?.trim().split(/\s+/) ?? []
  const value = Number(fields[fields.length - 1])
  return Number.isFinite(value) && value > 0 ? value : undefined
}

async function opensslSm2(): Promise<BenchRow> {
  const row = { group: 'SM2', name: 'OpenSSL native verify (openssl speed)', unit: 'verify/s' }
  try {
    const run = promisify(execFile)
    const { stdout } = await run('openssl', ['speed', '-seconds', '2', 'sm2'], {
      timeout: 60_000,
    })
    const value = parseOpensslSm2Speed(stdout)
    if (value !== undefined)
      return { ...row, value, note: 'openssl speed -seconds 2 sm2 (user CPU)' }
    return { ...row, value: 0, note: 'skipped: could not parse openssl speed output' }
  } catch {
    return { ...row, value: 0, note: 'skipped: openssl CLI not available' }
  }
}

function requests(): Record<string, VerifySignatureRequest> {
  const data = utf8('benchmark payload '.repeat(16))
  const der = (k: { export(o: object): Buffer | string }) =>
    new Uint8Array(k.export({ format: 'der', type: 'spki' }) as Buffer)
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const ed = generateKeyPairSync('ed25519')
  return {
    'RSA-2048 PKCS#1 SHA-256': {
      algorithm: { oid: '1.2.840.113549.1.1.11' },
      publicKey: der(rsa.publicKey),
      data,
      signature: new Uint8Array(sign('sha256', data, rsa.privateKey)),
    },
    'ECDSA P-256 SHA-256': {
      algorithm: { oid: '1.2.840.10045.4.3.2' },
      publicKey: der(ec.publicKey),
      data,
      signature: new Uint8Array(sign('sha256', data, ec.privateKey)),
    },
    Ed25519: {
      algorithm: { oid: '1.3.101.112' },
      publicKey: der(ed.publicKey),
      data,
      signature: new Uint8Array(sign(null, data, ed.privateKey)),
    },
  }
}

async function signatureRows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  const reqs = requests()
  for (const backend of [nodeCryptoBackend, webCryptoBackend] as CryptoBackend[]) {
    setCryptoBackend(backend)
    for (const [name, req] of Object.entries(reqs)) {
      const first = await verifySignature(req)
      if (!first.valid) throw new Error(`benchmark vector ${name} does not verify`)
      const value = await rate(() => verifySignature(req))
      rows.push({ group: 'signatures', name: `${name} (${backend.name})`, value, unit: 'verify/s' })
    }
  }
  return rows
}

async function sm2Rows(): Promise<BenchRow[]> {
  const priv = hash('SM3', utf8('benchmark SM2 key'))
  const pub = sm2PublicKeyFromPrivate(priv)
  const msg = utf8('benchmark payload '.repeat(16))
  const sig = sm2Sign(priv, msg)
  if (!sm2Verify(pub, msg, sig)) throw new Error('SM2 benchmark vector does not verify')
  const cold = await rate(() => {
    sm2ClearKeyCache()
    return sm2Verify(pub, msg, sig)
  })
  sm2ClearKeyCache()
  for (let i = 0; i < 5; i++) sm2Verify(pub, msg, sig)
  const cached = await rate(() => sm2Verify(pub, msg, sig))
  const pubHex = toHex(pub)
  const sigHex = toHex(sig)
  const opts = { hash: true, der: true }
  if (!smCrypto.doVerifySignature(msg, sigHex, pubHex, opts)) throw new Error('sm-crypto-v2 vector')
  const peer = await rate(() => smCrypto.doVerifySignature(msg, sigHex, pubHex, opts))
  const native = await opensslSm2()
  const buildStart = performance.now()
  const table = new FixedWindowTable(Sm2Point.BASE.toAffine(), 7)
  const build = performance.now() - buildStart
  if (table.window !== 7) throw new Error('unexpected table')
  const rows: BenchRow[] = [
    {
      group: 'SM2',
      name: 'generator table build (once per process)',
      value: build,
      unit: 'ms',
      note: 'paid by the first SM2 verification',
    },
    {
      group: 'SM2',
      name: 'ours, cold key (decode + verify)',
      value: cold,
      unit: 'verify/s',
      note: 'key cache cleared before each verification',
    },
    { group: 'SM2', name: 'ours, cached key (precomputed table)', value: cached, unit: 'verify/s' },
    { group: 'SM2', name: 'sm-crypto-v2 1.15.1 verify', value: peer, unit: 'verify/s' },
    native,
  ]
  rows.push({
    group: 'SM2',
    name: 'ours cold / sm-crypto-v2',
    value: cold / peer,
    unit: 'x',
    note: 'goal >= 2',
  })
  if (native.value > 0) {
    rows.push({
      group: 'SM2',
      name: 'ours cached / OpenSSL',
      value: cached / native.value,
      unit: 'x',
      note: 'goal >= 0.25',
    })
  }
  return rows
}

async function hashRows(): Promise<BenchRow[]> {
  const data = new Uint8Array(1 << 20).map((_, i) => i & 0xff)
  const rows: BenchRow[] = []
  for (const name of ['SHA-256', 'SM3'] as const) {
    const native = nodeCryptoBackend.createHasher(name)
    if (native !== undefined) {
      const value = await rate(() => {
        const h = nodeCryptoBackend.createHasher(name)
        h?.update(data)
        return h?.digest()
      })
      rows.push({ group: 'hashing', name: `${name} (node)`, value, unit: 'MiB/s' })
    }
    const pure = await rate(() => {
      const h = createPureHasher(name)
      h.update(data)
      return h.digest()
    })
    const note = name === 'SM3' ? 'own TypeScript SM3' : '@noble/hashes'
    rows.push({ group: 'hashing', name: `${name} (pure JS)`, value: pure, unit: 'MiB/s', note })
  }
  return rows
}

/** Runs every crypto measurement once and returns the table rows. */
export async function benchCrypto(): Promise<BenchRow[]> {
  const previous = getCryptoBackend()
  try {
    return [...(await signatureRows()), ...(await sm2Rows()), ...(await hashRows())]
  } finally {
    setCryptoBackend(previous)
  }
}

/**
 * Path validation benchmark: chain validations per second for 3-deep chains (signer -> service
 * CA -> root anchor, no revocation) of the RSA, ECDSA and SM2 fixture PKIs, beside the raw
 * verifications per second of the same two signatures, so that the validator's own cost over
 * the cryptography is visible. Rates are per second of user CPU time.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setCryptoBackend } from '../../src/crypto/backend.js'
import { nodeCryptoBackend } from '../../src/crypto/node-backend.js'
import { verifySignature } from '../../src/crypto/verify.js'
import { parseCertificate, type Certificate } from '../../src/pki/certificate.js'
import { derBlocks } from '../../src/pki/path/input.js'
import { validateCertificatePath } from '../../src/pki/validate.js'
import type { BenchRow } from './types.js'

const BUDGET_MS = 1000
const TIME = new Date('2026-06-01T00:00:00Z')
const PKI = join(import.meta.dirname, '..', '..', 'fixtures', 'pki', '310000')

/**
 * Runs `fn` for about `ms` milliseconds after a warm-up and returns operations per second of
 * process user CPU time (as the crypto bench and `openssl speed` do), so that figures taken on
 * a loaded machine still compare.
 */
async function rate(fn: () => Promise<unknown>, ms = BUDGET_MS): Promise<number> {
  const warmUntil = performance.now() + 100
  while (performance.now() < warmUntil) await fn()
  let n = 0
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  while (performance.now() - start < ms) {
    await fn()
    n++
  }
  return (n * 1e6) / Math.max(process.cpuUsage(cpuStart).user, 1)
}

function load(family: string, file: string): Uint8Array {
  const bytes = new Uint8Array(readFileSync(join(PKI, family, file)))
  return derBlocks(bytes, ['CERTIFICATE'])[0]!
}

async function benchFamily(family: string, label: string): Promise<BenchRow[]> {
  const group = `chain validation (${label})`
  const der = {
    leaf: load(family, 'signer.pem'),
    ca: load(family, 'signature-ca.pem'),
    root: load(family, 'root.pem'),
  }
  const parsed = {
    leaf: parseCertificate(der.leaf),
    ca: parseCertificate(der.ca),
    root: parseCertificate(der.root),
  }
  const options = (c: {
    leaf: Uint8Array | Certificate
    ca: Uint8Array | Certificate
    root: Uint8Array | Certificate
  }) => ({
    certificate: c.leaf,
    intermediates: [c.ca],
    trustAnchors: [c.root],
    time: TIME,
    revocation: 'off' as const,
  })
  const check = await validateCertificatePath(options(der))
  if (!check.valid) {
    return [
      {
        group,
        name: 'validateCertificatePath',
        value: 0,
        unit: 'chains/s',
        note: `skipped: ${check.reason}`,
      },
    ]
  }
  const pairs: [Certificate, Certificate][] = [
    [parsed.leaf, parsed.ca],
    [parsed.ca, parsed.root],
  ]
  let k = 0
  const raw = await rate(async () => {
    const [child, issuer] = pairs[k++ % 2]!
    const r = await verifySignature({
      algorithm: child.signatureAlgorithm,
      publicKey: issuer.spki,
      data: child.tbs,
      signature: child.signatureValue,
    })
    if (!r.valid) throw new Error('fixture signature does not verify')
  })
  // Fresh buffers each time: parsed certificates are cached per buffer, and this row is
  // meant to include the parsing of all three.
  const fresh = () => ({ leaf: der.leaf.slice(), ca: der.ca.slice(), root: der.root.slice() })
  const fromDer = await rate(() => validateCertificatePath(options(fresh())))
  const reused = await rate(() => validateCertificatePath(options(der)))
  const fromParsed = await rate(() => validateCertificatePath(options(parsed)))
  const bound = raw / 2
  const overhead = (x: number): string => `${(x / bound).toFixed(2)}x the crypto bound`
  return [
    {
      group,
      name: 'raw signature verification',
      value: raw,
      unit: 'verify/s',
      note: 'verifySignature, leaf and CA alternately',
    },
    { group, name: 'crypto bound (2 verifications per chain)', value: bound, unit: 'chains/s' },
    {
      group,
      name: 'validateCertificatePath, parsed certificates',
      value: fromParsed,
      unit: 'chains/s',
      note: overhead(fromParsed),
    },
    {
      group,
      name: 'validateCertificatePath, DER input',
      value: fromDer,
      unit: 'chains/s',
      note: `${overhead(fromDer)}, includes parsing 3 certificates`,
    },
    {
      group,
      name: 'validateCertificatePath, DER input reused',
      value: reused,
      unit: 'chains/s',
      note: `${overhead(reused)}, anchor and intermediate parsed once`,
    },
  ]
}

/** Chain validations per second per algorithm, beside raw signature verifications. */
export async function benchPath(): Promise<BenchRow[]> {
  setCryptoBackend(nodeCryptoBackend)
  const rows: BenchRow[] = []
  for (const [family, label] of [
    ['rsa', 'RSA-2048'],
    ['ecdsa', 'ECDSA P-256'],
    ['sm2', 'SM2'],
  ] as const) {
    rows.push(...(await benchFamily(family, label)))
  }
  return rows
}

/**
 * Node-only backend (the only file of the crypto layer that imports `node:crypto`): native
 * hashing including SM3, and `crypto.verify` for RSA, RSA-PSS, ECDSA, Ed25519 and DSA.
 * SM2 stays in `sm2.ts` because Node cannot set the SM2 user ID.
 */
import {
  constants,
  createHash,
  createPublicKey,
  getHashes,
  hash as oneShotHash,
  verify as nodeVerify,
  type KeyObject,
} from 'node:crypto'
import type { CryptoBackend, PrimitiveResult, PrimitiveVerifyRequest } from './backend-types.js'
import type { HashName, Hasher } from './hash-types.js'
import { encodeDerRs } from './rs-signature.js'

const NODE_HASH: Readonly<Record<HashName, string>> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-224': 'sha224',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
  SM3: 'sm3',
}

let available: Set<string> | undefined

function nodeHashName(name: HashName): string | undefined {
  available ??= new Set(getHashes().map((h) => h.toLowerCase()))
  const n = NODE_HASH[name]
  return available.has(n) ? n : undefined
}

function b64url(value: bigint): string {
  let hex = value.toString(16)
  if (hex.length % 2) hex = '0' + hex
  return Buffer.from(hex, 'hex').toString('base64url')
}

/** Most RSA keys kept as OpenSSL key objects (the issuers a verifier meets again and again). */
const MAX_RSA_KEYS = 256
const rsaKeys = new Map<bigint, { readonly exponent: bigint; readonly key: KeyObject }>()
/** Key objects by the very SPKI byte array they were made from (nothing kept alive). */
const spkiKeys = new WeakMap<Uint8Array, KeyObject>()

function rsaKey(modulus: bigint, exponent: bigint): KeyObject {
  const known = rsaKeys.get(modulus)
  if (known && known.exponent === exponent) return known.key
  const key = createPublicKey({
    key: { kty: 'RSA', n: b64url(modulus), e: b64url(exponent) },
    format: 'jwk',
  })
  if (rsaKeys.size >= MAX_RSA_KEYS) rsaKeys.clear()
  rsaKeys.set(modulus, { exponent, key })
  return key
}

function spkiKey(spki: Uint8Array): KeyObject {
  const known = spkiKeys.get(spki)
  if (known) return known
  const key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' })
  spkiKeys.set(spki, key)
  return key
}

function verifyNode(req: PrimitiveVerifyRequest): PrimitiveResult {
  switch (req.scheme) {
    case 'rsa-pkcs1': {
      const h = nodeHashName(req.hash)
      if (h === undefined) return 'unsupported'
      const key = rsaKey(req.modulus, req.exponent)
      return nodeVerify(h, req.data, { key, padding: constants.RSA_PKCS1_PADDING }, req.signature)
    }
    case 'rsa-pss': {
      const h = nodeHashName(req.hash)
      if (h === undefined || req.mgfHash !== req.hash) return 'unsupported'
      const key = rsaKey(req.modulus, req.exponent)
      const opts = { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: req.saltLength }
      return nodeVerify(h, req.data, opts, req.signature)
    }
    case 'ecdsa': {
      const h = nodeHashName(req.hash)
      if (h === undefined) return 'unsupported'
      const key = { key: spkiKey(req.spki), dsaEncoding: 'ieee-p1363' as const }
      return nodeVerify(h, req.data, key, req.signature)
    }
    case 'ed25519':
      return nodeVerify(null, req.data, spkiKey(req.spki), req.signature)
    case 'dsa': {
      const h = nodeHashName(req.hash)
      if (h === undefined) return 'unsupported'
      const sig = encodeDerRs({ r: req.r, s: req.s })
      return nodeVerify(h, req.data, { key: spkiKey(req.spki), dsaEncoding: 'der' }, sig)
    }
  }
}

/** Node backend: native hashes (incl. SM3) and `crypto.verify`. */
export const nodeCryptoBackend: CryptoBackend = {
  name: 'node',
  createHasher(name: HashName): Hasher | undefined {
    const n = nodeHashName(name)
    if (n === undefined) return undefined
    const h = createHash(n)
    return {
      update: (d) => void h.update(d),
      digest: () => new Uint8Array(h.digest()),
    }
  },
  hashOnce(name, data) {
    const n = nodeHashName(name)
    if (n === undefined) return undefined
    return new Uint8Array(oneShotHash(n, data, 'buffer'))
  },
  verify(req) {
    try {
      return Promise.resolve(verifyNode(req))
    } catch {
      // OpenSSL refused the key or parameters: let the caller fall back to portable code.
      return Promise.resolve('unsupported' as const)
    }
  },
}

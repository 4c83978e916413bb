/**
 * The default, browser-compatible backend: WebCrypto (`globalThis.crypto.subtle`) for RSA,
 * ECDSA and Ed25519 where it supports the combination, portable code otherwise.
 */
import type { CryptoBackend, PrimitiveVerifyRequest, PrimitiveResult } from './backend-types.js'
import type { HashName } from './hash-types.js'
import { pureCryptoBackend } from './pure-backend.js'

type WebHash = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'

function webHash(name: HashName): WebHash | undefined {
  return name === 'SHA-1' || name === 'SHA-256' || name === 'SHA-384' || name === 'SHA-512'
    ? name
    : undefined
}

function subtle(): SubtleCrypto | undefined {
  const c = (globalThis as { crypto?: Crypto }).crypto
  return c?.subtle
}

function b64url(value: bigint): string {
  let hex = value.toString(16)
  if (hex.length % 2) hex = '0' + hex
  let bin = ''
  for (let i = 0; i < hex.length; i += 2)
    bin += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16))
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function buf(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer
}

/**
 * Verifies with WebCrypto only; 'unsupported' for combinations WebCrypto lacks (SHA-224,
 * PSS with another MGF1 hash, DSA). May throw when the platform refuses a key.
 */
export async function webCryptoVerify(
  s: SubtleCrypto,
  req: PrimitiveVerifyRequest,
): Promise<PrimitiveResult> {
  switch (req.scheme) {
    case 'rsa-pkcs1':
    case 'rsa-pss': {
      const h = webHash(req.hash)
      if (h === undefined) return 'unsupported'
      if (req.scheme === 'rsa-pss' && req.mgfHash !== req.hash) return 'unsupported'
      const name = req.scheme === 'rsa-pss' ? 'RSA-PSS' : 'RSASSA-PKCS1-v1_5'
      const jwk = { kty: 'RSA', n: b64url(req.modulus), e: b64url(req.exponent), ext: true }
      const key = await s.importKey('jwk', jwk, { name, hash: h }, false, ['verify'])
      const alg = req.scheme === 'rsa-pss' ? { name, saltLength: req.saltLength } : { name }
      return s.verify(alg, key, buf(req.signature), buf(req.data))
    }
    case 'ecdsa': {
      const h = webHash(req.hash)
      if (h === undefined) return 'unsupported'
      const params = { name: 'ECDSA', namedCurve: req.curve }
      const key = await s.importKey('raw', buf(req.point), params, false, ['verify'])
      return s.verify({ name: 'ECDSA', hash: h }, key, buf(req.signature), buf(req.data))
    }
    case 'ed25519': {
      const key = await s.importKey('raw', buf(req.publicKey), { name: 'Ed25519' }, false, [
        'verify',
      ])
      return s.verify({ name: 'Ed25519' }, key, buf(req.signature), buf(req.data))
    }
    case 'dsa':
      return 'unsupported'
  }
}

/** Default backend: WebCrypto first, portable code for what WebCrypto lacks. */
export const webCryptoBackend: CryptoBackend = {
  name: 'webcrypto',
  createHasher: pureCryptoBackend.createHasher,
  verify: async (req) => {
    const s = subtle()
    if (s !== undefined) {
      try {
        const result = await webCryptoVerify(s, req)
        if (result !== 'unsupported') return result
      } catch {
        // The platform refused the key or algorithm: fall through to portable code.
      }
    }
    return pureCryptoBackend.verify(req)
  },
}

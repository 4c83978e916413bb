/**
 * The portable backend: every primitive in JavaScript (bigint RSA and DSA, @noble/curves for
 * ECDSA and Ed25519). It is the final fallback whenever another backend answers 'unsupported'.
 */
import { ed25519 } from '@noble/curves/ed25519.js'
import { p256, p384, p521 } from '@noble/curves/nist.js'
import type { CryptoBackend, NistCurve, PrimitiveVerifyRequest } from './backend-types.js'
import { dsaVerifyPure } from './dsa-pure.js'
import { hash } from './hash.js'
import { createPureHasher } from './pure-hash.js'
import { rsaPkcs1VerifyPure, rsaPssVerifyPure } from './rsa-pure.js'

const NIST = { 'P-256': p256, 'P-384': p384, 'P-521': p521 } as const satisfies Record<
  NistCurve,
  unknown
>

function verifyPure(req: PrimitiveVerifyRequest): boolean {
  switch (req.scheme) {
    case 'rsa-pkcs1':
      return rsaPkcs1VerifyPure(req.modulus, req.exponent, req.hash, req.data, req.signature)
    case 'rsa-pss':
      return rsaPssVerifyPure(
        req.modulus,
        req.exponent,
        req.hash,
        req.mgfHash,
        req.saltLength,
        req.data,
        req.signature,
      )
    case 'ecdsa':
      return NIST[req.curve].verify(req.signature, hash(req.hash, req.data), req.point, {
        prehash: false,
        lowS: false,
        format: 'compact',
      })
    case 'ed25519':
      return ed25519.verify(req.signature, req.data, req.publicKey, { zip215: false })
    case 'dsa':
      return dsaVerifyPure(req, req.hash, req.data, req.r, req.s)
  }
}

/** Portable backend (pure JavaScript, no platform crypto). */
export const pureCryptoBackend: CryptoBackend = {
  name: 'pure-js',
  createHasher: createPureHasher,
  verify: (req) => {
    try {
      return Promise.resolve(verifyPure(req))
    } catch {
      return Promise.resolve(false)
    }
  },
}

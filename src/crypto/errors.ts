/**
 * Typed errors raised by the crypto layer. Every error carries a stable string `code`.
 */

/** Stable codes of {@link CryptoError}. */
export type CryptoErrorCode =
  | 'CRYPTO_DER_INVALID'
  | 'CRYPTO_KEY_INVALID'
  | 'CRYPTO_HASH_UNSUPPORTED'
  | 'CRYPTO_ARGUMENT_INVALID'

/** Error raised by parsers and helpers of `src/crypto`. */
export class CryptoError extends Error {
  /** Stable machine-readable code. */
  readonly code: CryptoErrorCode

  constructor(code: CryptoErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
    this.name = 'CryptoError'
  }
}

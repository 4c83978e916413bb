/**
 * Selection of the active crypto backend. The default is portable (WebCrypto + pure JS); the
 * Node entry point installs `nodeCryptoBackend` with {@link setCryptoBackend}.
 */
import type { CryptoBackend } from './backend-types.js'
import { webCryptoBackend } from './webcrypto-backend.js'

let active: CryptoBackend | undefined

/** Installs `backend` as the process-wide crypto backend. */
export function setCryptoBackend(backend: CryptoBackend): void {
  active = backend
}

/** The active crypto backend. */
export function getCryptoBackend(): CryptoBackend {
  return active ?? webCryptoBackend
}

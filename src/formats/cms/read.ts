/**
 * Reader of standalone CMS signature files (kind `cms`): `.p7s` (detached) and `.p7m`
 * (attached content), PKCS#7 or GB/T 35275. It only extracts; evaluation decides.
 */
import { FormatError } from '../../errors.js'
import { parseSignedData, type SignedData } from '../../pki/cms/signed-data.js'

/** What a CMS signature file holds. */
export interface CmsEvidence {
  /** The message as read (BER or DER). */
  readonly der: Uint8Array
  readonly signedData: SignedData
  /** True when the signed content is encapsulated in the message. */
  readonly attached: boolean
  readonly signerCount: number
}

/**
 * Reads a CMS signature file. Throws FormatError ('format.cms', 'format.der') or LimitError
 * when it is malformed, and FormatError 'format.cms-no-signer' for a certs-only SignedData
 * (a certificate bundle, not a signature).
 * @example
 * const evidence = readCmsFile(bytes)
 * evidence.attached // false for a detached .p7s
 */
export function readCmsFile(bytes: Uint8Array): CmsEvidence {
  const signedData = parseSignedData(bytes)
  if (signedData.signers.length === 0) {
    throw new FormatError(
      'format.cms-no-signer',
      'CMS: no SignerInfo, this is a certificate bundle / CMS 无签名者，是证书包而非签名',
    )
  }
  return {
    der: bytes,
    signedData,
    attached: signedData.eContent !== undefined,
    signerCount: signedData.signers.length,
  }
}

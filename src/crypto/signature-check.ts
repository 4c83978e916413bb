/**
 * Result types of signature verification and their bilingual messages.
 */

/** Why a signature did not verify. */
export type SignatureFailureReason =
  | 'signature-mismatch'
  | 'unsupported-algorithm'
  | 'malformed-key'
  | 'malformed-signature'
  | 'key-algorithm-mismatch'

/** Outcome of {@link verifySignature}. */
export type SignatureCheck =
  | { valid: true; algorithm: string }
  | { valid: false; reason: SignatureFailureReason; message: string }

const PREFIX: Readonly<Record<SignatureFailureReason, string>> = {
  'signature-mismatch': '签名值与数据或公钥不符 / signature does not match data and key',
  'unsupported-algorithm': '不支持的签名算法 / unsupported signature algorithm',
  'malformed-key': '公钥格式错误 / malformed public key',
  'malformed-signature': '签名值格式错误 / malformed signature value',
  'key-algorithm-mismatch': '公钥类型与签名算法不符 / key type does not match the algorithm',
}

/** Builds a failed check with a bilingual message and an optional English detail. */
export function failure(reason: SignatureFailureReason, detail?: string): SignatureCheck {
  return {
    valid: false,
    reason,
    message: detail === undefined ? PREFIX[reason] : `${PREFIX[reason]}: ${detail}`,
  }
}

/**
 * Stable result codes of certification path validation, with their ETSI EN 319 102-1
 * sub-indications and Chinese / English texts. The verdict merges this table into its own.
 */

/** ETSI sub-indications that path validation can produce. */
export type PathSubIndication =
  | 'NO_CERTIFICATE_CHAIN_FOUND'
  | 'OUT_OF_BOUNDS_NO_POE'
  | 'CERTIFICATE_CHAIN_GENERAL_FAILURE'
  | 'CHAIN_CONSTRAINTS_FAILURE'
  | 'REVOKED'
  | 'REVOKED_CA_NO_POE'
  | 'TRY_LATER'

/** One entry of the code table. */
export interface PathCodeInfo {
  readonly code: PathReason
  /** Undefined only for `chain.ok`. */
  readonly subIndication?: PathSubIndication
  readonly zh: string
  readonly en: string
}

/** Every reason code path validation returns. */
export type PathReason =
  | 'chain.ok'
  | 'chain.no-path'
  | 'chain.signature'
  | 'chain.expired'
  | 'chain.not-yet-valid'
  | 'chain.basic-constraints'
  | 'chain.path-length'
  | 'chain.key-cert-sign'
  | 'chain.name-constraints'
  | 'chain.policy'
  | 'chain.critical-extension'
  | 'chain.malformed-extension'
  | 'chain.anchor-constraints'
  | 'chain.depth'
  | 'chain.key-usage'
  | 'chain.extended-key-usage'
  | 'chain.revoked'
  | 'chain.ca-revoked'
  | 'chain.revocation-unknown'
  | 'chain.work-limit'

const GENERAL = 'CERTIFICATE_CHAIN_GENERAL_FAILURE'

/** The code table, in a stable order. */
export const PATH_CODES: readonly PathCodeInfo[] = [
  { code: 'chain.ok', zh: '证书链验证通过', en: 'certification path is valid' },
  {
    code: 'chain.no-path',
    subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
    zh: '找不到通往受信任根的证书链',
    en: 'no certification path to a trust anchor was found',
  },
  {
    code: 'chain.signature',
    subIndication: GENERAL,
    zh: '证书链中某证书的签名无效',
    en: 'the signature of a certificate in the path does not verify',
  },
  {
    code: 'chain.expired',
    subIndication: 'OUT_OF_BOUNDS_NO_POE',
    zh: '证书链中某证书在验证时间已过期',
    en: 'a certificate in the path had expired at the validation time',
  },
  {
    code: 'chain.not-yet-valid',
    subIndication: 'OUT_OF_BOUNDS_NO_POE',
    zh: '证书链中某证书在验证时间尚未生效',
    en: 'a certificate in the path was not yet valid at the validation time',
  },
  {
    code: 'chain.basic-constraints',
    subIndication: GENERAL,
    zh: '中间证书不是 CA 证书（基本约束）',
    en: 'an intermediate certificate is not a CA (basicConstraints)',
  },
  {
    code: 'chain.path-length',
    subIndication: GENERAL,
    zh: '证书链超出路径长度约束',
    en: 'the path exceeds a pathLenConstraint',
  },
  {
    code: 'chain.key-cert-sign',
    subIndication: GENERAL,
    zh: 'CA 证书的密钥用法不允许签发证书',
    en: 'a CA certificate key usage does not allow keyCertSign',
  },
  {
    code: 'chain.name-constraints',
    subIndication: GENERAL,
    zh: '证书名称违反名称约束',
    en: 'a certificate name violates the name constraints',
  },
  {
    code: 'chain.policy',
    subIndication: GENERAL,
    zh: '证书策略处理失败',
    en: 'certificate policy processing failed',
  },
  {
    code: 'chain.critical-extension',
    subIndication: GENERAL,
    zh: '证书含有无法识别的关键扩展',
    en: 'a certificate has an unrecognised critical extension',
  },
  {
    code: 'chain.malformed-extension',
    subIndication: GENERAL,
    zh: '证书扩展格式错误',
    en: 'a certificate extension is malformed',
  },
  {
    code: 'chain.anchor-constraints',
    subIndication: GENERAL,
    zh: '受信任根证书不能用于签发证书',
    en: 'the trust anchor certificate may not issue certificates',
  },
  {
    code: 'chain.depth',
    subIndication: GENERAL,
    zh: '证书链过长',
    en: 'the certification path is longer than allowed',
  },
  {
    code: 'chain.key-usage',
    subIndication: 'CHAIN_CONSTRAINTS_FAILURE',
    zh: '终端证书的密钥用法不符合要求',
    en: 'the end-entity key usage does not allow the requested use',
  },
  {
    code: 'chain.extended-key-usage',
    subIndication: 'CHAIN_CONSTRAINTS_FAILURE',
    zh: '终端证书的扩展密钥用法不符合要求',
    en: 'the end-entity extended key usage does not allow the requested use',
  },
  {
    code: 'chain.revoked',
    subIndication: 'REVOKED',
    zh: '终端证书已被吊销',
    en: 'the end-entity certificate is revoked',
  },
  {
    code: 'chain.ca-revoked',
    subIndication: 'REVOKED_CA_NO_POE',
    zh: '证书链中的 CA 证书已被吊销',
    en: 'a CA certificate in the path is revoked',
  },
  {
    code: 'chain.revocation-unknown',
    subIndication: 'TRY_LATER',
    zh: '无法确定证书的吊销状态',
    en: 'the revocation status of a certificate could not be determined',
  },
  {
    code: 'chain.work-limit',
    subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
    zh: '证书链构建超出工作量上限',
    en: 'path building exceeded its work limit',
  },
]

const BY_CODE = new Map(PATH_CODES.map((c) => [c.code, c]))

/** The table entry of a code. */
export function pathCodeInfo(code: PathReason): PathCodeInfo {
  const info = BY_CODE.get(code)
  if (!info) throw new Error(`unknown path code ${code}`)
  return info
}

/** Builds the bilingual message "zh / en", with optional detail appended to each part. */
export function pathMessage(code: PathReason, detail?: string): string {
  const info = pathCodeInfo(code)
  return detail ? `${info.zh}：${detail} / ${info.en}: ${detail}` : `${info.zh} / ${info.en}`
}

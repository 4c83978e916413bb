/**
 * Stable check codes (with Chinese and English texts) of time-stamp verification.
 */

/** Codes of time-stamp checks, with their zh/en texts. */
export const TIMESTAMP_CODES = {
  'timestamp.imprint': {
    zh: '时间戳的消息摘要与数据一致',
    en: 'the time-stamp message imprint matches the data',
  },
  'timestamp.content-type': {
    zh: '签名属性 contentType 为 TSTInfo',
    en: 'the signed contentType attribute is TSTInfo',
  },
  'timestamp.message-digest': {
    zh: '签名属性 messageDigest 与 TSTInfo 一致',
    en: 'the signed messageDigest attribute matches the TSTInfo',
  },
  'timestamp.signature': {
    zh: '时间戳签名有效',
    en: 'the time-stamp signature verifies',
  },
  'timestamp.signing-certificate': {
    zh: '签名证书属性（ESSCertID/ESSCertIDv2）指向时间戳证书',
    en: 'the signing-certificate attribute (ESSCertID/v2) designates the TSA certificate',
  },
  'timestamp.tsa-certificate': {
    zh: '找到时间戳服务证书',
    en: 'the TSA certificate is present',
  },
  'timestamp.tsa-eku': {
    zh: '时间戳证书有且仅有关键扩展用途 id-kp-timeStamping',
    en: 'the TSA certificate has a critical EKU of id-kp-timeStamping only',
  },
  'timestamp.tsa-key-usage': {
    zh: '时间戳证书密钥用途允许签名',
    en: 'the TSA certificate key usage allows signing',
  },
  'timestamp.tsa-validity': {
    zh: '时间戳生成时间在时间戳证书有效期内',
    en: 'genTime lies within the TSA certificate validity',
  },
  'timestamp.critical-extension': {
    zh: 'TSTInfo 无无法识别的关键扩展',
    en: 'the TSTInfo has no unrecognised critical extension',
  },
  'timestamp.nonce': {
    zh: '时间戳随机数与请求一致',
    en: 'the time-stamp nonce matches the request',
  },
  'timestamp.chain': {
    zh: '时间戳证书链有效，且锚定于时间戳服务',
    en: 'the TSA certificate chains to a trusted timestamp authority',
  },
} as const satisfies Record<string, { zh: string; en: string }>

/** One of the time-stamp check codes. */
export type TimestampCode = keyof typeof TIMESTAMP_CODES

/** Outcome of one time-stamp check. */
export interface TimestampCheck {
  readonly code: TimestampCode
  readonly status: 'passed' | 'failed' | 'indeterminate' | 'skipped'
  /** "zh / en" text, with detail when failed. */
  readonly message: string
}

/** Builds a check with its bilingual message. */
export function timestampCheck(
  code: TimestampCode,
  status: TimestampCheck['status'],
  detail?: string,
): TimestampCheck {
  const t = TIMESTAMP_CODES[code]
  const message = `${t.zh} / ${t.en}`
  return { code, status, message: detail ? `${message} (${status}: ${detail})` : message }
}

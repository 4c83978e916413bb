/**
 * Stable codes (with Chinese and English texts) that the CRL source puts on 'unknown' answers.
 */

/** Codes a CRL source reports, with their zh/en texts. */
export const CRL_CODES = {
  'revocation.crl.none': {
    zh: '没有适用于该证书的 CRL',
    en: 'no CRL in scope for this certificate',
  },
  'revocation.crl.critical': {
    zh: 'CRL 含有无法处理的关键扩展',
    en: 'the CRL has a critical extension that cannot be processed',
  },
  'revocation.crl.after-expiry': {
    zh: 'CRL 签发于验证时间之后且证书届时已过期，过期证书的条目可能已被移除，不能作为证据',
    en:
      'the CRL was issued after the validation time and after the certificate expired; ' +
      'expired entries may have been dropped',
  },
  'revocation.crl.stale': {
    zh: 'CRL 已过 nextUpdate，信息过期',
    en: 'the CRL is past its nextUpdate',
  },
  'revocation.crl.no-signer': {
    zh: '找不到 CRL 的签发者证书',
    en: 'the CRL issuer certificate cannot be found',
  },
  'revocation.crl.signature': {
    zh: 'CRL 签名无效',
    en: 'the CRL signature does not verify',
  },
  'revocation.crl.key-usage': {
    zh: 'CRL 签发者证书的密钥用法不含 cRLSign',
    en: 'the CRL issuer key usage lacks cRLSign',
  },
  'revocation.crl.signer-invalid': {
    zh: 'CRL 签发者证书无法验证到同一受信任根',
    en: 'the CRL issuer certificate does not validate to the same trust anchor',
  },
  'revocation.crl.work-limit': {
    zh: 'CRL 签名验证次数超出上限',
    en: 'too many CRL signature checks',
  },
  'revocation.crl.delta-unusable': {
    zh: '适用的增量 CRL 不可用',
    en: 'the matching delta CRL is unusable',
  },
  'revocation.crl.reasons': {
    zh: '可用的 CRL 未覆盖全部吊销原因',
    en: 'the usable CRLs do not cover all revocation reasons',
  },
} as const satisfies Record<string, { zh: string; en: string }>

/** A CRL source code. */
export type CrlCode = keyof typeof CRL_CODES

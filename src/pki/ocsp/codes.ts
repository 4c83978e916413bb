/**
 * Stable codes (with Chinese and English texts) that OCSP checking puts on 'unknown' answers.
 */

/** Codes an OCSP source reports, with their zh/en texts. */
export const OCSP_CODES = {
  'revocation.ocsp.none': {
    zh: '没有 OCSP 响应',
    en: 'no OCSP response available',
  },
  'revocation.ocsp.malformed': {
    zh: 'OCSP 响应格式错误',
    en: 'the OCSP response is malformed',
  },
  'revocation.ocsp.unsuccessful': {
    zh: 'OCSP 响应状态不是成功',
    en: 'the OCSP responder did not answer successfully',
  },
  'revocation.ocsp.no-match': {
    zh: 'OCSP 响应中没有该证书的状态',
    en: 'no OCSP answer matches this certificate and issuer',
  },
  'revocation.ocsp.responder-not-found': {
    zh: '找不到 OCSP 响应的签名者',
    en: 'the OCSP responder certificate cannot be found',
  },
  'revocation.ocsp.responder-not-authorized': {
    zh: 'OCSP 响应者未获签发者授权（缺少 OCSPSigning 用途或非该签发者所签）',
    en: 'the OCSP responder is not authorised by the issuer (no OCSPSigning or wrong issuer)',
  },
  'revocation.ocsp.responder-expired': {
    zh: 'OCSP 响应者证书不在有效期内',
    en: 'the OCSP responder certificate is outside its validity period',
  },
  'revocation.ocsp.responder-revoked': {
    zh: 'OCSP 响应者证书已被撤销',
    en: 'the OCSP responder certificate is revoked',
  },
  'revocation.ocsp.responder-unchecked': {
    zh: 'OCSP 响应者证书无 ocsp-nocheck，且无法确认其未被撤销',
    en: 'the OCSP responder has no ocsp-nocheck and its own status cannot be established',
  },
  'revocation.ocsp.signature': {
    zh: 'OCSP 响应签名无效',
    en: 'the OCSP response signature does not verify',
  },
  'revocation.ocsp.critical-extension': {
    zh: 'OCSP 响应含有无法识别的关键扩展',
    en: 'the OCSP response has an unrecognised critical extension',
  },
  'revocation.ocsp.responder-unknown': {
    zh: 'OCSP 响应者不认识该证书',
    en: 'the OCSP responder does not know this certificate',
  },
  'revocation.ocsp.not-yet-valid': {
    zh: 'OCSP 响应晚于验证时间产生',
    en: 'the OCSP response was made after the validation time',
  },
  'revocation.ocsp.stale': {
    zh: 'OCSP 响应已过期（nextUpdate 早于验证时间）',
    en: 'the OCSP response is stale at the validation time',
  },
  'revocation.ocsp.nonce-mismatch': {
    zh: 'OCSP 响应的随机数与请求不符',
    en: 'the OCSP response nonce does not match the request',
  },
} as const satisfies Record<string, { zh: string; en: string }>

/** One of the OCSP codes. */
export type OcspCode = keyof typeof OCSP_CODES

/** The "zh / en" message of an OCSP code, with an optional English detail appended. */
export function ocspMessage(code: OcspCode, detail?: string): string {
  const t = OCSP_CODES[code]
  return detail ? `${t.zh} / ${t.en}: ${detail}` : `${t.zh} / ${t.en}`
}

/**
 * Check codes of signed JSON licences (JWS), zh/en.
 */
import { registerCodes } from '../verdict/messages.js'

/** The JWS codes, for documentation and tests. */
export const JWS_CODES = {
  'jws.format': {
    zh: 'JWS（{serialization} 序列化），算法 {alg}{detached}',
    en: 'JWS ({serialization} serialization), algorithm {alg}{detached}',
  },
  'jws.alg-unsupported': {
    zh: '不接受的签名算法 {alg}',
    en: 'Signature algorithm {alg} is not accepted',
  },
  'jws.crit-unsupported': {
    zh: '关键头部参数 {names} 无法处理或不在受保护头部中',
    en: 'Critical header parameters {names} are not understood or not protected',
  },
  'jws.payload-missing': {
    zh: '分离式 JWS 未提供载荷，无法验证',
    en: 'Detached JWS without its payload: nothing to verify',
  },
  'jws.payload-not-licence': {
    zh: '载荷不是 JSON 证照对象：{reason}',
    en: 'The payload is not a JSON licence object: {reason}',
  },
  'jws.no-certificate': {
    zh: 'JWS 未在 x5c 中携带签名者证书',
    en: 'The JWS carries no signer certificate in x5c',
  },
  'jws.thumbprint-mismatch': {
    zh: 'x5t#S256 与 x5c 中的签名者证书不符',
    en: 'x5t#S256 does not match the signer certificate in x5c',
  },
  'jws.signature': {
    zh: 'JWS 签名（{alg}）验证通过，签名者“{signer}”',
    en: 'JWS signature ({alg}) verifies; signer "{signer}"',
  },
  'jws.signature-invalid': {
    zh: 'JWS 签名（{alg}）验证失败：{reason}',
    en: 'JWS signature ({alg}) does not verify: {reason}',
  },
  'jws.timestamp': {
    zh: '签名时间戳有效，证明签名不晚于 {time}',
    en: 'The signature time-stamp is valid: the signature existed at {time}',
  },
  'jws.timestamp-invalid': {
    zh: '签名时间戳无效，不作为时间证明：{reason}',
    en: 'The signature time-stamp is not valid and proves no time: {reason}',
  },
} as const

registerCodes(JWS_CODES)

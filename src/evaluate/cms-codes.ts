/**
 * Stable check codes of CMS signature verification (`cms.*`), with Chinese and English texts.
 */
import { registerCodes } from '../verdict/messages.js'

export const CMS_CODES = {
  'cms.format': {
    zh: 'CMS 签名结构错误：{reason}',
    en: 'The CMS signature is malformed: {reason}',
  },
  'cms.no-signer': {
    zh: 'CMS SignedData 不含签名者信息（SignerInfo）',
    en: 'The CMS SignedData holds no SignerInfo',
  },
  'cms.several-signers': {
    zh: 'CMS SignedData 含 {count} 个签名者，本结果验证第 {index} 个',
    en: 'The CMS SignedData has {count} signers; this result verifies number {index}',
  },
  'cms.signing-certificate': {
    zh: '按 SignerInfo 标识找到签名证书：{subject}',
    en: 'The signing certificate named by the SignerInfo was found: {subject}',
  },
  'cms.signing-certificate-missing': {
    zh: 'SignedData 中没有 SignerInfo 所标识的签名证书',
    en: 'The certificate the SignerInfo names is not in the SignedData',
  },
  'cms.algorithm': {
    zh: '签名算法：{algorithm}',
    en: 'Signature algorithm: {algorithm}',
  },
  'cms.algorithm-unsupported': {
    zh: '不支持或不一致的算法：摘要 {digest}，签名 {signature}',
    en: 'Unsupported or inconsistent algorithms: digest {digest}, signature {signature}',
  },
  'cms.weak-algorithm': {
    zh: '签名使用弱算法 {algorithm}（{reasons}）',
    en: 'The signature uses a weak algorithm: {algorithm} ({reasons})',
  },
  'cms.refused-algorithm': {
    zh: '签名使用已禁用的算法 {algorithm}（{reasons}）',
    en: 'The signature uses a refused algorithm: {algorithm} ({reasons})',
  },
  'cms.weak-certificate-algorithm': {
    zh: '证书“{cert}”的签名使用弱算法 {algorithm}',
    en: 'The certificate "{cert}" is signed with a weak algorithm: {algorithm}',
  },
  'cms.content-type': {
    zh: '签名属性 contentType 与封装内容类型 {type} 一致',
    en: 'The signed contentType attribute matches the encapsulated content type {type}',
  },
  'cms.content-type-mismatch': {
    zh: '签名属性 contentType 缺失、错误或与封装内容类型 {type} 不一致（{reason}）',
    en: 'The signed contentType attribute is missing, malformed or differs from {type} ({reason})',
  },
  'cms.message-digest': {
    zh: '被签名内容的摘要（{hash}）与签名属性 messageDigest 一致',
    en: 'The digest of the signed content ({hash}) matches the messageDigest attribute',
  },
  'cms.message-digest-mismatch': {
    zh: '被签名内容的摘要（{hash}）与签名属性 messageDigest 不一致：内容已被篡改',
    en: 'The digest of the signed content ({hash}) differs from messageDigest: content altered',
  },
  'cms.message-digest-missing': {
    zh: '签名属性缺少或含有错误的 messageDigest（{reason}）',
    en: 'The signed attributes lack a well-formed messageDigest ({reason})',
  },
  'cms.content-missing': {
    zh: '未提供被签名的内容（分离式签名），无法检查完整性',
    en: 'The signed content was not supplied (detached signature); integrity cannot be checked',
  },
  'cms.content-mismatch': {
    zh: '封装的内容与给定的内容不一致',
    en: 'The encapsulated content differs from the content supplied',
  },
  'cms.signature': {
    zh: '签名值验证通过（{algorithm}）',
    en: 'The signature value verifies ({algorithm})',
  },
  'cms.signature-invalid': {
    zh: '签名值验证失败（{reason}）',
    en: 'The signature value does not verify ({reason})',
  },
  'cms.ess-signing-certificate': {
    zh: '签名证书属性（ESSCertID{version}）指向签名证书',
    en: 'The signing-certificate attribute (ESSCertID{version}) designates the signer',
  },
  'cms.ess-signing-certificate-mismatch': {
    zh: '签名证书属性（ESSCertID{version}）与签名证书不符（{reason}）',
    en: 'The signing-certificate attribute (ESSCertID{version}) does not fit ({reason})',
  },
  'cms.signing-time': {
    zh: '签名者声明的签名时间：{time}（仅为声明，不作为时间证明）',
    en: 'Signing time claimed by the signer: {time} (a claim, not a proof of time)',
  },
  'cms.signing-time-invalid': {
    zh: '签名时间属性格式错误（{reason}）',
    en: 'The signingTime attribute is malformed ({reason})',
  },
  'cms.timestamp': {
    zh: '签名时间戳有效，生成时间 {time}',
    en: 'The signature time-stamp is valid; genTime {time}',
  },
  'cms.timestamp-untrusted': {
    zh: '签名时间戳完好（生成时间 {time}），但其时间戳服务不可信，不作为时间证明（{reason}）',
    en: 'The signature time-stamp is intact (genTime {time}) but its TSA is not trusted ({reason})',
  },
  'cms.timestamp-invalid': {
    zh: '签名时间戳无效（{reason}）',
    en: 'The signature time-stamp is invalid ({reason})',
  },
  'cms.embedded-revocation': {
    zh: '签名中内嵌吊销数据：{crls} 个 CRL，{ocsp} 个 OCSP 响应',
    en: 'Revocation data embedded in the signature: {crls} CRL(s), {ocsp} OCSP response(s)',
  },
  'cms.embedded-revocation-invalid': {
    zh: 'Adobe 吊销数据归档属性格式错误，已忽略（{reason}）',
    en: 'The Adobe revocation archival attribute is malformed and was ignored ({reason})',
  },
  'cms.detached': {
    zh: '分离式 CMS 签名文件未附带被签名内容：无法确定签名是否完整',
    en: 'Detached CMS signature without its content: its integrity cannot be determined',
  },
} as const

/** One of the CMS check codes. */
export type CmsCode = keyof typeof CMS_CODES

registerCodes(CMS_CODES)

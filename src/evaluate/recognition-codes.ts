/**
 * Check codes of the recognition decision (zh/en). Every refusal is a `policy.*` code.
 */
import { registerCodes } from '../verdict/messages.js'

/** The recognition codes, for documentation and tests. */
export const RECOGNITION_CODES = {
  'policy.issuing-service': {
    zh: '{what}经{province}“{service}”担保，签署时该服务处于授予状态',
    en: 'The {what} is vouched for by {province} "{service}", granted at the signing time',
  },
  'policy.issuing-service-refused': {
    zh: '{what}链接到{province}的服务，但其自身的互认检查未通过：{reason}',
    en:
      'The {what} chains to a service of {province} but its own recognition check failed: ' +
      '{reason}',
  },
  'policy.no-issuing-service': {
    zh: '没有签名或印章链接到四省市的证照签发或电子印章制作服务，不能作为证照互认',
    en:
      'No signature or seal chains to a licence-issuer or seal-maker service ' +
      'of the four provinces',
  },
  'policy.issuing-service-undecided': {
    zh: '签名或印章验证未通过，无法确定担保的信任服务',
    en: 'Signatures or seals did not validate: the vouching trust service cannot be decided',
  },
  'policy.service-withdrawn': {
    zh: '{what}链接的信任服务“{service}”{state}：{proof}',
    en: 'The trust service "{service}" of the {what} {state}: {proof}',
  },
  'policy.type-recognised': {
    zh: '证照类型“{type}”（{code}）在 {year} 年互认事项清单上',
    en: 'Licence type "{type}" ({code}) is on the {year} mutual recognition list',
  },
  'policy.type-not-recognised': {
    zh: '证照类型 {code} 不在 {year} 年互认事项清单上',
    en: 'Licence type {code} is not on the {year} mutual recognition list',
  },
  'policy.issuer-signer': {
    zh: '颁发机构代码 {code} 与签名者证书的机构标识一致',
    en: 'Issuing authority code {code} matches the signer certificate organisation identifier',
  },
  'policy.issuer-signer-mismatch': {
    zh: '颁发机构代码 {code} 与签名者证书的机构标识 {signer} 不一致',
    en: 'Issuing authority code {code} differs from the signer certificate organisation {signer}',
  },
  'licence.sealed-by-other': {
    zh: '签章人证书的机构标识 {signer} 不是颁发机构代码 {code}（印章由其他单位加盖）',
    en: 'The sealing certificate belongs to {signer}, not to the issuing authority {code}',
  },
  'policy.issuer-province-mismatch': {
    zh: '颁发机构属于 {issuer}，但担保的是 {province}',
    en: 'The issuing authority is in {issuer} but {province} vouches for the document',
  },
  'policy.recognised': {
    zh:
      '予以互认：{province}“{service}”担保；签署者 {signer}；印章 {seal}；' +
      '证照类型 {type}；有效期 {from} 至 {to}',
    en:
      'Recognised: vouched for by {province} "{service}"; signer {signer}; seal {seal}; ' +
      'licence type {type}; valid {from} to {to}',
  },
} as const

registerCodes(RECOGNITION_CODES)

/**
 * The clauses of `policy.service-withdrawn` (`{state}`, then `{proof}`): when the service was
 * withdrawn, and which time its status was judged at. Not codes of their own.
 */
export const WITHDRAWN_CLAUSES = {
  withdrawnOn: { zh: '已于 {withdrawn} 撤销授权', en: 'was withdrawn on {withdrawn}' },
  notGranted: { zh: '在所判断的时间未处于授予状态', en: 'was not granted at the time judged' },
  stampAfter: {
    zh: '时间戳证明的签署时间 {stamp} 在撤销之后',
    en: 'the time-stamp proves signing at {stamp}, after the withdrawal',
  },
  stampUnproven: {
    zh: '时间戳时间 {stamp} 未能证明签署时该服务处于授予状态，按验证时间 {time} 判断',
    en:
      'the time-stamp ({stamp}) does not prove the service was granted at signing, so ' +
      'the validation time {time} was used',
  },
  claimed: {
    zh: '没有时间戳证明签署早于撤销，按验证时间 {time} 判断（声称的签署时间 {claimed} 不能作为证明）',
    en:
      'no time-stamp proves signing before then, so the validation time {time} was used ' +
      '(the claimed signing time {claimed} is no proof)',
  },
  noTime: {
    zh: '没有时间戳证明签署早于撤销，按验证时间 {time} 判断',
    en: 'no time-stamp proves signing before then, so the validation time {time} was used',
  },
} as const

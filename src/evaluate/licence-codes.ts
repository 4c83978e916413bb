/**
 * Check codes of the licence metadata checks (zh/en). Every refusal is a `policy.*` code.
 */
import { registerCodes } from '../verdict/messages.js'

/** The licence metadata codes, for documentation and tests. */
export const LICENCE_CODES = {
  'licence.metadata': {
    zh: '证照元数据（GB/T 36903）：{count} 项，来源 {source}',
    en: 'Licence metadata (GB/T 36903): {count} fields, from {source}',
  },
  'licence.absent': {
    zh: '文件不含证照元数据，仅验证签名与签章，不适用证照互认规则',
    en: 'No licence metadata: signatures and seals verified, licence recognition rules not applied',
  },
  'policy.licence-fields-missing': {
    zh: '证照元数据缺少必备项：{fields}',
    en: 'Licence metadata lacks mandatory fields: {fields}',
  },
  'policy.licence-fields-conflict': {
    zh: '证照元数据项重复且取值不同：{fields}',
    en: 'Licence metadata fields given twice with different values: {fields}',
  },
  'policy.licence-date-format': {
    zh: '证照日期格式无法识别：{fields}',
    en: 'Licence dates not recognised as dates: {fields}',
  },
  'licence.identifier': {
    zh: '证照标识 {identifier} 格式正确，校验位 {check} 正确（ISO/IEC 7064 MOD 37,36）',
    en: 'Licence identifier {identifier} is well formed; check character {check} correct',
  },
  'policy.licence-identifier': {
    zh: '证照标识 {identifier} 不合规：{problems}（校验位应为 {expected}）',
    en:
      'Licence identifier {identifier} is not well formed: {problems} ' +
      '(check should be {expected})',
  },
  'policy.licence-type-code-mismatch': {
    zh: '证照类型代码 {field} 与证照标识中的 {part} 不一致',
    en: 'Licence type code {field} differs from {part} in the identifier',
  },
  'policy.licence-issuer-code-mismatch': {
    zh: '颁发机构代码 {field} 与证照标识中的 {part} 不一致',
    en: 'Issuing authority code {field} differs from {part} in the identifier',
  },
  'licence.holder-id': {
    zh: '持证主体代码 {id} 符合其类型（{type}）',
    en: 'Holder ID {id} is valid for its type ({type})',
  },
  'policy.licence-holder-id': {
    zh: '持证主体代码 {id} 不符合其类型（{type}）的格式或校验位',
    en: 'Holder ID {id} does not match the format or check character of its type ({type})',
  },
  'licence.holder-id-type-unknown': {
    zh: '持证主体代码类型 {type} 未知，未检查持证主体代码',
    en: 'Holder ID type {type} unknown: the holder ID was not checked',
  },
  'licence.issuer-province': {
    zh: '颁发机构代码 {code} 的登记管理机关行政区划属于 {province}',
    en: 'Issuing authority code {code} is registered in {province}',
  },
  'policy.licence-issuer-province': {
    zh: '颁发机构代码 {code} 的行政区划 {division} 不属于长三角三省一市',
    en: 'Issuing authority code {code}: division {division} is outside the four YRD provinces',
  },
  'licence.validity': {
    zh: '证照在验证时间处于有效期内（{from} 至 {to}）',
    en: 'The licence is within its validity at the validation time ({from} to {to})',
  },
  'policy.licence-expired': {
    zh: '证照已于 {to} 过期（验证时间 {time}）',
    en: 'The licence expired on {to} (validation time {time})',
  },
  'policy.licence-not-yet-valid': {
    zh: '证照自 {from} 起才生效（验证时间 {time}）',
    en: 'The licence is valid only from {from} (validation time {time})',
  },
} as const

registerCodes(LICENCE_CODES)

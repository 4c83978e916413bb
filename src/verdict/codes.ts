/**
 * Check codes of the input, certificate and registry steps. Other areas register their own
 * tables next to their code (for example the path validator's `chain.*` codes).
 */
import { registerCodes } from './messages.js'

export const INPUT_CODES = {
  'input.format': {
    zh: '输入不是格式正确的{what}：{reason}',
    en: 'The input is not a well-formed {what}: {reason}',
  },
  'input.unsupported': {
    zh: '无法识别的输入格式（支持证书、PDF、OFD、电子印章、JWS）',
    en: 'Unrecognised input format (certificates, PDF, OFD, seals and JWS are supported)',
  },
  'input.too-large': {
    zh: '输入大小 {size} 字节超过上限 {limit} 字节',
    en: 'The input is {size} bytes, over the limit of {limit} bytes',
  },
  'input.empty': { zh: '输入为空', en: 'The input is empty' },
} as const

export const CERTIFICATE_CODES = {
  'certificate.parse': {
    zh: '证书 {index} 格式错误：{reason}',
    en: 'Certificate {index} is malformed: {reason}',
  },
  'certificate.trust-service': {
    zh: '信任锚属于{province}的“{service}”服务，在 {time} 处于授权状态',
    en: 'The anchor belongs to the {provinceEn} service "{serviceEn}", granted at {time}',
  },
  'certificate.trust-service-withdrawn': {
    zh: '信任锚所属服务“{service}”（{province}）在 {time} 已被撤销授权，且无更早的存在证明',
    en:
      'The anchor\'s service "{serviceEn}" ({provinceEn}) was withdrawn at {time}, ' +
      'with no earlier proof of existence',
  },
  'certificate.trust-service-unknown': {
    zh: '信任锚不属于注册表中的任何服务',
    en: 'The anchor belongs to no service of the registry',
  },
  'certificate.revocation': {
    zh: '吊销状态：{state}（来源：{source}）',
    en: 'Revocation status: {state} (source: {source})',
  },
  'certificate.revocation-unknown': {
    zh: '无法确定吊销状态：未提供 CRL 或 OCSP 响应（可用 --crl、--ocsp 或 --online）',
    en:
      'Revocation status unknown: no CRL or OCSP response available ' +
      '(use --crl, --ocsp or --online)',
  },
  'certificate.revoked-later': {
    zh: '证书在验证时间之后（{time}）被吊销，原因：{reason}；验证时间点上仍有效',
    en:
      'The certificate was revoked after the validation time ({time}, reason {reason}); ' +
      'it was valid at that time',
  },
  'certificate.revocation-skipped': {
    zh: '按要求未检查吊销状态',
    en: 'Revocation checking was switched off',
  },
  'certificate.weak-algorithm': {
    zh: '证书使用弱算法 {algorithm}',
    en: 'The certificate uses a weak algorithm: {algorithm}',
  },
  'certificate.private-key-present': {
    zh: '文件含有私钥；请勿随意传递此文件（私钥未被读取输出）',
    en: 'The file holds a private key; do not pass it around (the key was not output)',
  },
} as const

export const REGISTRY_CODES = {
  'registry.test': {
    zh: '正在使用内置测试信任注册表，结果不可用于正式业务',
    en: 'The built-in TEST trust registry is in use: results are not valid for real decisions',
  },
} as const

registerCodes(INPUT_CODES)
registerCodes(CERTIFICATE_CODES)
registerCodes(REGISTRY_CODES)

export const USAGE_CODES = {
  'certificate.key-usage': {
    zh: '证书密钥用途不符合“{service}”服务的要求：需要 {needed}，实际为 {found}',
    en: 'Key usage does not fit the "{service}" service: needs {needed}, has {found}',
  },
  'certificate.extended-key-usage': {
    zh: '证书扩展密钥用途不符合“{service}”服务的要求：需要 {needed}，实际为 {found}',
    en: 'Extended key usage does not fit the "{service}" service: needs {needed}, has {found}',
  },
  'input.kind-not-available': {
    zh: '已识别为 {kind} 文件，但本版本尚不能验证此类文件',
    en: 'Recognised as a {kind} file, which this version cannot verify yet',
  },
} as const

registerCodes(USAGE_CODES)

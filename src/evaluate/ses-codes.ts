/**
 * Check codes of electronic seals (`seal.*`) and seal signatures (`ses.*`), zh + en.
 */
import '../verdict/codes.js'
import { registerCodes } from '../verdict/messages.js'

export const SEAL_CODES = {
  'seal.format': {
    zh: '印章格式：{standard}（印章头版本 {version}，厂商 {vid}）',
    en: 'Seal format: {standard} (header version {version}, vendor {vid})',
  },
  'seal.parse': { zh: '印章格式错误：{reason}', en: 'The seal is malformed: {reason}' },
  'seal.header-id': {
    zh: '印章头标识为“{id}”，应为“ES”',
    en: 'The seal header id is "{id}" instead of "ES"',
  },
  'seal.header-version': {
    zh: '印章头版本号 {header} 与结构版本 {structure} 不一致',
    en: 'The seal header says version {header} but the structure is version {structure}',
  },
  'seal.property-layout': {
    zh: '印章属性信息为 v{layout} 结构，与印章版本 v{version} 不符',
    en: 'The seal property info has the v{layout} layout in a version {version} seal',
  },
  'seal.cert-list-type': {
    zh: '证书列表类型声明为 {declared}，实际内容为类型 {expected}',
    en: 'The certificate list type says {declared} but its content is type {expected}',
  },
  'seal.maker-certificate': {
    zh: '制章者证书无法解析：{reason}',
    en: 'The seal maker certificate cannot be parsed: {reason}',
  },
  'seal.maker-signature': {
    zh: '制章者签名有效（{algorithm}）',
    en: 'The seal maker signature is valid ({algorithm})',
  },
  'seal.maker-signature-invalid': {
    zh: '制章者签名无效：{reason}',
    en: 'The seal maker signature is invalid: {reason}',
  },
  'seal.maker-signature-unsupported': {
    zh: '不支持的制章者签名算法：{algorithm}',
    en: 'Unsupported seal maker signature algorithm: {algorithm}',
  },
  'seal.validity': {
    zh: '印章在 {time} 处于有效期内（{from} 至 {to}）',
    en: 'The seal is within its validity at {time} ({from} to {to})',
  },
  'seal.validity-outside': {
    zh: '印章在 {time} 不在有效期内（{from} 至 {to}）',
    en: 'The seal is outside its validity at {time} ({from} to {to})',
  },
  'seal.cert-list': {
    zh: '印章证书列表含 {count} 个证书',
    en: 'The seal certificate list holds {count} certificates',
  },
  'seal.cert-list-digests': {
    zh: '印章证书列表含 {count} 个证书摘要',
    en: 'The seal certificate list holds {count} certificate digests',
  },
  'seal.cert-list-empty': {
    zh: '印章证书列表为空，没有证书可使用此印章',
    en: 'The seal certificate list is empty: no certificate may apply this seal',
  },
  'seal.cert-list-certificate': {
    zh: '印章证书列表第 {index} 项不是有效证书：{reason}',
    en: 'Entry {index} of the seal certificate list is not a valid certificate: {reason}',
  },
  'seal.cert-list-digest': {
    zh: '印章证书列表第 {index} 项的摘要算法“{type}”未知或摘要长度不符',
    en: 'Entry {index} of the seal certificate list has an unknown digest "{type}" or bad length',
  },
  'seal.picture': {
    zh: '印章图像：{format}，{width}×{height} 毫米',
    en: 'Seal picture: {format}, {width}×{height} mm',
  },
  'seal.picture-format-mismatch': {
    zh: '印章图像声明为“{declared}”，实际为 {actual}',
    en: 'The seal picture is declared "{declared}" but is {actual}',
  },
  'seal.picture-format-unknown': {
    zh: '无法识别印章图像格式（声明为“{declared}”）',
    en: 'The seal picture format is not recognised (declared "{declared}")',
  },
  'seal.picture-size': {
    zh: '印章图像尺寸异常：{width}×{height} 毫米',
    en: 'The seal picture size is implausible: {width}×{height} mm',
  },
  'seal.extension-critical': {
    zh: '印章含有无法处理的关键扩展 {oid}',
    en: 'The seal carries a critical extension that is not understood: {oid}',
  },
  'seal.timestamp': {
    zh: '印章时间戳有效，时间 {time}',
    en: 'The seal time-stamp is valid, time {time}',
  },
  'seal.timestamp-invalid': {
    zh: '印章时间戳无效，不作为存在证明：{reason}',
    en: 'The seal time-stamp is not valid and is not used as proof of existence: {reason}',
  },
} as const

export const SES_CODES = {
  'ses.format': {
    zh: '签章格式：{standard}（TBS_Sign 版本 {tbs}）',
    en: 'Seal signature format: {standard} (TBS_Sign version {tbs})',
  },
  'ses.parse': {
    zh: '签章数据格式错误：{reason}',
    en: 'The seal signature is malformed: {reason}',
  },
  'ses.tbs-version': {
    zh: 'TBS_Sign 版本号 {tbs} 与结构版本 {structure} 不一致',
    en: 'TBS_Sign version {tbs} does not match the structure version {structure}',
  },
  'ses.seal-version': {
    zh: '签章（v{signature}）内嵌的印章为 v{seal}',
    en: 'The version {signature} signature embeds a version {seal} seal',
  },
  'ses.time-zone-assumed': {
    zh: '签章时间“{text}”未注明时区，按北京时间（UTC+8）解读',
    en: 'The signing time "{text}" has no time zone; read as China Standard Time (UTC+8)',
  },
  'ses.signer-certificate': {
    zh: '签章人证书无法解析：{reason}',
    en: 'The signer certificate cannot be parsed: {reason}',
  },
  'ses.signature': {
    zh: '签章人签名有效（{algorithm}，{encoding}）',
    en: 'The signer signature is valid ({algorithm}, {encoding})',
  },
  'ses.signature-invalid': {
    zh: '签章人签名无效：{reason}',
    en: 'The signer signature is invalid: {reason}',
  },
  'ses.signature-unsupported': {
    zh: '不支持的签章签名算法：{algorithm}',
    en: 'Unsupported signature algorithm: {algorithm}',
  },
  'ses.data-hash': {
    zh: '原文杂凑值与 {file} 一致',
    en: 'The data hash matches {file}',
  },
  'ses.data-hash-mismatch': {
    zh: '原文杂凑值与 {file} 不一致，文件已被改动',
    en: 'The data hash does not match {file}: the file was altered',
  },
  'ses.data-hash-absent': {
    zh: '未提供受保护的原文（{file}），无法核对原文杂凑值',
    en: 'The protected data ({file}) was not provided; the data hash cannot be checked',
  },
  'ses.signer-in-seal': {
    zh: '签章人证书列于印章证书列表中（{how}）',
    en: 'The signer certificate is in the seal certificate list ({how})',
  },
  'ses.signer-not-in-seal': {
    zh: '签章人证书不在印章证书列表中，无权使用此印章',
    en: 'The signer certificate is not in the seal certificate list: not entitled to the seal',
  },
  'ses.signing-time': {
    zh: '签章人声称的签章时间 {time} 在印章有效期内（仅为声称，不作证明）',
    en: 'The claimed signing time {time} is within the seal validity (a claim, not proof)',
  },
  'ses.signing-time-outside-seal': {
    zh: '签章人声称的签章时间 {time} 不在印章有效期内（{from} 至 {to}）',
    en: 'The claimed signing time {time} is outside the seal validity ({from} to {to})',
  },
  'ses.signing-time-unreadable': {
    zh: '无法读取签章时间“{text}”',
    en: 'The signing time "{text}" cannot be read',
  },
  'ses.signing-time-certificate': {
    zh: '声称的签章时间 {time} 不在签章人证书有效期内（{from} 至 {to}）',
    en: 'The claimed signing time {time} is outside the signer certificate validity ({from}–{to})',
  },
  'ses.timestamp': {
    zh: '签章时间戳有效，证明签名存在于 {time}',
    en: 'The signature time-stamp is valid: the signature existed at {time}',
  },
  'ses.timestamp-invalid': {
    zh: '签章时间戳无效，不作为存在证明：{reason}',
    en: 'The signature time-stamp is not valid and is not used as proof of existence: {reason}',
  },
  'ses.timestamp-outside-seal': {
    zh: '时间戳时间 {time} 不在印章有效期内（{from} 至 {to}）',
    en: 'The time-stamp time {time} is outside the seal validity ({from} to {to})',
  },
  'ses.timestamp-after-expiry': {
    zh: '时间戳证明签名晚于签章人证书到期时间 {notAfter}',
    en: 'The time-stamp proves signing after the signer certificate expired ({notAfter})',
  },
  'ses.timestamp-before-validity': {
    zh: '时间戳证明签名早于签章人证书生效时间 {notBefore}',
    en: 'The time-stamp proves signing before the signer certificate was valid ({notBefore})',
  },
  'ses.chain-at-timestamp': {
    zh: '证书链按时间戳时间 {time} 验证',
    en: 'The certificate chain was validated at the time-stamp time {time}',
  },
  'ses.extension-critical': {
    zh: '签章含有无法处理的关键扩展 {oid}',
    en: 'The signature carries a critical extension that is not understood: {oid}',
  },
  'ses.seal': {
    zh: '内嵌印章“{name}”（{esID}）：{result}',
    en: 'Embedded seal "{name}" ({esID}): {result}',
  },
} as const

registerCodes(SEAL_CODES)
registerCodes(SES_CODES)

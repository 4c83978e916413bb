/**
 * Check codes of PDF signature evaluation, each naming the attack class it stops where there
 * is one (USF, ISA, SWA, sig-dict spoofing, truncation; see the PDF signature notes), in zh
 * and en. The change analysis after signing registers its own (`pdf-changes-codes.ts`).
 */
import { registerCodes } from '../verdict/messages.js'

registerCodes({
  'pdf.byte-range': {
    zh: '/ByteRange 结构正确',
    en: 'The /ByteRange is well formed',
  },
  'pdf.byte-range.missing': {
    zh: '签名字典缺少 /ByteRange（通用签名伪造 USF）',
    en: 'The signature dictionary has no /ByteRange (universal signature forgery, USF)',
  },
  'pdf.byte-range.malformed': {
    zh: '/ByteRange {range} 不是四个非负整数（通用签名伪造 USF）',
    en: 'The /ByteRange {range} is not four non-negative integers (USF)',
  },
  'pdf.byte-range.start': {
    zh: '/ByteRange {range} 不是从文件开头签起（USF）',
    en: 'The /ByteRange {range} does not start at the beginning of the file (USF)',
  },
  'pdf.byte-range.order': {
    zh: '/ByteRange {range} 的两段次序或间隔不正确（USF）',
    en: 'The /ByteRange {range} slices are out of order or leave no room for /Contents (USF)',
  },
  'pdf.byte-range.overlap': {
    zh: '与签名 {other}（/ByteRange {range}）的签名范围交叠：两个签名值占用同一段字节，或在同一修订版中签署，其中一个不可能有效',
    en:
      'The signed range overlaps that of signature {other} (/ByteRange {range}): two ' +
      'signature values share bytes, or were made in one revision, and one cannot be valid',
  },
  'pdf.byte-range.bounds': {
    zh: '/ByteRange {range} 超出文件长度 {length}（USF）',
    en: 'The /ByteRange {range} reaches past the end of the file ({length} bytes) (USF)',
  },
  'pdf.gap': {
    zh: '未签名的间隙恰好是 /Contents 的十六进制串（{length} 字节）',
    en: 'The unsigned gap is exactly the /Contents hex string ({length} bytes)',
  },
  'pdf.gap.not-hex': {
    zh: '未签名的间隙 [{start}, {end}) 不只是 <十六进制>（签名包装攻击 SWA）',
    en: 'The unsigned gap [{start}, {end}) holds more than <hex> (signature wrapping, SWA)',
  },
  'pdf.gap.closing-signed': {
    zh: '间隙 [{start}, {end}) 在结尾 > 之前结束：不符合规范，不予接受（SWA）',
    en: 'The gap [{start}, {end}) stops before the closing >: refused as non-conformant (SWA)',
  },
  'pdf.gap.contents-elsewhere': {
    zh: '签名字典的 /Contents（{where}）不是间隙 [{start}, {end}) 中的字符串（SWA）',
    en: 'The dictionary /Contents ({where}) is not the string in the gap [{start}, {end}) (SWA)',
  },
  'pdf.gap.contents-mismatch': {
    zh: '间隙 [{start}, {end}) 的内容与解析出的 /Contents 不一致（SWA）',
    en: 'The gap [{start}, {end}) differs from the parsed /Contents (SWA)',
  },
  'pdf.contents': {
    zh: '签名值 {length} 字节，其后填充 {padding} 个零字节',
    en: 'The signature value is {length} bytes, followed by {padding} zero padding bytes',
  },
  'pdf.contents.missing': {
    zh: '签名字典没有十六进制字符串 /Contents（{kind}）（USF）',
    en: 'The signature dictionary has no hex /Contents string ({kind}) (USF)',
  },
  'pdf.contents.empty': {
    zh: '/Contents 为空：签名域未签名（USF）',
    en: 'The /Contents is empty: the field was never signed (USF)',
  },
  'pdf.contents.zeros': {
    zh: '/Contents 全为零：签名域未签名（USF）',
    en: 'The /Contents is all zeros: the field was never signed (USF)',
  },
  'pdf.contents.malformed': {
    zh: '/Contents 不是 BER 编码的签名：{reason}（USF）',
    en: 'The /Contents is not a BER-encoded signature: {reason} (USF)',
  },
  'pdf.contents.trailing': {
    zh: '/Contents 中签名之后有 {trailing} 字节非零数据',
    en: 'The /Contents carries {trailing} bytes of non-zero data after the signature',
  },
  'pdf.contents.unknown': {
    zh: '/Contents 既不是 CMS 签名数据也不是 GB/T 38540 电子签章',
    en: 'The /Contents is neither a CMS SignedData nor a GB/T 38540 seal signature',
  },
  'pdf.coverage.entire-file': {
    zh: '签名覆盖整个文件',
    en: 'The signature covers the whole file',
  },
  'pdf.coverage.entire-revision': {
    zh: '签名覆盖到第 {revision} 版为止，之后还有 {later} 次增量更新',
    en: 'The signature covers revision {revision}; {later} incremental updates follow',
  },
  'pdf.coverage.partial': {
    zh: '签名只覆盖文件前 {end} 字节，且不在修订版末尾结束（增量保存攻击 ISA）',
    en: 'The signature covers the first {end} bytes only, not ending a revision (ISA)',
  },
  'pdf.coverage.trailing-data': {
    zh: '最后一个修订版之后还有 {bytes} 字节未签名、未被任何交叉引用说明的数据（增量保存攻击 ISA）',
    en: '{bytes} bytes after the last revision are unsigned and described by no xref (ISA)',
  },
  'pdf.truncated': {
    zh:
      'PDF 文件中没有 startxref … %%EOF，任何修订版都无法读取：文件似乎被截断' +
      '（下载或复制不完整），请向提供方索取完整文件',
    en:
      'The PDF file has no startxref … %%EOF, so no revision can be read: it looks' +
      ' truncated (an incomplete download or copy); ask the sender for the complete file',
  },
  'pdf.sig-dict': {
    zh: '签名字典（第 {revision} 版）：{fields}',
    en: 'Signature dictionary (revision {revision}): {fields}',
  },
  'pdf.sig-dict.missing': {
    zh: '签名对象 {object} 不是字典',
    en: 'The signature object {object} is not a dictionary',
  },
  'pdf.sig-dict.redefined': {
    zh: '签名字典在签名后的第 {revision} 版被重新定义（{keys}）；仅采用签名时的值（签名字典伪造）',
    en:
      'The signature dictionary was redefined in revision {revision} ({keys}); ' +
      'only the signed values are used (sig-dict spoofing)',
  },
  'pdf.sig-dict.range-changed': {
    zh: '签名字典在第 {revision} 版改动了 /ByteRange 或 /Contents',
    en: 'Revision {revision} changed the /ByteRange or /Contents of the signature dictionary',
  },
  'pdf.signature.orphan': {
    zh: '签名字典 {object} 不属于任何签名域，阅读器不会显示它',
    en: 'The signature dictionary {object} belongs to no signature field; viewers do not show it',
  },
  'pdf.signature.unreachable': {
    zh: '文件中偏移 {offset} 处有签名字典，但任何修订版的交叉引用都不指向它（文件被截断或签名被移除）',
    en:
      'A signature dictionary at offset {offset} is reached by no revision’s xref ' +
      '(truncated file or removed signature)',
  },
  'pdf.signature.ur3': {
    zh: '使用权签名（UR3）{object}（签名者 {signer}）完整性验证通过；它不是文档签名，不计入互认',
    en:
      'Usage-rights signature (UR3) {object} by {signer}: integrity verified; not a document ' +
      'signature, not counted',
  },
  'pdf.signature.ur3-broken': {
    zh: '使用权签名（UR3）{object} 不成立（{reason}）：其覆盖的字节已被改动或签名无效；它不是文档签名，不计入互认',
    en:
      'Usage-rights signature (UR3) {object} does not hold ({reason}): the bytes it covers ' +
      'were changed or its value is invalid; not a document signature, not counted',
  },
  'pdf.signature.too-many': {
    zh: '签名过多，只检查前 {limit} 个',
    en: 'Too many signatures: only the first {limit} are checked',
  },
  'pdf.sha1-content': {
    zh: 'adbe.pkcs7.sha1：签名内容为覆盖字节的 SHA-1 摘要，摘要一致',
    en: 'adbe.pkcs7.sha1: the signed content is the SHA-1 digest of the covered bytes and matches',
  },
  'pdf.attached-content': {
    zh: 'CMS 内含的被签内容不是本文档的覆盖字节',
    en: 'The content attached to the CMS is not the covered bytes of this document',
  },
  'pdf.timestamp': {
    zh: '文档时间戳有效，时间 {time}',
    en: 'The document time-stamp is valid, time {time}',
  },
  'pdf.timestamp-untrusted': {
    zh: '文档时间戳完好（{time}），但时间戳服务证书链未通过：{reason}',
    en: 'The document time-stamp is intact ({time}) but its TSA chain failed: {reason}',
  },
  'pdf.timestamp-invalid': {
    zh: '文档时间戳无效：{reason}',
    en: 'The document time-stamp is invalid: {reason}',
  },
  'pdf.dss': {
    zh: '文档安全存储（DSS）提供 {certs} 个证书、{crls} 个 CRL、{ocsp} 个 OCSP 响应',
    en: 'The document security store (DSS) holds {certs} certificates, {crls} CRLs, {ocsp} OCSP',
  },
  'pdf.dss.unreadable': {
    zh: '文档安全存储（DSS）中的条目无法读取：{reason}',
    en: 'An entry of the document security store (DSS) cannot be read: {reason}',
  },
  'pdf.read-problem': {
    zh: 'PDF 结构问题（{code}）：{message}',
    en: 'PDF structure problem ({code}): {message}',
  },
  'pdf.modifications-disallowed': {
    zh: '第 {revision} 版签名之后的修改不被允许',
    en: 'The changes made after the revision {revision} signed are not allowed',
  },
  'pdf.changes-unavailable': {
    zh: '无法判断签名后的修改：{reason}',
    en: 'The changes made after signing cannot be judged: {reason}',
  },
})

/**
 * Check codes of the OFD package evaluation (zh/en): signature references, signed values,
 * unprotected files, stamp annotations, and a package without any signature.
 */
import { registerCodes } from '../verdict/messages.js'

/** The OFD codes, for documentation and tests. */
export const OFD_CODES = {
  'ofd.references': {
    zh: '签名保护的 {count} 个文件摘要全部一致',
    en: 'All {count} files the signature protects match their digests',
  },
  'ofd.reference-mismatch': {
    zh: '文件 {file} 在签名后被修改（摘要不一致）',
    en: 'The file {file} was changed after signing (digest mismatch)',
  },
  'ofd.reference-missing': {
    zh: '签名引用的文件 {file} 不在包中',
    en: 'The file {file} the signature references is not in the package',
  },
  'ofd.reference-method': {
    zh: '不支持的摘要算法 {method}，无法检查 {file}',
    en: 'Unsupported digest method {method}: {file} cannot be checked',
  },
  'ofd.no-references': {
    zh: '签名没有保护任何文档文件',
    en: 'The signature protects no document file',
  },
  'ofd.signed-value-missing': {
    zh: '签名值文件 {file} 不在包中',
    en: 'The signature value file {file} is not in the package',
  },
  'ofd.sign-bare': {
    zh: 'Sign 类型签名值不是 GB/T 35275 签名数据，无法确定签名者证书',
    en: 'The Sign-type value is not a GB/T 35275 SignedData: the signer certificate is unknown',
  },
  'ofd.unprotected': {
    zh: '以下文件不受任何签名保护，签名后可被替换：{files}',
    en: 'These files are protected by no signature and could be replaced after signing: {files}',
  },
  'ofd.signatures-list-unprotected': {
    zh: '签名列表 {file} 未被签名保护（允许追加签名的常见做法）',
    en: 'The signature list {file} is not protected (the usual way to allow later signatures)',
  },
  'ofd.stamp': {
    zh: '印章外观显示在第 {page} 页，位置 {boundary}（毫米）',
    en: 'The seal appears on page {page} at {boundary} (mm)',
  },
  'policy.no-signature': {
    zh: '文档没有任何签名或签章，不能作为电子证照互认',
    en: 'The document carries no signature or seal and cannot be recognised',
  },
} as const

registerCodes(OFD_CODES)

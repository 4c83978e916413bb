/**
 * Stable check codes of the change analysis after a PDF signature (`pdf.changes.*`), zh + en.
 */
import { registerCodes } from '../verdict/messages.js'

export const PDF_CHANGES_CODES = {
  'pdf.changes.none': {
    zh: '签名所覆盖的版本之后文档未被修改',
    en: 'The document was not modified after the signed revision',
  },
  'pdf.changes.allowed': {
    zh: '签名后的修改均被允许（{permitted}）：{count} 个对象（{kinds}），对象 {objects}',
    en:
      'Every change after signing is permitted ({permitted}):' +
      ' {count} objects ({kinds}), objects {objects}',
  },
  'pdf.changes.disallowed': {
    zh: '签名后存在不允许的修改（{kind}，允许范围：{permitted}）：对象 {objects}，页 {pages}；{reasons}',
    en:
      'Disallowed change after signing ({kind}, permitted:' +
      ' {permitted}): objects {objects}, pages {pages}; {reasons}',
  },
  'pdf.changes.field-locked': {
    zh: '字段“{field}”已被签名锁定（FieldMDP），但在版本 {revision} 中被修改（对象 {objects}）',
    en:
      'Field "{field}" is locked by a signature (FieldMDP) but' +
      ' revision {revision} changes it (objects {objects})',
  },
  'pdf.changes.signature-redefined': {
    zh: '签名字典或已签名字段在版本 {revision} 中被重新定义（对象 {objects}）',
    en:
      'A signature dictionary or signed field is redefined in' +
      ' revision {revision} (objects {objects})',
  },
  'pdf.changes.xref-repointed': {
    zh: '版本 {revision} 未写入新对象体，而将对象 {objects} 重新指向早先版本中的定义（影子“隐藏并替换”攻击）',
    en:
      'Revision {revision} re-points objects {objects} to older' +
      ' definitions without new bodies (shadow hide-and-replace)',
  },
  'pdf.changes.object-number-mismatch': {
    zh: '版本 {revision} 的交叉引用表将对象 {num} 指向对象 {declared} 的定义（偏移 {offset}）',
    en: 'Revision {revision} maps object {num} to the body of object {declared} (offset {offset})',
  },
  'pdf.changes.overlap': {
    zh: '签名后新增的{what}（对象 {num}）覆盖第 {page} 页的 {percent}%，可能遮盖原有内容',
    en:
      'A {what} added after signing (object {num}) covers' +
      ' {percent}% of page {page} and may hide its content',
  },
  'pdf.changes.prev-chain': {
    zh: '版本 {revision} 的 /Prev 指向 {prev}，而不是上一版本的交叉引用（{expected}）',
    en: 'Revision {revision} has /Prev {prev} instead of the previous cross-reference ({expected})',
  },
  'pdf.changes.unchained-revision': {
    zh: '签名版本之后偏移 {offset} 处的修订不在 /Prev 链上，其修改无法按交叉引用核对',
    en:
      'The revision at offset {offset}, after the signed one, is not on' +
      ' the /Prev chain; its changes cannot be checked',
  },
  'pdf.changes.unreadable': {
    zh: '无法分析签名后的修改：{reason}',
    en: 'The changes after signing cannot be analysed: {reason}',
  },
  'pdf.changes.revision': {
    zh: '签名版本 {revision} 不存在（文件共有 {count} 个版本）',
    en: 'The signed revision {revision} does not exist (the file has {count} revisions)',
  },
} as const

registerCodes(PDF_CHANGES_CODES)

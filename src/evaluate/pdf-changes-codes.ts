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
    zh:
      '签名后在版本 {revision} 中新增或修改的 {subtype} 注释（对象 {num}）' +
      '覆盖了签名版本第 {page} 页上已显示的内容（位置 {at}），' +
      '可遮盖或改写已签名的内容（恶意注释攻击 Evil Annotation）',
    en:
      'A {subtype} annotation (object {num}) added or changed in revision {revision}, after' +
      ' signing, lies over what the signed revision shows on page {page} (at {at}): it can' +
      ' cover or repaint the signed content (Evil Annotation)',
  },
  'pdf.changes.overlay-removed': {
    zh:
      '签名版本中覆盖第 {page} 页内容的 {subtype} 注释（对象 {num}，位置 {at}）在版本 {revision}' +
      ' 中被移除或移开，其下被遮盖的内容可能因此显示（影子“隐藏”攻击）',
    en:
      'The {subtype} annotation (object {num}) that lay over content on page {page} (at {at})' +
      ' in the signed revision is removed or moved in revision {revision}: what it hid may' +
      ' now show (shadow hide)',
  },
  'pdf.changes.overlap-unknown': {
    zh:
      '无法判断签名后新增或修改的 {subtype} 注释（对象 {num}）是否遮盖第 {page} 页的已签名内容：' +
      '页面内容无法读取（{reason}）',
    en:
      'Whether the {subtype} annotation (object {num}) added or changed after signing covers' +
      ' signed content on page {page} cannot be decided: the page content cannot be read' +
      ' ({reason})',
  },
  'pdf.changes.large-overlay': {
    zh: '签名后新增的 {what}（对象 {num}）覆盖第 {page} 页的 {percent}%',
    en: 'A {what} added after signing (object {num}) covers {percent}% of page {page}',
  },
  'pdf.changes.content-added': {
    zh:
      '版本 {revision} 在签名后为第 {page} 页新增要绘制的内容（对象 {objects}）：' +
      '增量保存攻击（ISA）改写了已签名的页面',
    en:
      'Revision {revision} adds content drawn on page {page} after signing (objects' +
      ' {objects}): an incremental saving attack (ISA) repaints the signed page',
  },
  'pdf.changes.content-altered': {
    zh:
      '版本 {revision} 修改、清空或移除了签名时第 {page} 页绘制的内容（对象 {objects}）：' +
      '遮盖层被去除或内容被重新指向（影子“隐藏”攻击）',
    en:
      'Revision {revision} changes, empties or drops content that page {page} drew at signing' +
      ' (objects {objects}): an overlay taken away or content redirected (shadow hide)',
  },
  'pdf.changes.resources-swapped': {
    zh:
      '版本 {revision} 替换了第 {page} 页绘制内容所用的资源（字体、图像或表单，对象 {objects}）：' +
      '相同的内容会显示为不同的字形或图片（影子“替换”攻击）',
    en:
      'Revision {revision} swaps the resources page {page} draws with (fonts, images or forms;' +
      ' objects {objects}): the same content shows other glyphs or pictures (shadow replace)',
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

/**
 * Check codes of PDF signature appearances and seal pictures (`pdf.appearance.*`), and the
 * recognition rule that an image-only seal is never a seal (`policy.image-only-seal`).
 */
import '../verdict/codes.js'
import { registerCodes } from '../verdict/messages.js'

export const PDF_APPEARANCE_CODES = {
  'pdf.appearance.picture': {
    zh: '签名外观（第 {page} 页）显示图片：{format}，{width}×{height} 像素，SHA-256 {sha256}',
    en:
      'The signature appearance (page {page}) shows a {format} picture, {width}×{height} ' +
      'pixels, SHA-256 {sha256}',
  },
  'pdf.appearance.invisible': {
    zh: '签名域 {field} 无可见外观',
    en: 'The signature field {field} has no visible appearance',
  },
  'pdf.appearance.missing': {
    zh: '签名域 {field} 在第 {page} 页可见，但没有正常外观（/AP /N）',
    en:
      'The signature field {field} is visible on page {page} but has no normal appearance (/AP ' +
      '/N)',
  },
  'pdf.appearance.full-page-widget': {
    zh: '签名域 {field} 的外观覆盖第 {page} 页 {percent}% 的面积，可能遮盖页面内容',
    en:
      'The appearance of signature field {field} covers {percent}% of page {page} and can hide ' +
      'its content',
  },
  'pdf.appearance.no-picture': {
    zh: '签名域 {field} 在第 {page} 页的外观不含图片（仅文字或图形）',
    en:
      'The appearance of signature field {field} on page {page} holds no picture (text or ' +
      'drawing only)',
  },
  'pdf.appearance.image-unreadable': {
    zh: '无法解码第 {page} 页的图片 {name}：{reason}',
    en: 'The picture {name} on page {page} cannot be decoded: {reason}',
  },
  'pdf.appearance.unreadable': {
    zh: '部分外观或页面内容无法读取（{count} 处），例如：{reason}',
    en: 'Some appearances or page contents could not be read ({count}), e.g. {reason}',
  },
  'pdf.appearance.scan-incomplete': {
    zh: '页面图片过多，未能全部检查是否有未绑定签名的印章图片：{reason}',
    en: 'Too many pictures on the pages to check them all for unbound seal images: {reason}',
  },
  'pdf.appearance.no-unbound-seal': {
    zh: '页面上的 {images} 张图片中，没有未绑定签名的印章样图片',
    en: 'None of the {images} pictures on the pages looks like a seal outside a signature',
  },
  'pdf.appearance.images-not-analysed': {
    zh: '{count} 张无法解码的图片（渐进式 JPEG、JPX 等）未做印章外形分析，例如第 {page} 页的 {name}',
    en:
      '{count} pictures that cannot be decoded (progressive JPEG, JPX, …) were not analysed ' +
      'for seal shapes, e.g. {name} on page {page}',
  },
  'policy.image-only-seal': {
    zh: '第 {page} 页的图片 {name} 看起来是印章，但不属于任何签名：仅有图片的“印章”不是电子印章，不予互认',
    en:
      'The picture {name} on page {page} looks like a seal but belongs to no signature: an ' +
      'image-only seal is never a seal, the document is not recognised',
  },
} as const

registerCodes(PDF_APPEARANCE_CODES)

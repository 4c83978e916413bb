/**
 * Check codes of the comparison of seal pictures (`seal.picture.*`): the picture a viewer
 * shows against the picture inside the signed seal, and the signed picture against the
 * registry (`policy.seal-picture-registry-mismatch`).
 */
import '../verdict/codes.js'
import { registerCodes } from '../verdict/messages.js'

export const SEAL_PICTURE_CODES = {
  'seal.picture.match': {
    zh: '第 {page} 页显示的印章图片与签章中的印章图片一致（{method}，差异 {distance}）',
    en:
      'The seal picture shown on page {page} matches the picture in the signed seal ' +
      '({method}, distance {distance})',
  },
  'seal.picture.displayed-mismatch': {
    zh:
      '第 {page} 页显示的印章图片与签章中的印章图片不一致（差异 {distance}，阈值 {threshold}）：' +
      '所见印章不是所签印章',
    en:
      'The seal picture shown on page {page} differs from the picture in the signed seal ' +
      '(distance {distance}, threshold {threshold}): the seal you see is not the seal signed',
  },
  'seal.picture.undecodable': {
    zh: '无法比较第 {page} 页显示的图片与签章中的印章图片：{reason}',
    en:
      'The picture shown on page {page} cannot be compared with the signed seal picture: ' +
      '{reason}',
  },
  'seal.picture.not-shown': {
    zh: '签章 {field} 的外观不显示图片，无需与印章图片比较',
    en: 'The appearance of {field} shows no picture: there is nothing to compare with the seal',
  },
  'seal.picture.drawn-from-seal': {
    zh: '第 {page} 页的签章位置没有另外的外观图片，阅读器显示的就是印章自身的图片',
    en:
      'The stamp on page {page} has no appearance picture of its own: viewers draw the ' +
      "seal's own picture",
  },
  'seal.picture.unsigned': {
    zh: '该签名不是电子签章，不含印章图片；显示的 {count} 张图片未经签名绑定，仅供参考',
    en:
      'This signature is not a seal and carries no picture: the {count} pictures its ' +
      'appearance shows are not bound by the signature',
  },
  'seal.picture.registry-match': {
    zh: '印章 {esID} 的图片与注册表登记的图片摘要一致（{province}）',
    en: 'The picture of seal {esID} matches the digest registered in the registry ({province})',
  },
  'policy.seal-picture-registry-mismatch': {
    zh:
      '印章 {esID} 的图片与注册表登记的图片不一致（登记 {registered}，实际 {actual}），' +
      '不是登记的印章，不予互认',
    en:
      'The picture of seal {esID} is not the picture the registry lists (registered ' +
      '{registered}, found {actual}): not the registered seal, not recognised',
  },
} as const

registerCodes(SEAL_PICTURE_CODES)

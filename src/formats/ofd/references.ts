/**
 * `SignedInfo/References`: each Reference's CheckValue against the digest of the raw bytes
 * of the package file its FileRef names.
 */
import { bytesEqual } from '../../crypto/bytes.js'
import { hash } from '../../crypto/hash.js'
import { decodeBase64Strict } from '../certificate/base64.js'
import { attributeValue, directText } from '../xml/index.js'
import type { XmlElement } from '../xml/index.js'
import { checkMethodOf } from './check-method.js'
import { ofdFormat, ofdLimit } from './errors.js'
import type { OfdPackage } from './package.js'
import { ofdChild, ofdChildren } from './package.js'
import type { OfdCheckMethod, OfdReference } from './types.js'

/** The check method and checked references of one Signature.xml. */
export interface CheckedReferences {
  readonly checkMethod: OfdCheckMethod
  readonly references: OfdReference[]
}

/**
 * Checks every Reference under `references` (null when the element is absent), resolving
 * FileRef from `baseFolder` (the folder of Signature.xml).
 */
export function checkReferences(
  pkg: OfdPackage,
  references: XmlElement | null,
  baseFolder: string,
  maxReferences: number,
): CheckedReferences {
  const checkMethod = checkMethodOf(
    references ? attributeValue(references, 'CheckMethod') : undefined,
  )
  const list = references ? ofdChildren(references, 'Reference') : []
  if (list.length > maxReferences) {
    throw ofdLimit(
      'references',
      `more than ${maxReferences} references`,
      `引用超过 ${maxReferences} 个`,
    )
  }
  const out = list.map((ref): OfdReference => {
    const fileRef = attributeValue(ref, 'FileRef')
    const valueEl = ofdChild(ref, 'CheckValue')
    if (fileRef === undefined || valueEl === null) {
      throw ofdFormat(
        'reference',
        'Reference without FileRef or CheckValue',
        '引用缺少 FileRef 或 CheckValue',
      )
    }
    const checkValue = decodeBase64Strict(
      directText(valueEl),
      'format.ofd.check-value',
      'CheckValue',
    )
    const path = pkg.locate(fileRef, baseFolder)
    if (path === null) return { fileRef, path, checkValue, computed: null, status: 'missing' }
    if (checkMethod.hash === null) {
      return { fileRef, path, checkValue, computed: null, status: 'unsupported-method' }
    }
    const computed = hash(checkMethod.hash, pkg.read(path))
    const status = bytesEqual(computed, checkValue) ? 'matched' : 'mismatched'
    return { fileRef, path, checkValue, computed, status }
  })
  return { checkMethod, references: out }
}

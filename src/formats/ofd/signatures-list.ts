/**
 * Signatures.xml: MaxSignId and each `Signature` entry (ID, Type, BaseLoc, Relative).
 */
import { attributeValue } from '../xml/index.js'
import { ofdFormat, ofdLimit } from './errors.js'
import type { OfdPackage } from './package.js'
import { ofdChildText, ofdChildren } from './package.js'

/** One entry of Signatures.xml. */
export interface SignatureListEntry {
  readonly id: string
  readonly type: 'Seal' | 'Sign'
  readonly baseLoc: string
  readonly relative: string | null
}

/** Reads the Signatures.xml at `path`. */
export function readSignatureList(
  pkg: OfdPackage,
  path: string,
  maxSignatures: number,
): { maxSignId: string | null; entries: SignatureListEntry[] } {
  const root = pkg.xml(path, 'Signatures')
  const list = ofdChildren(root, 'Signature')
  if (list.length > maxSignatures) {
    throw ofdLimit(
      'signatures',
      `more than ${maxSignatures} signatures`,
      `签名超过 ${maxSignatures} 个`,
    )
  }
  const ids = new Set<string>()
  const entries = list.map((el): SignatureListEntry => {
    const id = attributeValue(el, 'ID')?.trim()
    const baseLoc = attributeValue(el, 'BaseLoc')
    const typeRaw = attributeValue(el, 'Type')?.trim() ?? 'Seal'
    if (id === undefined || id === '' || baseLoc === undefined) {
      throw ofdFormat(
        'signature-entry',
        `${path}: Signature without ID or BaseLoc`,
        `${path}：签名缺少 ID 或 BaseLoc`,
      )
    }
    if (ids.has(id)) {
      throw ofdFormat(
        'signature-entry',
        `${path}: duplicate Signature ID ${id}`,
        `${path}：签名 ID ${id} 重复`,
      )
    }
    ids.add(id)
    if (typeRaw !== 'Seal' && typeRaw !== 'Sign') {
      throw ofdFormat(
        'signature-type',
        `${path}: unknown signature Type "${typeRaw}"`,
        `${path}：未知签名类型“${typeRaw}”`,
      )
    }
    return { id, type: typeRaw, baseLoc, relative: attributeValue(el, 'Relative') ?? null }
  })
  return { maxSignId: ofdChildText(root, 'MaxSignId'), entries }
}

/**
 * One Signature.xml: provider, method, time, references (checked), stamp annotations, the
 * optional Seal.esl and the SignedValue, with the raw bytes of Signature.xml itself.
 */
import { attributeValue } from '../xml/index.js'
import type { XmlElement } from '../xml/index.js'
import { ofdFormat, ofdLimit } from './errors.js'
import type { OfdLimits } from './limits.js'
import type { OfdPackage } from './package.js'
import { ofdChild, ofdChildText, ofdChildren } from './package.js'
import { folderOf } from './paths.js'
import { checkReferences } from './references.js'
import type { SignatureListEntry } from './signatures-list.js'
import { readStampAnnot } from './stamp-annot.js'
import type { OfdFile, OfdPage, OfdProvider, OfdSignature } from './types.js'

/**
 * Reads the Signature.xml of `entry`, listed in the Signatures.xml at `listPath`, for a
 * document whose pages are `pages`.
 */
export function readSignature(
  pkg: OfdPackage,
  entry: SignatureListEntry,
  listPath: string,
  pages: readonly OfdPage[],
  limits: OfdLimits,
): OfdSignature {
  const path = pkg.require(entry.baseLoc, folderOf(listPath), 'Signature.xml')
  const root = pkg.xml(path, 'Signature')
  const info = ofdChild(root, 'SignedInfo')
  const signedValueLoc = ofdChildText(root, 'SignedValue')
  if (info === null || signedValueLoc === null) {
    throw ofdFormat(
      'signature',
      `${path}: no SignedInfo or SignedValue`,
      `${path}：缺少 SignedInfo 或 SignedValue`,
    )
  }
  const base = folderOf(path)
  const { checkMethod, references } = checkReferences(
    pkg,
    ofdChild(info, 'References'),
    base,
    limits.maxReferences,
  )
  const annots = ofdChildren(info, 'StampAnnot')
  if (annots.length > limits.maxPages) {
    throw ofdLimit('stamp-annots', 'too many StampAnnot elements', 'StampAnnot 过多')
  }
  const sealEl = ofdChild(info, 'Seal')
  const sealLoc = sealEl ? ofdChildText(sealEl, 'BaseLoc') : null
  return {
    id: entry.id,
    type: entry.type,
    relative: entry.relative,
    baseLoc: entry.baseLoc,
    signatureXml: { path, bytes: pkg.read(path) },
    provider: readProvider(info),
    signatureMethod: ofdChildText(info, 'SignatureMethod'),
    signatureDateTime: ofdChildText(info, 'SignatureDateTime'),
    checkMethod,
    references,
    stampAnnots: annots.map((a) => readStampAnnot(a, pages)),
    sealLoc,
    seal: sealLoc === null ? null : optionalFile(pkg, sealLoc, base),
    signedValueLoc,
    signedValue: optionalFile(pkg, signedValueLoc, base),
  }
}

function readProvider(info: XmlElement): OfdProvider | null {
  const el = ofdChild(info, 'Provider')
  if (el === null) return null
  return {
    name: attributeValue(el, 'ProviderName') ?? null,
    company: attributeValue(el, 'Company') ?? null,
    version: attributeValue(el, 'Version') ?? null,
    protocolVersion: attributeValue(el, 'ProtocolVer') ?? null,
  }
}

function optionalFile(pkg: OfdPackage, loc: string, base: string): OfdFile | null {
  const path = pkg.locate(loc, base)
  return path === null ? null : { path, bytes: pkg.read(path) }
}

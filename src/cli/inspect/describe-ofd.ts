/**
 * `inspect` view of an OFD package: documents, DocInfo and custom data (licence metadata),
 * signatures with their references and statuses, stamp annotations, seals and seal
 * signatures, and the files no signature protects.
 */
import type { OfdEvidence, OfdSignature } from '../../formats/ofd/index.js'
import { readCmsFile } from '../../formats/cms/read.js'
import { sniffCms } from '../../formats/cms/sniff.js'
import { parseSeal, parseSesSignature, sniffSes } from '../../formats/ses/index.js'
import type { Artifacts } from './artifacts.js'
import { describeCms } from './describe-cms.js'
import { describeSeal, describeSesSignature } from './describe-ses.js'

function errorOf(e: unknown) {
  return { error: e instanceof Error ? e.message : String(e) }
}

function describeValue(sig: OfdSignature, artifacts: Artifacts, stem: string) {
  const bytes = sig.signedValue?.bytes
  if (!bytes) return { error: 'SignedValue not in the package / 签名值文件缺失' }
  try {
    if (sig.type === 'Seal' || sniffSes(bytes) === 'ses-signature') {
      return { format: 'ses', ...describeSesSignature(parseSesSignature(bytes), artifacts, stem) }
    }
    if (sniffCms(bytes)) return { format: 'cms', ...describeCms(readCmsFile(bytes), artifacts) }
    return { format: 'unknown', bytes: bytes.length }
  } catch (e) {
    return errorOf(e)
  }
}

function describeSignature(sig: OfdSignature, artifacts: Artifacts, stem: string) {
  let seal: unknown = null
  if (sig.seal) {
    try {
      seal = describeSeal(parseSeal(sig.seal.bytes), artifacts, `${stem}-esl`)
    } catch (e) {
      seal = errorOf(e)
    }
  }
  return {
    id: sig.id,
    type: sig.type,
    baseLoc: sig.baseLoc,
    signatureXml: sig.signatureXml.path,
    provider: sig.provider,
    signatureMethod: sig.signatureMethod,
    claimedSigningTime: sig.signatureDateTime,
    checkMethod: sig.checkMethod.raw,
    references: sig.references.map((r) => ({ file: r.path ?? r.fileRef, status: r.status })),
    stampAnnotations: sig.stampAnnots.map((a) => ({
      id: a.id,
      page: a.pageIndex,
      boundary: a.boundaryRaw,
    })),
    sealFile: sig.seal?.path ?? null,
    seal,
    signedValue: describeValue(sig, artifacts, stem),
  }
}

/** Describes an OFD package. */
export function describeOfd(e: OfdEvidence, artifacts: Artifacts) {
  return {
    version: e.version,
    docType: e.docType,
    files: e.files.length,
    documents: e.documents.map((d, di) => ({
      docRoot: d.docRoot,
      pages: d.pages.length,
      docInfo: d.docInfo && {
        docId: d.docInfo.docId,
        title: d.docInfo.title,
        creationDate: d.docInfo.creationDate,
        fields: Object.fromEntries(d.docInfo.fields.map((f) => [f.name, f.value])),
        customData: Object.fromEntries(d.docInfo.customData.map((f) => [f.name, f.value])),
      },
      signatures: d.signatures.map((s) => describeSignature(s, artifacts, `doc${di}-sig${s.id}`)),
    })),
    unprotectedFiles: e.unprotectedFiles,
  }
}

/**
 * Reads an OFD package (GB/T 33190): OFD.xml → each DocBody (DocInfo, DocRoot, Signatures)
 * → Document.xml pages → Signatures.xml → each Signature.xml with its references checked.
 */
import type { XmlElement } from '../xml/index.js'
import { readZip } from '../zip/index.js'
import { readAnnotationPictures } from './annotations.js'
import { readDocInfo } from './doc-info.js'
import { readPages } from './document.js'
import { ofdFormat, ofdLimit } from './errors.js'
import { resolveOfdLimits } from './limits.js'
import type { OfdLimits } from './limits.js'
import { OfdPackage, ofdChild, ofdChildText, ofdChildren } from './package.js'
import { readSignature } from './signature-xml.js'
import { readSignatureList } from './signatures-list.js'
import type { OfdDocument, OfdEvidence } from './types.js'

/**
 * Reads an OFD package and extracts its documents, pages, signatures, checked references,
 * stamp annotations, seal and signed-value bytes, and the files no signature protects.
 * Nothing is decided here: reference statuses say what was found.
 * @throws FormatError `format.ofd.*`, `format.zip.*` or `format.xml.*` on malformed input
 * @throws LimitError `limit.ofd.*`, `limit.zip.*` or `limit.xml.*` when a bound is exceeded
 * @example
 * const ofd = readOfd(bytes)
 * ofd.documents[0]?.signatures[0]?.references.every((r) => r.status === 'matched')
 */
export function readOfd(bytes: Uint8Array, limits?: Partial<OfdLimits>): OfdEvidence {
  const lim = resolveOfdLimits(limits)
  const pkg = new OfdPackage(readZip(bytes, lim.zip), lim.xml)
  if (!pkg.zip.has('OFD.xml')) {
    throw ofdFormat(
      'no-entry-file',
      'OFD.xml not found at the package root',
      '文件包根目录缺少 OFD.xml',
    )
  }
  const root = pkg.xml('OFD.xml', 'OFD')
  const bodies = ofdChildren(root, 'DocBody')
  if (bodies.length === 0)
    throw ofdFormat('no-document', 'OFD.xml has no DocBody', 'OFD.xml 中没有 DocBody')
  if (bodies.length > lim.maxDocuments) {
    throw ofdLimit(
      'documents',
      `more than ${lim.maxDocuments} documents`,
      `文档超过 ${lim.maxDocuments} 个`,
    )
  }
  const documents = bodies.map((body) => readDocBody(pkg, body, lim))
  const protectedPaths = new Set<string>()
  for (const doc of documents) {
    for (const sig of doc.signatures) {
      protectedPaths.add(sig.signatureXml.path)
      if (sig.signedValue) protectedPaths.add(sig.signedValue.path)
      for (const ref of sig.references) if (ref.path !== null) protectedPaths.add(ref.path)
    }
  }
  return {
    kind: 'ofd',
    version: attr(root, 'Version'),
    docType: attr(root, 'DocType'),
    documents,
    files: pkg.zip.names,
    unprotectedFiles: pkg.zip.names.filter((n) => !protectedPaths.has(n)),
  }
}

function readDocBody(pkg: OfdPackage, body: XmlElement, lim: OfdLimits): OfdDocument {
  const docRootLoc = ofdChildText(body, 'DocRoot')
  if (docRootLoc === null)
    throw ofdFormat('no-doc-root', 'DocBody without DocRoot', 'DocBody 缺少 DocRoot')
  const docRoot = pkg.require(docRootLoc, '', 'DocRoot')
  const pages = readPages(pkg, docRoot, lim.maxPages)
  const annotations = readAnnotationPictures(pkg, pkg.xml(docRoot, 'Document'), docRoot, pages)
  const infoEl = ofdChild(body, 'DocInfo')
  const sigLoc = ofdChildText(body, 'Signatures')
  const signaturesPath = sigLoc === null ? null : pkg.require(sigLoc, '', 'Signatures.xml')
  let maxSignId: string | null = null
  let signatures: OfdDocument['signatures'] = []
  if (signaturesPath !== null) {
    const list = readSignatureList(pkg, signaturesPath, lim.maxSignatures)
    maxSignId = list.maxSignId
    signatures = list.entries.map((e) => readSignature(pkg, e, signaturesPath, pages, lim))
  }
  return {
    docInfo: infoEl ? readDocInfo(infoEl) : null,
    docRoot,
    pages,
    signaturesPath,
    maxSignId,
    signatures,
    annotationPictures: annotations.pictures,
    annotationProblems: annotations.problems,
  }
}

function attr(el: XmlElement, name: string): string | null {
  return el.attributes.find((a) => a.namespace === null && a.localName === name)?.value ?? null
}

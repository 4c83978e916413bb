/**
 * What the OFD reader extracts from a package (GB/T 33190). Readers only extract: statuses
 * here describe what was found, and evaluation decides what they mean.
 */
import type { HashName } from '../../crypto/hash.js'

/** The outcome of checking one `Reference` against the package file it names. */
export type OfdReferenceStatus =
  /** The computed digest equals the CheckValue. */
  | 'matched'
  /** The computed digest differs from the CheckValue. */
  | 'mismatched'
  /** The referenced file is not in the package ("signed data not found"). */
  | 'missing'
  /** The CheckMethod is absent or not a supported digest, so nothing was computed. */
  | 'unsupported-method'

/** One `Reference` of a Signature.xml. */
export interface OfdReference {
  /** FileRef as written. */
  readonly fileRef: string
  /** The package path it resolves to (no leading slash), or null when it is not present. */
  readonly path: string | null
  /** The decoded CheckValue. */
  readonly checkValue: Uint8Array
  /** The digest of the referenced file's raw bytes, when it could be computed. */
  readonly computed: Uint8Array | null
  readonly status: OfdReferenceStatus
}

/** The digest named by `References/@CheckMethod`. */
export interface OfdCheckMethod {
  /** As written; null when the attribute is absent. */
  readonly raw: string | null
  /** The supported digest it names, or null. */
  readonly hash: HashName | null
}

/** A rectangle in millimetres, from an `x y w h` attribute. */
export interface OfdBox {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** A `StampAnnot`: where the seal is shown. */
export interface OfdStampAnnot {
  readonly id: string | null
  /** PageRef as written (a Page ID of Document.xml). */
  readonly pageRef: string | null
  /** 0-based index of that page in Document.xml, or null when not found. */
  readonly pageIndex: number | null
  /** Package path of that page's content, or null when not found. */
  readonly pagePath: string | null
  /** Boundary as written. */
  readonly boundaryRaw: string | null
  /** Boundary parsed, or null when absent or malformed. */
  readonly boundary: OfdBox | null
  readonly clip: string | null
}

/** A picture drawn by a page annotation's appearance (`Annot/Appearance/ImageObject`). */
export interface OfdAnnotPicture {
  /** 0-based index of the annotation's page, or null when its PageID names no page. */
  readonly pageIndex: number | null
  readonly annotId: string | null
  /** `Annot@Type` (Stamp, Watermark, …). */
  readonly type: string | null
  /** The appearance's Boundary on the page (mm), or null when absent or malformed. */
  readonly boundary: OfdBox | null
  /** Package path of the media file, or null when the resource is not an image medium. */
  readonly path: string | null
  /** The media file's bytes, or null when it is not in the package. */
  readonly bytes: Uint8Array | null
}

/** A file the package names, with its bytes. */
export interface OfdFile {
  /** Package path (no leading slash). */
  readonly path: string
  readonly bytes: Uint8Array
}

/** `SignedInfo/Provider`. */
export interface OfdProvider {
  readonly name: string | null
  readonly company: string | null
  readonly version: string | null
  readonly protocolVersion: string | null
}

/** One signature or seal of a document. */
export interface OfdSignature {
  /** `Signature/@ID` in Signatures.xml. */
  readonly id: string
  /** `Seal` (the default) or `Sign`. */
  readonly type: 'Seal' | 'Sign'
  /** `Signature/@Relative` as written, when present. */
  readonly relative: string | null
  /** `Signature/@BaseLoc` as written. */
  readonly baseLoc: string
  /** Signature.xml: its package path and raw bytes (the seal's data hash covers them). */
  readonly signatureXml: OfdFile
  readonly provider: OfdProvider | null
  readonly signatureMethod: string | null
  /** SignatureDateTime as written (the signer's claim). */
  readonly signatureDateTime: string | null
  readonly checkMethod: OfdCheckMethod
  readonly references: readonly OfdReference[]
  readonly stampAnnots: readonly OfdStampAnnot[]
  /** `Seal/BaseLoc` as written, when present. */
  readonly sealLoc: string | null
  /** The Seal.esl file, or null when not declared or not in the package. */
  readonly seal: OfdFile | null
  /** `SignedValue` as written. */
  readonly signedValueLoc: string
  /** The SignedValue.dat file, or null when it is not in the package. */
  readonly signedValue: OfdFile | null
}

/** `DocInfo` of a `DocBody`, kept raw for a later licence-metadata step. */
export interface OfdDocInfo {
  readonly docId: string | null
  readonly title: string | null
  readonly creationDate: string | null
  /** Every simple child of DocInfo by local name (Author, Creator, ModDate, …). */
  readonly fields: readonly { readonly name: string; readonly value: string }[]
  /** `CustomDatas/CustomData`, in order. */
  readonly customData: readonly { readonly name: string; readonly value: string }[]
}

/** A page of a document. */
export interface OfdPage {
  readonly id: string
  /** Package path of the page content. */
  readonly path: string
}

/** One `DocBody` of OFD.xml. */
export interface OfdDocument {
  readonly docInfo: OfdDocInfo | null
  /** Package path of Document.xml. */
  readonly docRoot: string
  readonly pages: readonly OfdPage[]
  /** Package path of Signatures.xml, or null when the document has none. */
  readonly signaturesPath: string | null
  readonly maxSignId: string | null
  readonly signatures: readonly OfdSignature[]
  /** Pictures drawn by page annotations (they show over the page, seals included). */
  readonly annotationPictures: readonly OfdAnnotPicture[]
  /** Annotation files that could not be read (annotations are optional: not an error). */
  readonly annotationProblems: readonly string[]
}

/** Everything the reader extracts from an OFD package. */
export interface OfdEvidence {
  readonly kind: 'ofd'
  /** OFD.xml `@Version` and `@DocType`. */
  readonly version: string | null
  readonly docType: string | null
  readonly documents: readonly OfdDocument[]
  /** Every file in the package, in archive order. */
  readonly files: readonly string[]
  /**
   * Files no signature's references protect, excluding each signature's own Signature.xml
   * and SignedValue.dat.
   */
  readonly unprotectedFiles: readonly string[]
}

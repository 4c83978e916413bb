/**
 * Public shapes of the revision-aware PDF reader (ISO 32000). The reader only describes what
 * the file contains; it never decides whether anything is valid.
 */

/** An indirect reference `num gen R`. */
export type PdfRef = { readonly num: number; readonly gen: number }

/** A parsed PDF object. Dictionaries keep keys without the leading slash. */
export type PdfObject =
  | { readonly kind: 'null' }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'number'; readonly value: number }
  | {
      readonly kind: 'string'
      readonly bytes: Uint8Array
      readonly hex: boolean
      /** True when the hex token was hex digits only, an even number, between `<` and `>`. */
      readonly compact?: boolean
      /** Byte offsets of the token in the FILE ('<' or '(' inclusive start, exclusive end),
       *  -1 when the object came from an object stream. */
      readonly start: number
      readonly end: number
    }
  | { readonly kind: 'name'; readonly value: string }
  | { readonly kind: 'array'; readonly items: readonly PdfObject[] }
  | { readonly kind: 'dict'; readonly entries: ReadonlyMap<string, PdfObject> }
  | { readonly kind: 'ref'; readonly ref: PdfRef }
  | {
      readonly kind: 'stream'
      readonly dict: ReadonlyMap<string, PdfObject>
      /** Encoded data range in the file. */
      readonly dataStart: number
      readonly dataEnd: number
    }

/** A stream object. */
export type PdfStream = PdfObject & { kind: 'stream' }

/** One cross-reference entry. */
export type XrefEntry =
  | { readonly type: 'free'; readonly nextGen: number }
  | { readonly type: 'offset'; readonly offset: number; readonly gen: number }
  | { readonly type: 'compressed'; readonly stream: number; readonly index: number }

/** One revision: the original document or one incremental update. */
export interface PdfRevision {
  /** 0 = original document. */
  readonly index: number
  /** Offset its startxref points to. */
  readonly startxref: number
  /** Offset just past its %%EOF (+ one optional EOL). */
  readonly end: number
  readonly xrefKind: 'table' | 'stream' | 'hybrid'
  readonly trailer: ReadonlyMap<string, PdfObject>
  /** This revision's own section(s) only. */
  readonly entries: ReadonlyMap<number, XrefEntry>
}

/** Something odd the reader met and tolerated (or could not read) without failing. */
export interface PdfProblem {
  code: string
  message: string
  offset?: number
}

/** A read PDF file with revision-aware object access. */
export interface PdfFile {
  /**
   * The file's bytes. For a paged file (see `source.ts`) this is a sparse array whose bytes
   * are valid only where loaded: code that reads it directly must call {@link ensure} first.
   */
  readonly bytes: Uint8Array
  /** Loads bytes [start, end) of a paged file (a no-op in memory); throws `format.pdf.read`. */
  ensure(start: number, end: number): void
  /** What decoding may still produce: bytes per stream, and in total for this file. */
  readonly decodeBudget: { readonly perStream: number; readonly remaining: number }
  /**
   * Counts `bytes` of decoded output against the file's total (a decode taken from a cache
   * costs what decoding would have); throws `limit.pdf.total-output` past it.
   */
  chargeDecoded(bytes: number): void
  /** Oldest first. */
  readonly revisions: readonly PdfRevision[]
  readonly problems: readonly PdfProblem[]
  /** The object `ref` as revision `rev` (default: last) sees it, via that revision's xref chain. */
  resolve(ref: PdfRef, rev?: number): PdfObject | undefined
  /** Where `num` is defined as seen from revision `rev`: the entry and the revision that
   *  wrote it. */
  locate(num: number, rev?: number): { entry: XrefEntry; revision: number } | undefined
  /** Follows a ref (bounded) and returns a direct object. */
  deref(obj: PdfObject | undefined, rev?: number): PdfObject | undefined
  /** Decoded stream data (Flate with predictors, ASCIIHex, ASCII85, RunLength, LZW; DCT/JPX
   *  returned raw with the filter name), bounded by limits. */
  decodeStream(
    stream: PdfObject & { kind: 'stream' },
    rev?: number,
  ): { data: Uint8Array; rawFilter?: string }
  /**
   * The object already parsed at `offset` with a direct stream /Length, if any: a body the
   * xref walk read is not parsed again by the signature scan.
   */
  parsedAt?(
    offset: number,
  ):
    | { readonly num: number; readonly gen: number; readonly obj: PdfObject; readonly end: number }
    | undefined
  /** Every object number known to revision `rev`. */
  objectNumbers(rev?: number): number[]
  catalog(rev?: number): ReadonlyMap<string, PdfObject> | undefined
  pages(rev?: number): { ref: PdfRef; dict: ReadonlyMap<string, PdfObject> }[]
}

/** A signature found in the file, by one or more discovery methods. */
export interface PdfSignatureRef {
  /** The signature dictionary (null if only found by scan without object). */
  readonly sigRef: PdfRef | null
  readonly fieldRef: PdfRef | null
  readonly fieldName: string | null
  readonly widgets: readonly { ref: PdfRef; pageIndex: number | null; rect: number[] | null }[]
  readonly foundBy: readonly ('acroform' | 'perms-docmdp' | 'perms-ur3' | 'scan')[]
  /** First revision in which the sig dict exists. */
  readonly firstRevision: number
  /** Offset of the '/ByteRange' the byte scan found. */
  readonly scanOffset: number | null
}

/** Bounds applied while reading a PDF; omitted fields take the documented defaults. */
export interface PdfLimits {
  /** Largest file accepted, in bytes. Default 1 GiB. */
  readonly maxFileSize: number
  /** Most revisions (xref sections on the /Prev chain). Default 256. */
  readonly maxRevisions: number
  /** Most xref entries in total and highest object number + 1. Default 1 000 000. */
  readonly maxObjects: number
  /** Largest decoded output of one stream, in bytes. Default 64 MiB. */
  readonly maxStreamOutput: number
  /** Largest decoded output of all streams together, in bytes. Default 512 MiB. */
  readonly maxTotalOutput: number
  /** Deepest nesting of arrays/dictionaries and of tree walks. Default 64. */
  readonly maxDepth: number
  /** Longest chain of references followed by `deref`. Default 32. */
  readonly maxRefChain: number
  /** Most signatures reported by `findSignatures`. Default 1 000. */
  readonly maxSignatures: number
  /** Most pages in the page tree walk. Default 100 000. */
  readonly maxPages: number
}

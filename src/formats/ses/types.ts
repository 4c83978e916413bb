/**
 * Parsed GB/T 38540-2020 and GM/T 0031-2014 structures: electronic seals (SESeal) and seal
 * signatures (SES_Signature). Every byte array is a slice of the input (or, for the v1 maker
 * input, a SEQUENCE built from original encodings), so signatures are checked over the bytes
 * as they were signed.
 */

/** 1 = GM/T 0031-2014, 4 = GB/T 38540-2020, 5 = header version 5 ("GM/T 0031-2025"). */
export type SesVersion = 1 | 4 | 5

/** SES_Header. */
export interface SesHeader {
  /** Should be "ES". */
  readonly id: string
  readonly version: number
  /** Vendor identifier. */
  readonly vid: string
}

/** Image formats recognised from their leading bytes. */
export type PictureFormat = 'png' | 'jpg' | 'gif' | 'ofd' | 'bmp' | 'svg'

/** SES_ESPictrueInfo: the seal's appearance. */
export interface SesPicture {
  /** The `type` field as written (e.g. "PNG", "ofd"). */
  readonly declaredType: string
  /** The declared type normalised (lower case, "jpeg" → "jpg"), if it is a known one. */
  readonly declaredFormat: PictureFormat | undefined
  /** The format the bytes actually have, if recognised. */
  readonly sniffedFormat: PictureFormat | undefined
  readonly data: Uint8Array
  /** Display width and height in millimetres. */
  readonly width: number
  readonly height: number
}

/** ExtData. `critical` is false when the field is absent. */
export interface SesExtension {
  readonly oid: string
  readonly critical: boolean
  readonly value: Uint8Array
}

/** CertDigestObj: a digest of a DER certificate, the algorithm named as text. */
export interface SesCertDigest {
  readonly type: string
  readonly value: Uint8Array
}

/** The certificates allowed to apply the seal: DER certificates or their digests. */
export type SesCertList =
  | { readonly kind: 'certificates'; readonly certificates: readonly Uint8Array[] }
  | { readonly kind: 'digests'; readonly digests: readonly SesCertDigest[] }

/** SES_ESPropertyInfo. */
export interface SesProperty {
  readonly type: number
  readonly name: string
  /** v4/v5 only: 1 = certificates, 2 = digests. */
  readonly certListType?: number
  readonly certList: SesCertList
  readonly createDate: Date
  readonly validStart: Date
  readonly validEnd: Date
}

/** A remark the parser makes about a tolerated irregularity (reported, never fatal). */
export interface SesNote {
  /** A `seal.*` or `ses.*` check code. */
  readonly code: string
  readonly params?: Readonly<Record<string, string | number>>
}

/** How a signature value is encoded. */
export type SignatureEncoding = 'der' | 'raw'

/** A parsed SESeal. */
export interface SesSeal {
  readonly version: SesVersion
  readonly header: SesHeader
  readonly esID: string
  readonly property: SesProperty
  readonly picture: SesPicture
  readonly extensions: readonly SesExtension[]
  /** Maker (制章者) certificate, DER. */
  readonly makerCertificate: Uint8Array
  /** Maker signature algorithm OID. */
  readonly signatureAlgorithm: string
  /** Maker signature value (BIT STRING content without the unused-bits octet). */
  readonly signature: Uint8Array
  readonly signatureEncoding: SignatureEncoding
  /**
   * The bytes the maker signed: v4/v5 DER(SES_SealInfo) as encoded; v1 a SEQUENCE wrapping
   * the original encodings of esealInfo, cert and signatureAlgorithm.
   */
  readonly signedBytes: Uint8Array
  /** v5 only: RFC 3161 token over the maker signature, if present. */
  readonly timestamp?: Uint8Array
  /** The whole SESeal encoding. */
  readonly raw: Uint8Array
  readonly notes: readonly SesNote[]
}

/** A parsed SES_Signature. */
export interface SesSignature {
  readonly version: SesVersion
  /** TBS_Sign.version as written. */
  readonly tbsVersion: number
  readonly seal: SesSeal
  /** The signing time the signer claims (never proof), if it could be read. */
  readonly timeInfo: Date | undefined
  /** timeInfo as text (v1 keeps it as a string inside a BIT or OCTET STRING). */
  readonly timeInfoText: string
  /** Digest of the protected data (SM3 in practice). */
  readonly dataHash: Uint8Array
  /** Name or path of the protected data. */
  readonly propertyInfo: string
  readonly extensions: readonly SesExtension[]
  /** Signer certificate, DER. */
  readonly signerCertificate: Uint8Array
  readonly signatureAlgorithm: string
  /** Signer signature value (BIT STRING content). */
  readonly signature: Uint8Array
  readonly signatureEncoding: SignatureEncoding
  /** DER(TBS_Sign) as encoded: what the signer signed. */
  readonly signedBytes: Uint8Array
  /** v4/v5: RFC 3161 token over the `signature` value, if present. */
  readonly timestamp?: Uint8Array
  readonly raw: Uint8Array
  readonly notes: readonly SesNote[]
}

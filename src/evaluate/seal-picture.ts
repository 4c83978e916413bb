/**
 * The picture a person sees against the picture inside the signed seal: exact when the digests
 * agree (the same file, or the same pixels), else perceptual on the decoded pixels with the
 * threshold of `src/images/compare.ts`. docs/seal-pictures.md describes the rules.
 */
import { YrdError } from '../errors.js'
import {
  PERCEPTUAL_THRESHOLD,
  perceptualDistance,
  pictureDigest,
  rasterDigest,
} from '../images/compare.js'
import { decodePicture } from '../images/decode.js'
import type { Raster } from '../images/raster.js'
import { looksLikeSeal } from '../images/seal-like.js'
import { aggregate, type Outcome } from '../verdict/aggregate.js'
import { render, type Finding, type Lang } from '../verdict/messages.js'
import type { Registry } from '../registry/index.js'
import type { SignatureResult } from '../verdict/types.js'
import type { SignatureAppearance } from './pdf-appearance.js'
import './seal-picture-codes.js'
import { PLAIN } from '../shape.js'

/** The signed picture: the bytes of the seal's picture file. */
export interface SignedPicture {
  readonly data: Uint8Array
}

/** A picture a viewer shows: its digest and, when it was decoded, its pixels. */
export interface DisplayedPicture {
  /** Picture digest: of the pixels for rasters (`rasterDigest`), else of the file bytes. */
  readonly sha256: string
  /** The pixels; undefined when the format cannot be decoded. */
  readonly raster: Raster | undefined
  /** Where it is shown (1-based page, or `?`). */
  readonly page: number | string
}

/** How one displayed picture compares with the signed one. */
export type PictureVerdict =
  | { readonly kind: 'exact' | 'perceptual'; readonly distance: number }
  | { readonly kind: 'mismatch'; readonly distance: number }
  | { readonly kind: 'undecodable'; readonly reason: string }

/** The signed picture, decoded at most once. */
export class SignedPictureView {
  readonly fileDigest: string
  private decoded:
    { raster: Raster | undefined; digest: string | undefined; error?: string } | undefined

  constructor(readonly picture: SignedPicture) {
    this.fileDigest = pictureDigest(picture.data)
  }

  /** The decoded pixels and their digest, or the reason they are not available. */
  pixels(): { raster: Raster | undefined; digest: string | undefined; error?: string } {
    if (this.decoded) return this.decoded
    try {
      const raster = decodePicture(this.picture.data)
      this.decoded = raster
        ? { raster, digest: rasterDigest(raster) }
        : { raster, digest: undefined, error: 'format not decoded (not PNG or sequential JPEG)' }
    } catch (e) {
      if (!(e instanceof YrdError)) throw e
      this.decoded = { raster: undefined, digest: undefined, error: e.message }
    }
    return this.decoded
  }
}

/**
 * Compares one displayed picture with the signed one: the same file or the same pixels is an
 * exact match; otherwise both must be decoded and their perceptual distance decides.
 */
export function comparePicture(signed: SignedPictureView, shown: DisplayedPicture): PictureVerdict {
  if (shown.sha256 === signed.fileDigest) return { kind: 'exact', distance: 0 }
  const s = signed.pixels()
  if (s.digest !== undefined && s.digest === shown.sha256) return { kind: 'exact', distance: 0 }
  if (!s.raster) return { kind: 'undecodable', reason: `seal picture: ${s.error ?? '?'}` }
  if (!shown.raster) {
    return { kind: 'undecodable', reason: 'displayed picture: format not decoded' }
  }
  if (s.digest === rasterDigest(shown.raster)) return { kind: 'exact', distance: 0 }
  const distance = perceptualDistance(s.raster, shown.raster)
  return distance <= PERCEPTUAL_THRESHOLD
    ? { kind: 'perceptual', distance }
    : { kind: 'mismatch', distance }
}

const rounded = (d: number): number => Number(d.toFixed(4))

/**
 * The findings of comparing everything a signature shows with its signed seal picture. Each
 * displayed picture must match, except pictures that do not look like a seal when another one
 * matches (a background or a logo drawn beside the seal). `unreadable` images that could not
 * be decoded at all keep the comparison from concluding.
 */
export function displayedPictureFindings(
  signed: SignedPicture,
  shown: readonly DisplayedPicture[],
  unreadable: number,
): Finding[] {
  const view = new SignedPictureView(signed)
  const results = shown.map((p) => ({ p, v: comparePicture(view, p) }))
  const matched = results.filter((r) => r.v.kind === 'exact' || r.v.kind === 'perceptual')
  const findings: Finding[] = []
  for (const { p, v } of results) {
    if (v.kind === 'exact' || v.kind === 'perceptual') {
      findings.push({
        code: 'seal.picture.match',
        status: 'passed',
        params: { page: p.page, method: v.kind, distance: rounded(v.distance) },
        detail: { sha256: p.sha256, sealSha256: view.fileDigest },
      })
    } else if (v.kind === 'mismatch') {
      const beside = matched.length > 0 && p.raster && !looksLikeSeal(p.raster).sealLike
      if (beside) continue
      findings.push({
        code: 'seal.picture.displayed-mismatch',
        status: 'failed',
        subIndication: 'FORMAT_FAILURE',
        params: { page: p.page, distance: rounded(v.distance), threshold: PERCEPTUAL_THRESHOLD },
        detail: { sha256: p.sha256, sealSha256: view.fileDigest },
      })
    } else if (v.kind === 'undecodable') {
      findings.push(undecodable(p.page, v.reason))
    }
  }
  if (unreadable > 0) {
    findings.push(undecodable('?', `${unreadable} displayed image(s) could not be decoded`))
  }
  return findings
}

function undecodable(page: number | string, reason: string): Finding {
  return {
    code: 'seal.picture.undecodable',
    status: 'indeterminate',
    subIndication: 'SIG_CONSTRAINTS_FAILURE',
    params: { page, reason },
  }
}

/**
 * Adds picture findings to an evaluated signature: they are rendered into its checks and its
 * outcome is folded again with them (the previous outcome counts as a part).
 */
export function withPictureFindings(
  signature: SignatureResult,
  outcome: Outcome,
  findings: readonly Finding[],
  lang: Lang,
): { signature: SignatureResult; outcome: Outcome } {
  if (findings.length === 0) return { signature, outcome }
  const added = findings.map((f) => render(f, lang))
  const folded = aggregate(added, [outcome])
  return {
    signature: {
      ...PLAIN,
      ...signature,
      checks: [...signature.checks, ...added],
      status: folded.status,
      subIndication: folded.subIndication,
    },
    outcome: folded,
  }
}

/**
 * The signed picture against the registry: where the registry lists the seal's registered
 * picture digest (SHA-256 of the picture file), the seal's picture must have it. Nothing is
 * said when the registry lists no picture for the seal.
 */
export function registryPictureFindings(
  esID: string,
  data: Uint8Array,
  registry: Pick<Registry, 'sealPicture'>,
): Finding[] {
  const listed = registry.sealPicture(esID)
  if (!listed) return []
  const actual = pictureDigest(data)
  const province = listed.province.name
  if (actual === listed.sha256) {
    return [{ code: 'seal.picture.registry-match', status: 'passed', params: { esID, province } }]
  }
  return [
    {
      code: 'policy.seal-picture-registry-mismatch',
      status: 'failed',
      params: { esID, registered: listed.sha256, actual },
      detail: { province: listed.province.code, service: listed.service.id },
    },
  ]
}

/**
 * The picture findings of one PDF signature: a seal signature's pictures are compared with its
 * widget appearances; a signature without a seal has no signed picture, which is said (passed)
 * when its appearance shows pictures.
 */
export function pdfPictureFindings(
  signed: readonly SignedPicture[],
  look: SignatureAppearance | undefined,
  field: string | null,
): Finding[] {
  const shown = look?.shown ?? []
  const unreadable = look?.unreadable ?? 0
  const seal = signed[0]
  if (!seal) {
    const count = shown.length + unreadable
    return count > 0 ? [{ code: 'seal.picture.unsigned', status: 'passed', params: { count } }] : []
  }
  if (shown.length === 0 && unreadable === 0) {
    return [{ code: 'seal.picture.not-shown', status: 'passed', params: { field: field ?? '?' } }]
  }
  const displayed = shown.map((s) => ({ sha256: s.picture.sha256, raster: s.raster, page: s.page }))
  return displayedPictureFindings(seal, displayed, unreadable)
}

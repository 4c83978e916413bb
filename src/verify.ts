/**
 * The pipeline of DESIGN.md: sniff the input, read it into evidence, evaluate every signature,
 * seal or certificate through the shared steps, and fold the results into one verdict.
 */
import type { ChainCache, ChainContext } from './evaluate/chain.js'
import { derItems, type DerItemsMemo } from './evaluate/der-inputs.js'
import { empty, evaluateRoute, type Evaluated, type Route } from './evaluate/dispatch.js'
import { evaluateLicence } from './evaluate/licence.js'
import { recognise } from './evaluate/recognition.js'
import { sniffCertificateInput } from './formats/certificate/read.js'
import { sniffCms } from './formats/cms/sniff.js'
import { ascii, indexOfBytes } from './formats/pdf/bytes.js'
import { sniffSes } from './formats/ses/index.js'
import { parseCertificate, type Certificate } from './pki/certificate.js'
import type { RevocationSource } from './pki/revocation-types.js'
import { defaultRegistry, type Registry } from './registry/index.js'
import { aggregate } from './verdict/aggregate.js'
import { checkLimits, limitOf, type VerifyLimits } from './verify-limits.js'
import './evaluate/pki-codes.js'
import './verdict/codes.js'
import { render, type Finding, type Lang } from './verdict/messages.js'
import type { InputKind, Province, Verdict } from './verdict/types.js'
import { withLazyData } from './images/picture.js'
import { PLAIN } from './shape.js'
import { isoTime } from './verdict/iso-time.js'

/** Options of {@link verify}. Every field is optional. */
export interface VerifyOptions {
  /** The trust registry; defaults to the built-in TEST registry. */
  readonly registry?: Registry
  /** Extra trust anchors (DER or PEM). They validate chains but vouch for no province. */
  readonly trustAnchors?: readonly Uint8Array[]
  /** Validation time; defaults to now. */
  readonly time?: Date
  /** Language of check messages; default 'zh'. */
  readonly lang?: Lang
  /** Password of a PKCS#12 input. */
  readonly password?: string
  /** CRLs (DER or PEM) to use besides those inside the input. */
  readonly crls?: readonly Uint8Array[]
  /** OCSP responses (DER) to use besides those inside the input. */
  readonly ocspResponses?: readonly Uint8Array[]
  /** Revocation policy for the certificates of a path; default 'require'. */
  readonly revocation?: 'require' | 'if-available' | 'off'
  /** Further revocation sources, such as the online fetcher (none unless given). */
  readonly revocationSources?: readonly RevocationSource[]
  /** Finds issuer certificates an input lacks (AIA caIssuers with the online fetcher). */
  readonly fetchIssuers?: (certificate: Certificate) => Promise<readonly Certificate[]>
  /** The payload of a detached JWS licence (docs/jws-licence.md). */
  readonly detachedPayload?: Uint8Array
  /** Largest input accepted, in bytes; default 1 GiB. Same as `limits.fileSize`, which wins. */
  readonly maxInputBytes?: number
  /** Bounds on what an input can make the verification do (docs/limits.md). */
  readonly limits?: VerifyLimits
}

/** What a verifier instance shares across its verifications (see createVerifier). */
export interface VerifierShared {
  /** Caches of the chain step. */
  readonly cache?: ChainCache
  /** The parsed `trustAnchors` of the instance's options, when the call does not set its own. */
  readonly anchors?: readonly Certificate[]
  /** The DER items of the CRL and OCSP inputs, split once while their bytes stay the same. */
  readonly inputs?: DerItemsMemo
}

/** What an input looks like, from its content only (never its name). */
export type Sniffed = InputKind | 'unknown'

function startsWith(bytes: Uint8Array, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false
  return true
}

/** True for the Latin-1 bytes that `String.prototype.trimStart` removes. */
function isBlank(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0
}

const HEAD = 1024
const PDF_HEADER = ascii('%PDF-')

function route(bytes: Uint8Array): Route | 'jws' | 'unknown' {
  if (indexOfBytes(bytes, PDF_HEADER, 0, HEAD) >= 0) return 'pdf'
  if (startsWith(bytes, 'PK\x03\x04')) return 'ofd'
  if (sniffCertificateInput(bytes)) return 'certificate'
  if (sniffCms(bytes)) return 'cms'
  const ses = sniffSes(bytes)
  if (ses) return ses
  // The first non-blank bytes of the head: a JSON object or a compact JWS header.
  const n = Math.min(HEAD, bytes.length)
  let at = 0
  while (at < n && isBlank(bytes[at]!)) at++
  if (at < n && bytes[at] === 0x7b) return 'jws'
  if (at + 3 <= n && startsWith(bytes.subarray(at), 'eyJ')) return 'jws'
  return 'unknown'
}

/** Decides which reader an input goes to. */
export function sniff(bytes: Uint8Array): Sniffed {
  const r = route(bytes)
  return r === 'ses-signature' ? 'seal' : r
}

/**
 * Verifies one input and resolves to its verdict. A malformed input is a `rejected` verdict
 * with FORMAT_FAILURE, never an exception; the promise rejects only when the input cannot be
 * read at all (a YrdError whose code starts with `input.`, such as a wrong PKCS#12 password).
 * @example
 * const verdict = await verify(bytes, { time: new Date('2026-12-03T00:00:00Z') })
 * if (verdict.status === 'recognized') accept(verdict.province?.name)
 */
export async function verify(input: Uint8Array, options: VerifyOptions = {}): Promise<Verdict> {
  return (await verifyWith(input, options, {}, false)).verdict
}

/** A picture found while verifying, for renderers (not part of the JSON verdict). */
export interface VerdictPicture {
  /** The signature it belongs to, or null for a standalone seal. */
  readonly signatureId: string | null
  /** `signed`: inside the signed seal; `displayed`: what a viewer shows (appearance, stamp). */
  readonly role: 'signed' | 'displayed'
  readonly format: string
  /** Millimetres for seal pictures, pixels for decoded appearances. */
  readonly width: number
  readonly height: number
  readonly data: Uint8Array
}

/**
 * {@link verify}, plus the pictures seen on the way (seal pictures and appearances), for
 * renderers such as the CLI's HTML report.
 */
export async function verifyDetailed(
  input: Uint8Array,
  options: VerifyOptions = {},
): Promise<{ verdict: Verdict; pictures: VerdictPicture[] }> {
  return verifyWith(input, options, {})
}

/**
 * {@link verifyDetailed} with the state a verifier instance shares (createVerifier). With
 * `pictures` false (what `verify()` asks), the pictures list comes back empty.
 */
export async function verifyWith(
  input: Uint8Array,
  options: VerifyOptions,
  shared: VerifierShared,
  pictures = true,
): Promise<{ verdict: Verdict; pictures: VerdictPicture[] }> {
  checkLimits(options.limits)
  const lang = options.lang ?? 'zh'
  const time = options.time ?? new Date()
  const registry = options.registry ?? (await defaultRegistry())
  const result = await evaluate(input, registry, time, options, lang, shared)
  const findings: Finding[] = registry.test
    ? [{ code: 'registry.test', status: 'warning' }, ...result.findings]
    : result.findings
  const validated = findings.map((f) => render(f, lang))
  const licence = result.licence
    ? evaluateLicence(result.licence.pairs, time, result.licence.source, lang)
    : null
  const recognition =
    result.kind === null
      ? { findings: [], province: null }
      : recognise({
          licence,
          signatures: result.signatures,
          seals: result.seals,
          validation: aggregate(validated, result.parts),
          registry,
          time,
          lang,
        })
  const checks = [...validated, ...recognition.findings.map((f) => render(f, lang))]
  const outcome = aggregate(checks, result.parts)
  const verdict: Verdict = {
    kind: result.kind,
    status: outcome.status,
    indication: outcome.indication,
    subIndication: outcome.subIndication,
    province:
      recognition.province ??
      commonProvince([
        ...result.certificates,
        // A time-stamp vouches for a time, not for the document's origin.
        ...result.signatures.filter((sig) => sig.format !== 'timestamp'),
        ...result.seals,
      ]),
    signatures: result.signatures,
    seals: result.seals,
    certificates: result.certificates,
    licence: licence?.licence ?? null,
    checks,
    validationTime: isoTime(time),
    registry: registry.summary(),
  }
  // The bytes of decoded appearance pictures are PNG-encoded only when a renderer reads them.
  if (!pictures) return { verdict, pictures: [] }
  const shown: VerdictPicture[] = result.pictures.map((p) =>
    withLazyData({ signatureId: p.signatureId, role: p.role }, p.picture),
  )
  return { verdict, pictures: shown }
}

async function evaluate(
  input: Uint8Array,
  registry: Registry,
  time: Date,
  options: VerifyOptions,
  lang: Lang,
  shared: VerifierShared,
): Promise<Evaluated> {
  const failed = (code: string, params?: Record<string, string | number>): Evaluated =>
    empty(null, [
      { code, status: 'failed', subIndication: 'FORMAT_FAILURE', ...(params ? { params } : {}) },
    ])
  const maxBytes = options.limits?.fileSize ?? options.maxInputBytes ?? limitOf({}, 'fileSize')
  if (input.length === 0) return failed('input.empty')
  if (input.length > maxBytes) {
    return failed('input.too-large', { size: input.length, limit: maxBytes })
  }
  const r = route(input)
  if (r === 'unknown') return failed('input.unsupported')
  const ctx = chainContext(registry, time, options, shared)
  const extra = options.detachedPayload ? { payload: options.detachedPayload } : {}
  return evaluateRoute(r, input, ctx, lang, options.password, extra)
}

function chainContext(
  registry: Registry,
  time: Date,
  options: VerifyOptions,
  shared: VerifierShared,
): ChainContext {
  const anchors =
    options.trustAnchors === undefined && shared.anchors
      ? shared.anchors
      : parseAnchors(options.trustAnchors)
  const limits = options.limits ?? {}
  const fileSize = options.maxInputBytes
  return {
    registry,
    extraAnchors: anchors,
    time,
    // Looked at on every call: a caller may add a newer CRL to the same array between calls.
    crls: shared.inputs?.itemsOf(options.crls, 'X509 CRL') ?? splitItems(options.crls, 'X509 CRL'),
    ocspResponses:
      shared.inputs?.itemsOf(options.ocspResponses, 'OCSP RESPONSE') ??
      splitItems(options.ocspResponses, 'OCSP RESPONSE'),
    revocation: options.revocation ?? 'require',
    revocationSources: [...(options.revocationSources ?? [])],
    ...(options.fetchIssuers ? { fetchIssuers: options.fetchIssuers } : {}),
    limits:
      fileSize !== undefined && limits.fileSize === undefined
        ? { ...PLAIN, ...limits, fileSize }
        : limits,
    ...(shared.cache ? { cache: shared.cache } : {}),
  }
}

/** The DER items of `inputs`, each DER or PEM with `label` blocks. */
export function splitItems(inputs: readonly Uint8Array[] | undefined, label: string): Uint8Array[] {
  return (inputs ?? []).flatMap((b) => derItems(b, [label]))
}

/** Parses trust anchors given as DER or PEM bytes. */
export function parseAnchors(inputs: readonly Uint8Array[] | undefined): Certificate[] {
  return (inputs ?? []).flatMap((b) => derItems(b, ['CERTIFICATE']).map(parseCertificate))
}

/** The province every certificate or signature agrees on, or null. */
function commonProvince(items: readonly { readonly province: Province | null }[]): Province | null {
  const first = items[0]?.province
  if (!first) return null
  return items.every((c) => c.province?.code === first.code) ? first : null
}

/**
 * The cryptographic half of checking one PDF signature, after the structural checks: sniff the
 * signature value (never trusting /SubFilter) and verify it as a CMS signature over the
 * covered bytes (PKCS#7 or GB/T 35275; adbe.pkcs7.sha1 signs their SHA-1 digest), an RFC 3161
 * document time-stamp, or a GB/T 38540 seal signature whose data hash is SM3 over them.
 */
import { sameBytes } from '../crypto/bytes.js'
import { hash } from '../crypto/hash.js'
import { looksLikeSignedData } from '../formats/cms/sniff.js'
import { sniffSes } from '../formats/ses/index.js'
import { parseSignedData, type SignedData } from '../pki/cms/signed-data.js'
import { TST_INFO_OID } from '../pki/timestamp/tst-info.js'
import { aggregate, type Outcome } from '../verdict/aggregate.js'
import { render, type Finding, type Lang } from '../verdict/messages.js'
import type { Check, SealResult, SignatureResult } from '../verdict/types.js'
import { summarise, type ChainContext } from './chain.js'
import { evaluateCmsSignature } from './cms.js'
import './pdf-codes.js'
import { coveredBytes, rangeDigester } from './pdf-digest.js'
import type { PreparedSignature } from './pdf-prepare.js'
import { pdfDate } from './pdf-date.js'
import { textString } from './pdf-sig-dict.js'
import { evaluateDocumentTimestamp } from './pdf-timestamp.js'
import { evaluateSesSignature, type SealPicture } from './ses.js'
import { PLAIN } from '../shape.js'
import { isoTime } from '../verdict/iso-time.js'

/** What the signature step needs besides the signature. */
export interface PdfSignatureEnv {
  readonly ctx: ChainContext
  readonly lang: Lang
  /** Certificates of the /DSS (for time-stamp chains). */
  readonly dssCertificates: readonly Uint8Array[]
  /** Findings to append (changes after signing, appearance), with the modification class. */
  readonly extra: readonly Finding[]
  readonly modifications: SignatureResult['modifications']
}

/** The evaluation of one PDF signature. */
export interface PdfSignatureEvaluation {
  readonly signature: SignatureResult
  readonly outcome: Outcome
  readonly seal: SealResult | null
  readonly pictures: readonly SealPicture[]
}

type Base = Omit<SignatureResult, 'status' | 'subIndication' | 'checks'>

function finish(
  base: Base,
  checks: readonly Check[],
): { signature: SignatureResult; outcome: Outcome } {
  const outcome = aggregate(checks)
  const signature: SignatureResult = {
    ...PLAIN,
    ...base,
    status: outcome.status,
    subIndication: outcome.subIndication,
    checks: [...checks],
  }
  return { signature, outcome }
}

function claimedTime(p: PreparedSignature): string | null {
  const m = textString(p.dict?.get('M'))
  return m === undefined ? null : (pdfDate(m)?.toISOString() ?? null)
}

function baseOf(p: PreparedSignature, env: PdfSignatureEnv, format: Base['format']): Base {
  return {
    id: p.id,
    format,
    signer: null,
    province: null,
    signingTime: claimedTime(p),
    timestamp: null,
    coverage: p.coverage,
    modifications: env.modifications,
  }
}

function subFilter(p: PreparedSignature): string | undefined {
  return textString(p.dict?.get('SubFilter'))
}

/** How the CMS content relates to the document: detached, SHA-1 digest, or foreign. */
function contentSource(
  eContent: Uint8Array | undefined,
  covered: () => Uint8Array,
  digestOf: ReturnType<typeof rangeDigester>,
): { content?: Uint8Array; finding?: Finding } {
  if (!eContent) return {}
  const sha1 = digestOf('SHA-1')
  if (sameBytes(eContent, sha1)) {
    return { content: sha1, finding: { code: 'pdf.sha1-content', status: 'passed' } }
  }
  const all = covered()
  if (sameBytes(eContent, all)) {
    return { content: all }
  }
  const finding: Finding = {
    code: 'pdf.attached-content',
    status: 'failed',
    subIndication: 'HASH_FAILURE',
  }
  return { content: all, finding }
}

/**
 * Verifies a prepared signature and folds its structural findings, the verifier's checks and
 * `env.extra` into one SignatureResult.
 */
export async function evaluatePreparedSignature(
  p: PreparedSignature,
  bytes: Uint8Array,
  env: PdfSignatureEnv,
): Promise<PdfSignatureEvaluation> {
  const { ctx, lang } = env
  const head = p.findings.map((f) => render(f, lang))
  const tail = env.extra.map((f) => render(f, lang))
  const isTimestampFilter = subFilter(p) === 'ETSI.RFC3161'
  if (p.fatal || !p.value || !p.range) {
    const base = baseOf(p, env, isTimestampFilter ? 'timestamp' : 'cms')
    return { ...PLAIN, ...finish(base, [...head, ...tail]), seal: null, pictures: [] }
  }
  const value = p.value
  const range = p.range
  const digestOf = rangeDigester(bytes, range)
  if (looksLikeSignedData(value)) {
    let eContentType: string | undefined
    let eContent: Uint8Array | undefined
    let bare = false
    let parsed: SignedData | undefined
    try {
      const sd = parseSignedData(value, { allowZeroPadding: true })
      parsed = sd
      eContentType = sd.eContentType
      eContent = sd.eContent
      bare = sd.signers.some((s) => !s.signedAttrsDer)
    } catch {
      eContentType = undefined
    }
    if (eContentType === TST_INFO_OID) {
      const ts = await evaluateDocumentTimestamp(value, digestOf, ctx, env.dssCertificates)
      const base: Base = {
        ...PLAIN,
        ...baseOf(p, env, 'timestamp'),
        signer: ts.tsa ? summarise(ts.tsa) : null,
        timestamp: ts.genTime ? isoTime(ts.genTime) : null,
        chain: ts.chain.map(summarise),
      }
      const checks = [...head, ...ts.findings.map((f) => render(f, lang)), ...tail]
      return { ...PLAIN, ...finish(base, checks), seal: null, pictures: [] }
    }
    const source = contentSource(eContent, () => coveredBytes(bytes, range), digestOf)
    // Without signed attributes the signature is over the content itself: hand the bytes over.
    const content = source.content ?? (bare ? coveredBytes(bytes, range) : undefined)
    const r = await evaluateCmsSignature(value, ctx, lang, {
      id: p.id,
      digestOf,
      ...(content ? { content } : {}),
      ...(parsed ? { parsed } : {}),
    })
    const own = source.finding ? [render(source.finding, lang)] : []
    const base: Base = {
      ...PLAIN,
      ...r.signature,
      coverage: p.coverage,
      modifications: env.modifications,
      signingTime: r.signature.signingTime ?? claimedTime(p),
    }
    const checks = [...head, ...own, ...r.signature.checks, ...tail]
    return { ...PLAIN, ...finish(base, checks), seal: null, pictures: [] }
  }
  if (sniffSes(value) === 'ses-signature') {
    const r = await evaluateSesSignature(value, ctx, lang, {
      id: p.id,
      protectedData: coveredBytes(bytes, range),
      protectedName: `/ByteRange [${range.a} ${range.b} ${range.c} ${range.d}]`,
    })
    const base: Base = {
      ...PLAIN,
      ...r.signature,
      coverage: p.coverage,
      modifications: env.modifications,
    }
    const checks = [...head, ...r.signature.checks, ...tail]
    return { ...PLAIN, ...finish(base, checks), seal: r.seal, pictures: r.pictures }
  }
  const unknown: Finding = {
    code: 'pdf.contents.unknown',
    status: 'failed',
    subIndication: 'FORMAT_FAILURE',
    detail: { subFilter: subFilter(p) ?? null, sha256: hashHex(value) },
  }
  const base = baseOf(p, env, isTimestampFilter ? 'timestamp' : 'cms')
  const checks = [...head, render(unknown, lang), ...tail]
  return { ...PLAIN, ...finish(base, checks), seal: null, pictures: [] }
}

function hashHex(data: Uint8Array): string {
  return Array.from(hash('SHA-256', data), (b) => b.toString(16).padStart(2, '0')).join('')
}

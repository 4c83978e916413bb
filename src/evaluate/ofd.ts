/**
 * Evaluation of an OFD package: every Signature.xml's references against the package files,
 * then its SignedValue.dat by type — a GB/T 38540 seal signature (Seal) whose data hash covers
 * Signature.xml, or a GB/T 35275 SignedData (Sign) whose content is SM3(Signature.xml) — and
 * the files that no signature protects.
 */
import { hash } from '../crypto/hash.js'
import { sniffCms } from '../formats/cms/sniff.js'
import { hasLicenceMetadata } from '../formats/licence/metadata.js'
import type { OfdDocument, OfdEvidence, OfdSignature } from '../formats/ofd/types.js'
import { aggregate, type Outcome } from '../verdict/aggregate.js'
import { render, type Finding, type Lang } from '../verdict/messages.js'
import type { Check, SealResult, SignatureResult } from '../verdict/types.js'
import type { ChainContext } from './chain.js'
import { evaluateCmsSignature } from './cms.js'
import './ofd-codes.js'
import { withPictureFindings } from './seal-picture.js'
import {
  annotationSealPicture,
  ofdPictureFindings,
  picturesOverStamps,
} from './seal-picture-ofd.js'
import { evaluateSesSignature, type SealPicture } from './ses.js'
import { PLAIN } from '../shape.js'

/** What the OFD evaluation found. */
export interface OfdEvaluation {
  readonly signatures: SignatureResult[]
  readonly seals: SealResult[]
  readonly parts: Outcome[]
  readonly findings: Finding[]
  /** GB/T 36903 licence metadata (CustomData pairs) of the first document carrying it. */
  licencePairs: readonly { readonly name: string; readonly value: string }[] | null
  /** Seal pictures for rendering, by signature id: signed, and displayed by the stamp. */
  readonly pictures: {
    readonly signatureId: string
    readonly role: 'signed' | 'displayed'
    readonly picture: SealPicture
  }[]
}

function referenceFindings(sig: OfdSignature): Finding[] {
  const findings: Finding[] = []
  let matched = 0
  for (const r of sig.references) {
    const file = r.path ?? r.fileRef
    if (r.status === 'matched') matched++
    else if (r.status === 'mismatched') {
      findings.push({
        code: 'ofd.reference-mismatch',
        status: 'failed',
        subIndication: 'HASH_FAILURE',
        params: { file },
      })
    } else if (r.status === 'missing') {
      findings.push({
        code: 'ofd.reference-missing',
        status: 'indeterminate',
        subIndication: 'SIGNED_DATA_NOT_FOUND',
        params: { file },
      })
    } else {
      findings.push({
        code: 'ofd.reference-method',
        status: 'indeterminate',
        params: { file, method: sig.checkMethod.raw ?? '(none)' },
      })
    }
  }
  if (sig.references.length === 0) {
    findings.push({ code: 'ofd.no-references', status: 'indeterminate' })
  } else if (matched === sig.references.length) {
    findings.unshift({ code: 'ofd.references', status: 'passed', params: { count: matched } })
  }
  for (const s of sig.stampAnnots) {
    const b = s.boundary
    findings.push({
      code: 'ofd.stamp',
      status: 'passed',
      params: {
        page: s.pageIndex === null ? (s.pageRef ?? '?') : s.pageIndex + 1,
        boundary: b ? `${b.x} ${b.y} ${b.width} ${b.height}` : (s.boundaryRaw ?? '?'),
      },
    })
  }
  return findings
}

/** Adds the package-level checks to an evaluated signature and folds its outcome again. */
function withChecks(
  signature: SignatureResult,
  extra: readonly Check[],
): { signature: SignatureResult; outcome: Outcome } {
  const checks = [...extra, ...signature.checks]
  const outcome = aggregate(checks)
  return {
    signature: {
      ...PLAIN,
      ...signature,
      checks,
      status: outcome.status,
      subIndication: outcome.subIndication,
    },
    outcome,
  }
}

async function evaluateOne(
  doc: OfdDocument,
  sig: OfdSignature,
  ctx: ChainContext,
  lang: Lang,
  out: OfdEvaluation,
): Promise<void> {
  const refChecks = referenceFindings(sig).map((f) => render(f, lang))
  const value = sig.signedValue
  if (!value) {
    const checks = [
      ...refChecks,
      render(
        {
          code: 'ofd.signed-value-missing',
          status: 'indeterminate',
          subIndication: 'SIGNED_DATA_NOT_FOUND',
          params: { file: sig.signedValueLoc },
        },
        lang,
      ),
    ]
    const outcome = aggregate(checks)
    out.parts.push(outcome)
    out.signatures.push(
      emptySignature(sig.id, sig.type === 'Seal' ? 'ses' : 'cms', outcome, checks),
    )
    return
  }
  if (sig.type === 'Seal') {
    const r = await evaluateSesSignature(value.bytes, ctx, lang, {
      id: sig.id,
      protectedData: sig.signatureXml.bytes,
      protectedName: sig.signatureXml.path,
    })
    const signed = r.pictures[0]
    const pictureFindings = signed ? ofdPictureFindings(doc, sig, signed) : []
    const checked = withChecks(r.signature, refChecks)
    const merged = withPictureFindings(checked.signature, checked.outcome, pictureFindings, lang)
    out.signatures.push(merged.signature)
    out.parts.push(merged.outcome)
    if (r.seal) out.seals.push(r.seal)
    // An OFD viewer draws the seal's own picture in each StampAnnot boundary, and the pictures
    // of annotations over it.
    const over = picturesOverStamps(doc, sig).flatMap((p) => annotationSealPicture(p) ?? [])
    for (const picture of r.pictures) {
      out.pictures.push({ signatureId: sig.id, role: 'signed', picture })
      if (sig.stampAnnots.length > 0 && over.length === 0) {
        out.pictures.push({ signatureId: sig.id, role: 'displayed', picture })
      }
    }
    for (const picture of over)
      out.pictures.push({ signatureId: sig.id, role: 'displayed', picture })
    return
  }
  if (!sniffCms(value.bytes)) {
    const checks = [
      ...refChecks,
      render(
        {
          code: 'ofd.sign-bare',
          status: 'indeterminate',
          subIndication: 'NO_SIGNING_CERTIFICATE_FOUND',
        },
        lang,
      ),
    ]
    const outcome = aggregate(checks)
    out.parts.push(outcome)
    out.signatures.push(emptySignature(sig.id, 'cms', outcome, checks))
    return
  }
  const r = await evaluateCmsSignature(value.bytes, ctx, lang, {
    id: sig.id,
    content: hash('SM3', sig.signatureXml.bytes),
  })
  const merged = withChecks(r.signature, refChecks)
  out.signatures.push(merged.signature)
  out.parts.push(merged.outcome)
}

function emptySignature(
  id: string,
  format: 'ses' | 'cms',
  outcome: Outcome,
  checks: Check[],
): SignatureResult {
  return {
    id,
    format,
    status: outcome.status,
    subIndication: outcome.subIndication,
    signer: null,
    province: null,
    signingTime: null,
    timestamp: null,
    coverage: null,
    modifications: null,
    checks,
  }
}

function documentFindings(doc: OfdDocument, evidence: OfdEvidence): Finding[] {
  const findings: Finding[] = []
  const list = doc.signaturesPath
  const others = evidence.unprotectedFiles.filter((f) => f !== list)
  if (list && evidence.unprotectedFiles.includes(list)) {
    findings.push({
      code: 'ofd.signatures-list-unprotected',
      status: 'passed',
      params: { file: list },
    })
  }
  if (others.length > 0 && doc.signatures.length > 0) {
    const shown =
      others.slice(0, 10).join(', ') + (others.length > 10 ? ` (+${others.length - 10})` : '')
    findings.push({
      code: 'ofd.unprotected',
      status: 'indeterminate',
      params: { files: shown },
      detail: { files: others },
    })
  }
  return findings
}

/** Evaluates every signature of every document in an OFD package. */
export async function evaluateOfd(
  evidence: OfdEvidence,
  ctx: ChainContext,
  lang: Lang,
): Promise<OfdEvaluation> {
  const out: OfdEvaluation = {
    signatures: [],
    seals: [],
    parts: [],
    findings: [],
    pictures: [],
    licencePairs: null,
  }
  for (const doc of evidence.documents) {
    const custom = doc.docInfo?.customData ?? []
    if (!out.licencePairs && hasLicenceMetadata(custom)) out.licencePairs = custom
    for (const sig of doc.signatures) await evaluateOne(doc, sig, ctx, lang, out)
    out.findings.push(...documentFindings(doc, evidence))
  }
  if (out.signatures.length === 0)
    out.findings.push({ code: 'policy.no-signature', status: 'failed' })
  return out
}

/**
 * Evaluation of a PDF: every signature the reader finds (AcroForm, /Perms, byte scan) is
 * checked byte by byte, verified by its sniffed type, and judged against the changes made
 * after the revision it signed; /DSS material feeds every chain; usage-rights (UR3)
 * signatures and dictionaries no xref reaches are reported apart from document signatures.
 */
import { sameBytes } from '../crypto/bytes.js'
import { verifySignature } from '../crypto/verify.js'
import {
  findSignatures,
  readPdf,
  type PdfFile,
  type PdfSignatureRef,
} from '../formats/pdf/index.js'
import { parseCertificate, type Certificate } from '../pki/certificate.js'
import type { Finding, Lang } from '../verdict/messages.js'
import { DEFAULT_LIMITS, pdfLimitsOf } from '../verify-limits.js'
import type { ChainContext } from './chain.js'
import type { Evaluated } from './dispatch.js'
import { pdfLicencePairs } from './pdf-licence.js'
import { evaluatePdfAppearances } from './pdf-appearance.js'
import { judgeChanges, mdpOf, type Mdp } from './pdf-permissions.js'
import './pdf-codes.js'
import { overlapFindings, type RangedSignature } from './pdf-byte-range.js'
import { collectDss, type DssData } from './pdf-dss.js'
import { prepareSignature, type PreparedSignature } from './pdf-prepare.js'
import { evaluatePreparedSignature } from './pdf-signature.js'
import { pdfPictureFindings, withPictureFindings } from './seal-picture.js'
import { evaluateUsageRights } from './pdf-ur3.js'
import { PLAIN } from '../shape.js'

/** Most document signatures verified in one file. */
export const MAX_PDF_SIGNATURES = DEFAULT_LIMITS.signatures
/** Most reader problems reported as checks. */
const MAX_PROBLEMS = 10

/** True when `issuer` may have issued `c`: same name, and same key id when both carry one. */
function issues(issuer: Certificate, c: Certificate): boolean {
  if (!sameBytes(issuer.subject.der, c.issuer.der)) return false
  const aki = c.authorityKeyIdentifier?.keyIdentifier
  const ski = issuer.subjectKeyIdentifier
  return !aki || !ski || sameBytes(aki, ski)
}

/**
 * The /DSS certificates whose key verifies `c` (a name match alone is not enough: a file may
 * carry several CAs of the same name). A self-signed certificate gets none.
 */
async function dssIssuers(certs: readonly Certificate[], c: Certificate): Promise<Certificate[]> {
  const out: Certificate[] = []
  for (const x of certs) {
    if (x.sha256 === c.sha256 || !issues(x, c)) continue
    const check = await verifySignature({
      algorithm: c.signatureAlgorithm,
      publicKey: x.spki,
      data: c.tbs,
      signature: c.signatureValue,
    })
    if (check.valid) out.push(x)
  }
  return out
}

/** The context with the /DSS revocation data, and its certificates offered as issuers. */
function withDss(ctx: ChainContext, dss: DssData): ChainContext {
  const certs: Certificate[] = []
  for (const der of dss.certificates) {
    try {
      certs.push(parseCertificate(der))
    } catch {
      // An unparsable /DSS certificate is simply not offered as an issuer.
    }
  }
  const fetch = ctx.fetchIssuers
  const fetchIssuers =
    certs.length === 0
      ? fetch
      : async (c: Certificate): Promise<readonly Certificate[]> => {
          const local = await dssIssuers(certs, c)
          if (local.length > 0 || !fetch) return local
          return fetch(c)
        }
  return {
    ...PLAIN,
    ...ctx,
    crls: [...ctx.crls, ...dss.crls],
    ocspResponses: [...ctx.ocspResponses, ...dss.ocspResponses],
    ...(fetchIssuers ? { fetchIssuers } : {}),
  }
}

function problemFindings(pdf: PdfFile): Finding[] {
  const shown = pdf.problems.slice(0, MAX_PROBLEMS).map((p): Finding => ({
    code: 'pdf.read-problem',
    status: 'warning',
    params: { code: p.code, message: p.message },
    ...(p.offset !== undefined ? { detail: { offset: p.offset } } : {}),
  }))
  return shown
}

function objectName(ref: PdfSignatureRef): string {
  return ref.sigRef ? `${ref.sigRef.num} ${ref.sigRef.gen} R` : '?'
}

/** Sorts signatures by the end of their signed bytes (the order they were made in). */
function signedEnd(p: PreparedSignature): number {
  return p.range ? p.range.c + p.range.d : Number.MAX_SAFE_INTEGER
}

/**
 * Reads and evaluates a PDF. Throws the reader's FormatError/LimitError when the file cannot
 * be read at all (the pipeline turns it into FORMAT_FAILURE).
 * @example
 * const out = await evaluatePdf(bytes, ctx, 'en')
 * out.signatures.map((s) => s.status)
 */
export async function evaluatePdf(
  bytes: Uint8Array,
  ctx: ChainContext,
  lang: Lang,
): Promise<Evaluated> {
  const pdf = readPdf(bytes, pdfLimitsOf(ctx.limits))
  const maxSignatures = ctx.limits?.signatures ?? MAX_PDF_SIGNATURES
  const found = findSignatures(pdf)
  const dss = collectDss(pdf)
  const chainCtx = withDss(ctx, dss)
  const findings: Finding[] = [...dss.findings]
  const documentSigs: { ref: PdfSignatureRef; index: number }[] = []
  for (const [index, ref] of found.entries()) {
    const isUr3 = ref.foundBy.includes('perms-ur3')
    const isField = ref.foundBy.includes('acroform') || ref.foundBy.includes('perms-docmdp')
    if (isUr3 && !isField) {
      findings.push(await evaluateUsageRights(pdf, ref, index, ctx, lang))
    } else if (!ref.sigRef) {
      findings.push({
        code: 'pdf.signature.unreachable',
        status: 'failed',
        subIndication: 'FORMAT_FAILURE',
        params: { offset: ref.scanOffset ?? -1 },
      })
    } else documentSigs.push({ ref, index })
  }
  if (documentSigs.length > maxSignatures) {
    findings.push({
      code: 'pdf.signature.too-many',
      status: 'indeterminate',
      params: { limit: maxSignatures },
    })
  }
  const prepared = documentSigs
    .slice(0, maxSignatures)
    .map(({ ref, index }) => prepareSignature(pdf, ref, index))
    .sort((x, y) => signedEnd(x) - signedEnd(y))
  const mdp: Mdp[] = prepared.map((p) => mdpOf(pdf, p))
  const ranged: RangedSignature[] = []
  for (const p of prepared) {
    if (p.range && !p.fatal) ranged.push({ key: p.index, id: p.id, range: p.range })
  }
  const overlaps = overlapFindings(ranged)
  const appearance = evaluatePdfAppearances(pdf, found, undefined, ctx.cache?.pictures)
  findings.push(...appearance.findings)
  const out: Evaluated = {
    kind: 'pdf',
    findings,
    certificates: [],
    signatures: [],
    seals: [],
    parts: [],
    pictures: [],
  }
  for (const p of prepared) {
    const changes = judgeChanges(pdf, p, mdp)
    const look = appearance.perSignature.get(p.index)
    const orphan: Finding[] = p.ref.foundBy.every((f) => f === 'scan')
      ? [
          {
            code: 'pdf.signature.orphan',
            status: 'indeterminate',
            params: { object: objectName(p.ref) },
          },
        ]
      : []
    const r = await evaluatePreparedSignature(p, bytes, {
      ctx: chainCtx,
      lang,
      dssCertificates: dss.certificates,
      extra: [
        ...orphan,
        ...(overlaps.get(p.index) ?? []),
        ...changes.findings,
        ...(look?.findings ?? []),
      ],
      modifications: changes.modifications,
    })
    const pictures = pdfPictureFindings(r.pictures, look, p.ref.fieldName)
    const shown = withPictureFindings(r.signature, r.outcome, pictures, lang)
    out.signatures.push(shown.signature)
    out.parts.push(shown.outcome)
    if (r.seal) out.seals.push(r.seal)
    for (const picture of r.pictures) {
      out.pictures.push({ signatureId: p.id, role: 'signed', picture })
    }
    for (const picture of look?.pictures ?? []) {
      out.pictures.push({ signatureId: p.id, role: 'displayed', picture })
    }
  }
  if (out.signatures.length === 0) findings.push({ code: 'policy.no-signature', status: 'failed' })
  // The licence as the issuing (earliest) signature signed it.
  const issuing = prepared.find((p) => p.revision !== null)
  const rev = issuing?.revision
  const pairs = rev === null || rev === undefined ? undefined : pdfLicencePairs(pdf, rev)
  // Reader problems come first, taken last: the page scan, change analysis and licence
  // reading also read objects and may note problems.
  findings.unshift(...problemFindings(pdf))
  return pairs ? { ...PLAIN, ...out, licence: { pairs, source: 'PDF' } } : out
}

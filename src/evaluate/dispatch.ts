/**
 * Routes a sniffed input to its reader and evaluator, and collects what they found in one
 * shape for the verdict.
 */
import { YrdError } from '../errors.js'
import { readCertificateFile } from '../formats/certificate/read.js'
import { readCmsFile } from '../formats/cms/read.js'
import { readJws } from '../formats/licence/jws.js'
import { readOfd } from '../formats/ofd/index.js'
import { parseSeal } from '../formats/ses/index.js'
import type { Outcome } from '../verdict/aggregate.js'
import { ofdLimitsOf } from '../verify-limits.js'
import type { Finding, Lang } from '../verdict/messages.js'
import type { CertificateResult, InputKind, SealResult, SignatureResult } from '../verdict/types.js'
import { evaluateCertificates } from './certificate.js'
import type { ChainContext } from './chain.js'
import { evaluateCmsFile } from './cms-file.js'
import { evaluateJws } from './jws.js'
import { evaluateOfd } from './ofd.js'
import { evaluatePdf } from './pdf.js'
import { pdfReadFindings } from './pdf-read-errors.js'
import { evaluateSeal, evaluateSesSignature, type SealPicture } from './ses.js'
import { PLAIN } from '../shape.js'

/** What evaluating one input produced, before it is folded into a verdict. */
export interface Evaluated {
  readonly kind: InputKind | null
  readonly findings: Finding[]
  readonly certificates: CertificateResult[]
  readonly signatures: SignatureResult[]
  readonly seals: SealResult[]
  readonly parts: Outcome[]
  /** GB/T 36903 licence metadata found in the input, as key/value pairs, and its source. */
  readonly licence?: {
    readonly pairs: readonly { readonly name: string; readonly value: string }[]
    readonly source: string
  }
  readonly pictures: {
    readonly signatureId: string | null
    /** `signed`: the picture inside the signed seal; `displayed`: what a viewer shows. */
    readonly role: 'signed' | 'displayed'
    readonly picture: SealPicture
  }[]
}

/** The sniffed kinds this module evaluates, with the seal sub-kinds told apart. */
export type Route = 'certificate' | 'ofd' | 'pdf' | 'cms' | 'seal' | 'ses-signature' | 'jws'

export function empty(kind: InputKind | null, findings: Finding[] = []): Evaluated {
  return { kind, findings, certificates: [], signatures: [], seals: [], parts: [], pictures: [] }
}

const WHAT: Record<Route, string> = {
  certificate: 'certificate file',
  ofd: 'OFD package',
  pdf: 'PDF document',
  cms: 'CMS signature',
  seal: 'GB/T 38540 seal',
  'ses-signature': 'GB/T 38540 seal signature',
  jws: 'JWS licence',
}

const KIND: Record<Route, InputKind> = {
  certificate: 'certificate',
  ofd: 'ofd',
  pdf: 'pdf',
  cms: 'cms',
  seal: 'seal',
  'ses-signature': 'seal',
  jws: 'jws',
}

/**
 * Reads and evaluates an input of a known route. Malformed input becomes a FORMAT_FAILURE
 * finding; only unreadable input (codes `input.*`) is thrown.
 */
export async function evaluateRoute(
  route: Route,
  input: Uint8Array,
  ctx: ChainContext,
  lang: Lang,
  password: string | undefined,
  extra: { readonly payload?: Uint8Array } = {},
): Promise<Evaluated> {
  const kind = KIND[route]
  try {
    switch (route) {
      case 'certificate': {
        const evidence = await readCertificateFile(
          input,
          password === undefined ? {} : { password },
        )
        const out = await evaluateCertificates(evidence, ctx, lang)
        const findings = [...out.findings]
        if (out.results.length === 0 && !findings.some((f) => f.status === 'failed')) {
          findings.push(formatFinding(WHAT[route], new Error('no certificate to verify')))
        }
        return {
          ...PLAIN,
          ...empty(kind, findings),
          certificates: out.results,
          parts: out.outcomes,
        }
      }
      case 'ofd': {
        const { licencePairs, ...out } = await evaluateOfd(
          readOfd(input, ofdLimitsOf(ctx.limits)),
          ctx,
          lang,
        )
        const licence = licencePairs ? { pairs: licencePairs, source: 'OFD CustomData' } : null
        return { ...PLAIN, ...empty(kind, out.findings), ...out, ...(licence ? { licence } : {}) }
      }
      case 'jws': {
        const jws = readJws(input, extra.payload ? { payload: extra.payload } : {})
        const r = await evaluateJws(jws, ctx, lang)
        return {
          ...PLAIN,
          ...empty(kind, r.findings),
          signatures: [r.signature],
          parts: [r.outcome],
          ...(r.pairs ? { licence: { pairs: r.pairs, source: 'JSON' } } : {}),
        }
      }
      case 'pdf':
        return await evaluatePdf(input, ctx, lang)
      case 'cms': {
        const out = await evaluateCmsFile(readCmsFile(input), ctx, lang)
        return {
          ...PLAIN,
          ...empty(kind, out.findings),
          signatures: out.results,
          parts: out.outcomes,
        }
      }
      case 'seal': {
        const r = await evaluateSeal(parseSeal(input), ctx, lang)
        const pictures = r.picture
          ? [{ signatureId: null, role: 'signed' as const, picture: r.picture }]
          : []
        return { ...PLAIN, ...empty(kind), seals: [r.seal], parts: [r.outcome], pictures }
      }
      case 'ses-signature': {
        const r = await evaluateSesSignature(input, ctx, lang, { id: 'ses-1' })
        return {
          ...PLAIN,
          ...empty(kind),
          signatures: [r.signature],
          seals: r.seal ? [r.seal] : [],
          parts: [r.outcome],
          pictures: r.pictures.map((picture) => ({
            signatureId: 'ses-1',
            role: 'signed' as const,
            picture,
          })),
        }
      }
    }
  } catch (e) {
    if (e instanceof YrdError && e.code.startsWith('input.')) throw e
    return empty(kind, [formatFinding(WHAT[route], e), ...pdfReadFindings(e)])
  }
}

/** A FORMAT_FAILURE finding that says what was wrong. */
export function formatFinding(what: string, e: unknown): Finding {
  const reason = e instanceof Error ? e.message : String(e)
  return {
    code: 'input.format',
    status: 'failed',
    subIndication: 'FORMAT_FAILURE',
    params: { what, reason },
    ...(e instanceof YrdError ? { detail: { code: e.code } } : {}),
  }
}

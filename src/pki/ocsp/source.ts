/**
 * A RevocationSource backed by a set of OCSP responses (from a document, a file, or the
 * caller). Responses are parsed once; malformed ones are kept as 'unknown' evidence.
 */
import type { RevocationQuery, RevocationSource, RevocationStatus } from '../revocation-types.js'
import type { OcspCode } from './codes.js'
import { evaluateOcspResponse, ocspUnknown, type OcspCheckOptions } from './evaluate.js'
import { parseOcspResponse, type OcspResponse } from './parse.js'

/** Most responses one source holds. */
export const MAX_OCSP_RESPONSES = 256

const WEAK_CODES: ReadonlySet<string> = new Set<OcspCode>([
  'revocation.ocsp.none',
  'revocation.ocsp.malformed',
  'revocation.ocsp.no-match',
  'revocation.ocsp.unsuccessful',
])

/** Keeps the most informative 'unknown': one about a matching response beats "no match". */
function better(a: RevocationStatus | undefined, b: RevocationStatus): RevocationStatus {
  if (!a) return b
  const weakA = WEAK_CODES.has(a.code ?? '')
  const weakB = WEAK_CODES.has(b.code ?? '')
  if (weakA && !weakB) return b
  if (a.code === 'revocation.ocsp.malformed' && b.code === 'revocation.ocsp.no-match') return b
  return a
}

/**
 * Creates a RevocationSource answering from the given DER OCSP responses. A verified 'revoked'
 * answer wins over 'good'; otherwise 'good'; otherwise the most specific 'unknown' with its
 * code. Never throws.
 * @example
 * const source = createOcspSource([responseDer])
 * const st = await source.check({ certificate, issuer, time: new Date(), path: [certificate] })
 */
export function createOcspSource(
  responses: readonly Uint8Array[],
  options: OcspCheckOptions = {},
): RevocationSource {
  let parsed: (OcspResponse | undefined)[] | undefined
  const load = (): (OcspResponse | undefined)[] => {
    parsed ??= responses.slice(0, MAX_OCSP_RESPONSES).map((der) => {
      try {
        return parseOcspResponse(der)
      } catch {
        return undefined
      }
    })
    return parsed
  }
  return {
    name: 'ocsp',
    async check(query: RevocationQuery): Promise<RevocationStatus> {
      let good: RevocationStatus | undefined
      let unknown: RevocationStatus | undefined
      for (const response of load()) {
        if (!response) {
          unknown = better(unknown, ocspUnknown('revocation.ocsp.malformed'))
          continue
        }
        const st = await evaluateOcspResponse(response, query, options)
        if (st.status === 'revoked') return st
        if (st.status === 'good') good ??= st
        else unknown = better(unknown, st)
      }
      return good ?? unknown ?? ocspUnknown('revocation.ocsp.none')
    },
  }
}

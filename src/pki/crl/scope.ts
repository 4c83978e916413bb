/**
 * Whether a CRL covers a certificate (RFC 5280 §6.3.3 (b)): CRL issuer versus certificate
 * issuer or the distribution point's cRLIssuer (indirect CRLs), issuing distribution point
 * names versus the certificate's distribution points, onlyContainsUser/CA/AttributeCerts, and
 * the reasons the CRL covers for this certificate.
 */
import type { Certificate } from '../certificate.js'
import type { DistributionPoint } from '../extensions.js'
import type { GeneralName } from '../general-name.js'
import type { DistinguishedName, NameAttribute } from '../name.js'
import { ALL_REASONS } from './idp.js'
import type { Crl } from './parse.js'

/** Scope verdict: out of scope with a reason, or the reasons covered and the entry issuer. */
export type CrlScope =
  | { readonly inScope: false; readonly why: string }
  | { readonly inScope: true; readonly reasons: ReadonlySet<string> }

function normalise(value: string): string {
  return value.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ')
}

function rdnKey(rdn: readonly NameAttribute[]): string {
  const parts = rdn.map((a) => {
    const v =
      a.value === undefined ? `#${[...a.raw].join('.')}` : JSON.stringify(normalise(a.value))
    return `${a.oid}=${v}`
  })
  return parts.sort().join('+')
}

/** Comparable keys of a distribution point name (full names, or issuer + relative name). */
function dpNameKeys(
  fullName: readonly GeneralName[] | undefined,
  relative: readonly NameAttribute[] | undefined,
  base: DistinguishedName | undefined,
): string[] {
  if (fullName) return fullName.map(generalNameKey)
  if (relative && base) return [`dir:${[...base.rdnKeys, rdnKey(relative)].join(',')}`]
  return []
}

function generalNameKey(n: GeneralName): string {
  switch (n.kind) {
    case 'directory':
      return `dir:${n.value.key}`
    case 'dns':
    case 'email':
      return `${n.kind}:${n.value.toLowerCase()}`
    case 'uri':
      return `uri:${n.value}`
    case 'ip':
      return `ip:${[...n.value].join('.')}`
    case 'registeredId':
      return `rid:${n.value}`
    default:
      return `${n.kind}:?`
  }
}

function directoryNames(names: readonly GeneralName[] | undefined): DistinguishedName[] {
  const out: DistinguishedName[] = []
  for (const n of names ?? []) if (n.kind === 'directory') out.push(n.value)
  return out
}

function intersect(
  a: readonly string[] | undefined,
  b: readonly string[] | undefined,
): Set<string> {
  const base = a ?? ALL_REASONS
  return new Set(base.filter((r) => r !== 'unused' && (b === undefined || b.includes(r))))
}

function scopeForDp(crl: Crl, cert: Certificate, dp: DistributionPoint | undefined): CrlScope {
  const crlIssuers = directoryNames(dp?.crlIssuer)
  if (dp?.crlIssuer) {
    if (!crl.idp?.indirectCrl) return { inScope: false, why: 'cRLIssuer set but CRL not indirect' }
    if (!crlIssuers.some((n) => n.key === crl.issuer.key)) {
      return { inScope: false, why: 'CRL issuer is not the cRLIssuer' }
    }
  } else if (crl.issuer.key !== cert.issuer.key) {
    return { inScope: false, why: 'CRL issuer is not the certificate issuer' }
  }
  const idp = crl.idp
  if (idp) {
    const idpKeys = dpNameKeys(idp.fullName, idp.nameRelativeToIssuer, crl.issuer)
    if (idpKeys.length > 0) {
      let certKeys: string[]
      if (dp && (dp.fullName || dp.nameRelativeToIssuer)) {
        const base = crlIssuers[0] ?? cert.issuer
        certKeys = dpNameKeys(dp.fullName, dp.nameRelativeToIssuer, base)
      } else {
        certKeys = (dp?.crlIssuer ?? []).map(generalNameKey)
      }
      if (!certKeys.some((k) => idpKeys.includes(k))) {
        return { inScope: false, why: 'distribution point names do not match' }
      }
    }
    const isCa = cert.basicConstraints?.ca === true
    if (idp.onlyUserCerts && isCa)
      return { inScope: false, why: 'CRL covers only user certificates' }
    if (idp.onlyCaCerts && !isCa) return { inScope: false, why: 'CRL covers only CA certificates' }
    if (idp.onlyAttributeCerts)
      return { inScope: false, why: 'CRL covers only attribute certificates' }
  }
  return { inScope: true, reasons: intersect(idp?.onlySomeReasons, dp?.reasons) }
}

/**
 * The scope of `crl` for `cert`: the first of the certificate's distribution points (or the
 * implicit one when it has none) under which the CRL applies.
 */
export function crlScope(crl: Crl, cert: Certificate): CrlScope {
  const dps: (DistributionPoint | undefined)[] = cert.crlDistributionPoints?.length
    ? [...cert.crlDistributionPoints]
    : [undefined]
  let last: CrlScope = { inScope: false, why: 'no distribution point' }
  for (const dp of dps) {
    const s = scopeForDp(crl, cert, dp)
    if (s.inScope) return s
    last = s
  }
  return last
}

/**
 * RFC 5280 §4.2.1.10 / §6.1 name constraints. The permitted state is kept as a list of subtree
 * sets (one per certificate that had permittedSubtrees) instead of a computed intersection: a
 * name is permitted when, for every set holding subtrees of its kind, it lies in one of them.
 */
import type { Certificate } from '../certificate.js'
import type { GeneralSubtree, NameConstraints } from '../extensions.js'
import type { GeneralName } from '../general-name.js'
import { nameWithinSubtree, type DistinguishedName } from '../name.js'

const EMAIL_OID = '1.2.840.113549.1.9.1'

/** The accumulated permitted and excluded subtrees. */
export interface NameConstraintState {
  readonly permitted: readonly (readonly GeneralSubtree[])[]
  readonly excluded: readonly GeneralSubtree[]
}

/** The initial, unconstrained state. */
export const NO_NAME_CONSTRAINTS: NameConstraintState = { permitted: [], excluded: [] }

/** Adds one certificate's (or the anchor's) nameConstraints to the state. */
export function addNameConstraints(
  state: NameConstraintState,
  nc: NameConstraints | undefined,
): NameConstraintState {
  if (!nc) return state
  return {
    permitted: nc.permitted ? [...state.permitted, nc.permitted] : state.permitted,
    excluded: nc.excluded ? [...state.excluded, ...nc.excluded] : state.excluded,
  }
}

function lower(s: string): string {
  return s.toLowerCase()
}

function dnsMatches(name: string, base: string): boolean {
  const n = lower(name).replace(/\.$/, '')
  const b = lower(base).replace(/\.$/, '')
  if (b === '') return true
  if (b.startsWith('.')) return n.endsWith(b)
  return n === b || n.endsWith(`.${b}`)
}

function hostMatches(host: string, base: string): boolean {
  const h = lower(host)
  const b = lower(base)
  if (b.startsWith('.')) return h.endsWith(b)
  return h === b
}

function emailMatches(email: string, base: string): boolean {
  const at = email.lastIndexOf('@')
  if (at <= 0) return false
  const domain = lower(email.slice(at + 1))
  if (base.includes('@')) {
    const bat = base.lastIndexOf('@')
    return email.slice(0, at) === base.slice(0, bat) && domain === lower(base.slice(bat + 1))
  }
  return hostMatches(domain, base)
}

function uriHost(uri: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(uri)
  const host = m?.[1]
  return host ? host : undefined
}

function ipMatches(addr: Uint8Array, base: Uint8Array): boolean {
  if (base.length !== addr.length * 2) return false
  for (let i = 0; i < addr.length; i++) {
    const mask = base[addr.length + i]!
    if ((addr[i]! & mask) !== (base[i]! & mask)) return false
  }
  return true
}

/** Whether a name lies within a subtree; undefined when the kinds differ. */
function withinSubtree(name: GeneralName, st: GeneralSubtree): boolean | undefined {
  const base = st.base
  if (base.kind !== name.kind) return undefined
  switch (name.kind) {
    case 'directory':
      return nameWithinSubtree(name.value, base.value as DistinguishedName)
    case 'email':
      return emailMatches(name.value, base.value as string)
    case 'dns':
      return dnsMatches(name.value, base.value as string)
    case 'uri': {
      const host = uriHost(name.value)
      return host !== undefined && hostMatches(host, base.value as string)
    }
    case 'ip':
      return ipMatches(name.value, base.value as Uint8Array)
    default:
      // Kinds this library does not interpret: a constraint of that kind cannot be satisfied.
      return false
  }
}

/** Checks one name against the state; returns a description of the violation, if any. */
function checkName(state: NameConstraintState, name: GeneralName): string | undefined {
  for (const st of state.excluded) {
    if (withinSubtree(name, st) === true || (withinSubtree(name, st) === false && unknown(name))) {
      return `${name.kind} name is in an excluded subtree`
    }
  }
  for (const set of state.permitted) {
    const sameKind = set.filter((st) => st.base.kind === name.kind)
    if (sameKind.length > 0 && !sameKind.some((st) => withinSubtree(name, st) === true)) {
      return `${name.kind} name is outside the permitted subtrees`
    }
  }
  return undefined
}

function unknown(name: GeneralName): boolean {
  return !['directory', 'email', 'dns', 'uri', 'ip'].includes(name.kind)
}

/** The names of a certificate that name constraints apply to. */
export function constrainedNames(cert: Certificate): GeneralName[] {
  const names: GeneralName[] = []
  if (cert.subject.rdns.length > 0) names.push({ kind: 'directory', value: cert.subject })
  for (const rdn of cert.subject.rdns) {
    for (const a of rdn) {
      if (a.oid === EMAIL_OID && a.value !== undefined)
        names.push({ kind: 'email', value: a.value })
    }
  }
  for (const n of cert.subjectAltNames ?? []) names.push(n)
  return names
}

/** Checks a certificate's subject and alternative names; returns the violation, if any. */
export function checkNameConstraints(
  state: NameConstraintState,
  cert: Certificate,
): string | undefined {
  if (state.permitted.length === 0 && state.excluded.length === 0) return undefined
  for (const name of constrainedNames(cert)) {
    const problem = checkName(state, name)
    if (problem) return problem
  }
  return undefined
}

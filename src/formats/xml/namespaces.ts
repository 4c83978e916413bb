/**
 * Namespace scoping (Namespaces in XML 1.0): `xmlns` and `xmlns:p` declarations, the fixed
 * `xml` prefix, and resolution of element and attribute names.
 */
import type { Scanner } from './scanner.js'

/** The namespace bound to the `xml` prefix. */
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace'
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/'

/** Prefix → URI bindings in scope; the default namespace is under the key ''. */
export type NamespaceScope = ReadonlyMap<string, string>

/** The scope outside the root element. */
export const ROOT_SCOPE: NamespaceScope = new Map([['xml', XML_NAMESPACE]])

/**
 * The offset of the colon between prefix and local part of a qualified name (-1: no
 * prefix), refusing malformed names.
 */
export function prefixColon(s: Scanner, qname: string): number {
  const colon = qname.indexOf(':')
  if (colon < 0) return -1
  if (colon === 0 || colon === qname.length - 1 || qname.includes(':', colon + 1)) {
    throw s.fail('namespace', `malformed qualified name "${qname}" / 限定名格式错误`)
  }
  return colon
}

/**
 * Applies the namespace declarations among `attrs` (names and values alternating) to
 * `parent` and returns the new scope (the same object when nothing is declared).
 */
export function declareNamespaces(
  s: Scanner,
  parent: NamespaceScope,
  attrs: readonly string[],
): NamespaceScope {
  let scope: Map<string, string> | undefined
  for (let i = 0; i < attrs.length; i += 2) {
    const name = attrs[i]!
    const value = attrs[i + 1]!
    let prefix: string
    if (name === 'xmlns') prefix = ''
    else if (name.startsWith('xmlns:')) prefix = name.slice(6)
    else continue
    if (prefix === 'xmlns' || value === XMLNS_NAMESPACE) {
      throw s.fail('namespace', 'the xmlns prefix cannot be declared / 不能声明 xmlns 前缀')
    }
    if ((prefix === 'xml') !== (value === XML_NAMESPACE)) {
      throw s.fail('namespace', 'misuse of the xml prefix / xml 前缀使用错误')
    }
    if (prefix !== '' && value === '') {
      throw s.fail('namespace', `prefix "${prefix}" bound to nothing / 前缀未绑定命名空间`)
    }
    scope ??= new Map(parent)
    if (prefix === '' && value === '') scope.delete('')
    else scope.set(prefix, value)
  }
  return scope ?? parent
}

/** The namespace of `prefix` in `scope`; an unbound prefix is an error. */
export function lookupPrefix(s: Scanner, scope: NamespaceScope, prefix: string): string {
  const uri = scope.get(prefix)
  if (uri === undefined) {
    throw s.fail('namespace', `undeclared prefix "${prefix}" / 未声明的命名空间前缀`)
  }
  return uri
}

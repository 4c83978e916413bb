/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the bytes the registry signature covers.
 */
import { formatError } from './errors.js'

/** Bounds applied while canonicalising, so hostile input cannot exhaust the stack or memory. */
export interface CanonicalLimits {
  /** Maximum nesting depth of arrays and objects. */
  readonly maxDepth: number
  /** Maximum number of values (of any kind) in the whole tree. */
  readonly maxNodes: number
}

const DEFAULT_LIMITS: CanonicalLimits = { maxDepth: 32, maxNodes: 1_000_000 }

/**
 * Serialises a JSON value in RFC 8785 canonical form: object members sorted by the UTF-16 code
 * units of their names, no whitespace, ECMAScript number formatting, minimal string escapes.
 *
 * @param value - plain JSON data (objects, arrays, strings, finite numbers, booleans, null)
 * @param limits - depth and size bounds; defaults to depth 32 and one million values
 * @returns the canonical text (encode it as UTF-8 to get the signed bytes)
 * @throws RegistryError `registry.format` on values JSON cannot carry (non-finite numbers,
 *   lone surrogates, `undefined`, functions, class instances) or when a bound is exceeded
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, 1e21] }) // '{"a":[true,1e+21],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown, limits: CanonicalLimits = DEFAULT_LIMITS): string {
  const state = { nodes: 0 }
  const parts: string[] = []
  write(value, '$', 0, limits, state, parts)
  return parts.join('')
}

function write(
  value: unknown,
  path: string,
  depth: number,
  limits: CanonicalLimits,
  state: { nodes: number },
  out: string[],
): void {
  state.nodes++
  if (state.nodes > limits.maxNodes) {
    throw formatError(path, 'JSON 值的数量超出上限', 'too many JSON values')
  }
  if (value === null) {
    out.push('null')
  } else if (typeof value === 'boolean') {
    out.push(value ? 'true' : 'false')
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw formatError(path, '数字必须是有限值', 'number must be finite')
    }
    // ECMAScript Number::toString is the number format RFC 8785 prescribes (-0 becomes 0).
    out.push(JSON.stringify(value))
  } else if (typeof value === 'string') {
    out.push(quote(value, path))
  } else if (typeof value === 'object') {
    if (depth >= limits.maxDepth) {
      throw formatError(path, 'JSON 嵌套过深', 'JSON nested too deeply')
    }
    if (Array.isArray(value)) {
      out.push('[')
      for (let i = 0; i < value.length; i++) {
        if (i > 0) out.push(',')
        write(value[i], `${path}[${i}]`, depth + 1, limits, state, out)
      }
      out.push(']')
    } else {
      const proto: unknown = Object.getPrototypeOf(value)
      if (proto !== Object.prototype && proto !== null) {
        throw formatError(path, '不是普通 JSON 对象', 'not a plain JSON object')
      }
      const record = value as Record<string, unknown>
      // Default sort compares UTF-16 code units, which is the order RFC 8785 requires.
      const keys = Object.keys(record).sort()
      out.push('{')
      keys.forEach((key, i) => {
        if (i > 0) out.push(',')
        out.push(quote(key, path), ':')
        write(record[key], `${path}.${key}`, depth + 1, limits, state, out)
      })
      out.push('}')
    }
  } else {
    throw formatError(path, `不是 JSON 值（${typeof value}）`, `not a JSON value (${typeof value})`)
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function quote(text: string, path: string): string {
  if (LONE_SURROGATE.test(text)) {
    throw formatError(path, '字符串含有孤立的代理项', 'string contains a lone surrogate')
  }
  // For well-formed strings JSON.stringify applies exactly the RFC 8785 escaping rules.
  return JSON.stringify(text)
}

/**
 * A small, strict, bounded XML 1.0 parser: UTF-8 only, no DOCTYPE (hence no entity
 * expansion and no external entities), namespaces resolved, iterative (no recursion).
 */
import { DEFAULT_XML_LIMITS, resolveXmlLimits } from './limits.js'
import type { XmlLimits } from './limits.js'
import { declareNamespaces, lookupPrefix, prefixColon, ROOT_SCOPE } from './namespaces.js'
import type { NamespaceScope } from './namespaces.js'
import { Scanner } from './scanner.js'
import { XmlFormatError, XmlLimitError } from './errors.js'
import type { XmlAttribute, XmlDocument, XmlElement, XmlNode } from './types.js'

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

interface Frame {
  readonly element: XmlElement
  readonly children: XmlNode[]
  readonly scope: NamespaceScope
}

/**
 * Parses an XML document from UTF-8 bytes (a BOM is allowed) or from a string.
 * @throws XmlFormatError `format.xml.*` (a FormatError) with line and column
 * @throws XmlLimitError `limit.xml.*` (a LimitError) when a bound is exceeded
 * @example
 * const { root } = parseXml(bytes); root.localName // 'OFD'
 */
export function parseXml(input: Uint8Array | string, limits?: Partial<XmlLimits>): XmlDocument {
  const lim = limits === undefined ? DEFAULT_XML_LIMITS : resolveXmlLimits(limits)
  const size = typeof input === 'string' ? input.length : input.length
  if (size > lim.maxBytes) {
    throw new XmlLimitError('size', `document larger than ${lim.maxBytes} bytes / 文档过大`, 1, 1)
  }
  const text = decode(input)
  const s = new Scanner(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text)
  s.checkCharacters(typeof input !== 'string')
  return new Parser(s, lim).document()
}

function decode(input: Uint8Array | string): string {
  if (typeof input === 'string') return input.startsWith('\uFEFF') ? input.slice(1) : input
  if ((input[0] === 0xfe && input[1] === 0xff) || (input[0] === 0xff && input[1] === 0xfe)) {
    throw new XmlFormatError('encoding', 'UTF-16 is not accepted / 不接受 UTF-16 编码', 1, 1)
  }
  try {
    return UTF8.decode(input)
  } catch {
    throw new XmlFormatError('encoding', 'document is not valid UTF-8 / 文档不是有效的 UTF-8', 1, 1)
  }
}

class Parser {
  private nodes = 0
  /** Offset of the next "]]>" in the text (-1: none left; -2: not searched yet). */
  private nextCdataEnd = -2
  /** Offset of the next "&" in the text (-1: none left; -2: not searched yet). */
  private nextAmp = -2
  /** Whether the tag {@link startTag} last read was an empty-element tag. */
  private closed = false

  constructor(
    private readonly s: Scanner,
    private readonly lim: XmlLimits,
  ) {}

  document(): XmlDocument {
    const s = this.s
    if (s.startsWith('<?xml') && /[ \t\n]/.test(s.src[5] ?? '')) this.declaration()
    this.misc()
    if (!s.startsWith('<')) throw s.fail('syntax', 'expected the root element / 应为根元素')
    const root = this.content()
    this.misc()
    if (!s.atEnd()) throw s.fail('syntax', 'content after the root element / 根元素之后有多余内容')
    return { root }
  }

  private declaration(): void {
    const s = this.s
    s.pos = 5
    const attrs = new Map<string, string>()
    while (s.skipSpace() && !s.startsWith('?>')) {
      const name = s.name()
      s.skipSpace()
      s.expect('=', '"="')
      s.skipSpace()
      if (attrs.has(name)) throw s.fail('declaration', 'repeated declaration field / 声明字段重复')
      attrs.set(name, s.quoted())
    }
    s.expect('?>', '"?>"')
    const order = [...attrs.keys()].join(',')
    if (!/^version(,encoding)?(,standalone)?$/.test(order) || attrs.get('version') !== '1.0') {
      throw s.fail('declaration', 'bad XML declaration / XML 声明错误')
    }
    const encoding = attrs.get('encoding')
    if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) {
      throw s.fail('encoding', `encoding "${encoding}" not accepted, only UTF-8 / 只接受 UTF-8`)
    }
    const standalone = attrs.get('standalone')
    if (standalone !== undefined && standalone !== 'yes' && standalone !== 'no') {
      throw s.fail('declaration', 'bad standalone value / standalone 取值错误')
    }
  }

  /** Comments, processing instructions and white space outside the root element. */
  private misc(): void {
    const s = this.s
    for (;;) {
      s.skipSpace()
      if (s.startsWith('<!--')) this.comment()
      else if (s.startsWith('<?')) this.instruction()
      else if (s.startsWith('<!')) this.markupDeclaration()
      else return
    }
  }

  private markupDeclaration(): never {
    const s = this.s
    if (s.startsWith('<!DOCTYPE')) {
      throw s.fail('doctype', 'DOCTYPE is not allowed / 不允许 DOCTYPE 声明')
    }
    throw s.fail('syntax', 'unexpected markup declaration / 意外的标记声明')
  }

  private comment(): void {
    const s = this.s
    s.pos += 4
    const text = s.until('-->', 'comment')
    if (text.includes('--') || text.endsWith('-')) {
      throw s.fail('comment', '"--" inside a comment / 注释中含有“--”')
    }
    this.count()
  }

  private instruction(): void {
    const s = this.s
    s.pos += 2
    const target = s.name()
    if (target.toLowerCase() === 'xml') {
      throw s.fail('declaration', 'misplaced XML declaration / XML 声明位置错误')
    }
    if (!s.startsWith('?>') && !s.skipSpace()) {
      throw s.fail('syntax', 'malformed processing instruction / 处理指令格式错误')
    }
    s.until('?>', 'processing instruction')
    this.count()
  }

  private count(): void {
    if (++this.nodes > this.lim.maxNodes) {
      throw this.s.limit('nodes', `more than ${this.lim.maxNodes} nodes / 节点过多`)
    }
  }

  /** Parses the root element and everything in it, without recursion. */
  private content(): XmlElement {
    const s = this.s
    const src = s.src
    const stack: Frame[] = []
    const first = this.startTag(ROOT_SCOPE, 1)
    if (this.closed) return first.element
    stack.push(first)
    for (;;) {
      const top = stack[stack.length - 1]!
      if (s.atEnd())
        throw s.fail('unterminated', `element <${top.element.name}> not closed / 元素未闭合`)
      if (src.charCodeAt(s.pos) !== 0x3c) {
        this.text(top, this.charData(), false)
        continue
      }
      const next = src.charCodeAt(s.pos + 1)
      if (next === 0x2f) {
        s.pos += 2
        this.endTag(top.element.name)
        stack.pop()
        if (stack.length === 0) return top.element
      } else if (next === 0x21) {
        if (s.startsWith('<!--')) this.comment()
        else if (s.startsWith('<![CDATA[')) {
          s.pos += 9
          this.text(top, s.until(']]>', 'CDATA section'), true)
        } else this.markupDeclaration()
      } else if (next === 0x3f) this.instruction()
      else {
        const frame = this.startTag(top.scope, stack.length + 1)
        top.children.push(frame.element)
        if (!this.closed) stack.push(frame)
      }
    }
  }

  /** Reads an end tag after its "</", which must close the element named `open`. */
  private endTag(open: string): void {
    const s = this.s
    const src = s.src
    const after = s.pos + open.length
    // The open element's name followed by ">" or white space is that name (a name ends there).
    const c = src.charCodeAt(after)
    let name = open
    if (
      src.startsWith(open, s.pos) &&
      (c === 0x3e || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d)
    ) {
      s.pos = after
    } else name = s.name()
    s.skipSpace()
    s.expect('>', '">"')
    if (name !== open) {
      throw s.fail('mismatch', `</${name}> does not close <${open}> / 结束标签不匹配`)
    }
  }

  private charData(): string {
    const s = this.s
    const src = s.src
    const rawStart = s.pos
    const lt = src.indexOf('<', rawStart)
    const stop = lt < 0 ? src.length : lt
    // The next "]]>" at or after rawStart, searched again only once the cursor passes it (the
    // cursor only moves forward, so the document is searched once in all).
    if (this.nextCdataEnd !== -1 && this.nextCdataEnd < rawStart) {
      this.nextCdataEnd = src.indexOf(']]>', rawStart)
    }
    const bad = this.nextCdataEnd
    if (bad >= 0 && bad + 3 <= stop) {
      s.pos = bad
      throw s.fail('syntax', '"]]>" in text / 文本中含有“]]>”')
    }
    // The next "&", searched again only once the cursor passes it, as for "]]>".
    if (this.nextAmp !== -1 && this.nextAmp < rawStart) this.nextAmp = src.indexOf('&', rawStart)
    if (this.nextAmp < 0 || this.nextAmp >= stop) {
      s.pos = stop
      return src.slice(rawStart, stop)
    }
    let out = ''
    let start = rawStart
    for (let amp = this.nextAmp; amp >= 0 && amp < stop;) {
      s.pos = amp
      out += src.slice(start, amp) + s.reference()
      start = s.pos
      amp = src.indexOf('&', start)
      this.nextAmp = amp
    }
    s.pos = stop
    return out + src.slice(start, stop)
  }

  private text(frame: Frame, value: string, cdata: boolean): void {
    this.count()
    frame.children.push({ kind: 'text', value, cdata })
  }

  /** Reads a start or empty-element tag; sets {@link closed}. */
  private startTag(parent: NamespaceScope, depth: number): Frame {
    const s = this.s
    const src = s.src
    const line = s.line()
    const column = s.column(line)
    if (depth > this.lim.maxDepth) {
      throw s.limit('depth', `elements nested deeper than ${this.lim.maxDepth} / 元素嵌套过深`)
    }
    this.count()
    s.pos += 1
    const name = s.name()
    // Attribute names and values, alternating.
    const raw: string[] = []
    for (;;) {
      const spaced = s.skipSpace()
      const c = src.charCodeAt(s.pos)
      if (c === 0x3e || (c === 0x2f && src.charCodeAt(s.pos + 1) === 0x3e)) break
      if (!spaced) throw s.fail('syntax', 'expected white space / 应为空白')
      const attrName = s.name()
      s.skipSpace()
      s.expect('=', '"="')
      s.skipSpace()
      for (let i = 0; i < raw.length; i += 2) {
        if (raw[i] === attrName) {
          throw s.fail('attribute', `repeated attribute "${attrName}" / 属性重复`)
        }
      }
      if (raw.length / 2 >= this.lim.maxAttributes) {
        throw s.limit('attributes', `more than ${this.lim.maxAttributes} attributes / 属性过多`)
      }
      this.count()
      raw.push(attrName, s.quoted())
    }
    const closed = src.charCodeAt(s.pos) === 0x2f
    this.closed = closed
    s.pos += closed ? 2 : 1
    const scope = raw.length === 0 ? parent : declareNamespaces(s, parent, raw)
    const colon = prefixColon(s, name)
    const prefix = colon < 0 ? null : name.slice(0, colon)
    const localName = colon < 0 ? name : name.slice(colon + 1)
    if (prefix === 'xmlns')
      throw s.fail('namespace', 'element named xmlns:* / 元素名不能用 xmlns 前缀')
    const namespace = prefix === null ? (scope.get('') ?? null) : lookupPrefix(s, scope, prefix)
    const attributes = raw.length === 0 ? [] : this.attributes(raw, scope)
    const children: XmlNode[] = []
    const element: XmlElement = {
      kind: 'element',
      name,
      prefix,
      localName,
      namespace,
      attributes,
      children,
      line,
      column,
    }
    return { element, children, scope }
  }

  /** The attributes among `raw` (names and values alternating) other than declarations. */
  private attributes(raw: readonly string[], scope: NamespaceScope): XmlAttribute[] {
    const s = this.s
    const out: XmlAttribute[] = []
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i]!
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue
      const colon = prefixColon(s, name)
      const prefix = colon < 0 ? null : name.slice(0, colon)
      const localName = colon < 0 ? name : name.slice(colon + 1)
      const namespace = prefix === null ? null : lookupPrefix(s, scope, prefix)
      // The same expanded name twice (raw names are distinct; at most maxAttributes each).
      const ns = namespace ?? ''
      for (const a of out) {
        if (a.localName === localName && (a.namespace ?? '') === ns) {
          throw s.fail('attribute', `repeated attribute "${name}" / 属性重复`)
        }
      }
      out.push({ name, prefix, localName, namespace, value: raw[i + 1]! })
    }
    return out
  }
}

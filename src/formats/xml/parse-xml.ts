/**
 * A small, strict, bounded XML 1.0 parser: UTF-8 only, no DOCTYPE (hence no entity
 * expansion and no external entities), namespaces resolved, iterative (no recursion).
 */
import { resolveXmlLimits } from './limits.js'
import type { XmlLimits } from './limits.js'
import { declareNamespaces, lookupPrefix, ROOT_SCOPE, splitName } from './namespaces.js'
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
  const lim = resolveXmlLimits(limits)
  const size = typeof input === 'string' ? input.length : input.length
  if (size > lim.maxBytes) {
    throw new XmlLimitError('size', `document larger than ${lim.maxBytes} bytes / 文档过大`, 1, 1)
  }
  const s = new Scanner(decode(input).replace(/\r\n?/g, '\n'))
  s.checkCharacters()
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
    const stack: Frame[] = []
    const first = this.startTag(ROOT_SCOPE, 1)
    if (first.closed) return first.frame.element
    stack.push(first.frame)
    for (;;) {
      const top = stack[stack.length - 1]!
      if (s.atEnd())
        throw s.fail('unterminated', `element <${top.element.name}> not closed / 元素未闭合`)
      if (s.startsWith('</')) {
        s.pos += 2
        const name = s.name()
        s.skipSpace()
        s.expect('>', '">"')
        if (name !== top.element.name) {
          throw s.fail(
            'mismatch',
            `</${name}> does not close <${top.element.name}> / 结束标签不匹配`,
          )
        }
        stack.pop()
        if (stack.length === 0) return top.element
      } else if (s.startsWith('<!--')) this.comment()
      else if (s.startsWith('<![CDATA[')) {
        s.pos += 9
        this.text(top, s.until(']]>', 'CDATA section'), true)
      } else if (s.startsWith('<?')) this.instruction()
      else if (s.startsWith('<!')) this.markupDeclaration()
      else if (s.startsWith('<')) {
        const next = this.startTag(top.scope, stack.length + 1)
        top.children.push(next.frame.element)
        if (!next.closed) stack.push(next.frame)
      } else this.text(top, this.charData(), false)
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
    let out = ''
    let start = rawStart
    for (let amp = src.indexOf('&', start); amp >= 0 && amp < stop;) {
      s.pos = amp
      out += src.slice(start, amp) + s.reference()
      start = s.pos
      amp = src.indexOf('&', start)
    }
    s.pos = stop
    return out + src.slice(start, stop)
  }

  private text(frame: Frame, value: string, cdata: boolean): void {
    this.count()
    frame.children.push({ kind: 'text', value, cdata })
  }

  private startTag(parent: NamespaceScope, depth: number): { frame: Frame; closed: boolean } {
    const s = this.s
    const [line, column] = s.position()
    if (depth > this.lim.maxDepth) {
      throw s.limit('depth', `elements nested deeper than ${this.lim.maxDepth} / 元素嵌套过深`)
    }
    this.count()
    s.pos += 1
    const name = s.name()
    const raw: [string, string][] = []
    for (;;) {
      const spaced = s.skipSpace()
      if (s.startsWith('/>') || s.startsWith('>')) break
      if (!spaced) throw s.fail('syntax', 'expected white space / 应为空白')
      const attrName = s.name()
      s.skipSpace()
      s.expect('=', '"="')
      s.skipSpace()
      if (raw.some(([n]) => n === attrName)) {
        throw s.fail('attribute', `repeated attribute "${attrName}" / 属性重复`)
      }
      if (raw.length >= this.lim.maxAttributes) {
        throw s.limit('attributes', `more than ${this.lim.maxAttributes} attributes / 属性过多`)
      }
      this.count()
      raw.push([attrName, s.quoted()])
    }
    const closed = s.startsWith('/>')
    s.pos += closed ? 2 : 1
    const scope = declareNamespaces(s, parent, raw)
    const [prefix, localName] = splitName(s, name)
    if (prefix === 'xmlns')
      throw s.fail('namespace', 'element named xmlns:* / 元素名不能用 xmlns 前缀')
    const namespace = prefix === null ? (scope.get('') ?? null) : lookupPrefix(s, scope, prefix)
    const attributes = this.attributes(raw, scope)
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
    return { frame: { element, children, scope }, closed }
  }

  private attributes(raw: readonly [string, string][], scope: NamespaceScope): XmlAttribute[] {
    const s = this.s
    const out: XmlAttribute[] = []
    const expanded = new Set<string>()
    for (const [name, value] of raw) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue
      const [prefix, localName] = splitName(s, name)
      const namespace = prefix === null ? null : lookupPrefix(s, scope, prefix)
      const key = `${namespace ?? ''}\u0000${localName}`
      if (expanded.has(key)) throw s.fail('attribute', `repeated attribute "${name}" / 属性重复`)
      expanded.add(key)
      out.push({ name, prefix, localName, namespace, value })
    }
    return out
  }
}

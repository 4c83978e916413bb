/**
 * The dictionary of an inline image (ISO 32000-1 §8.9.7, tables 92–94): the entries between
 * `BI` and `ID`, with the abbreviated keys, filter names and colour space names expanded to
 * the full names an image XObject uses, and a colour space named by the content's resources
 * resolved through them, so that the image decodes as an image XObject would.
 */
import { isWhite } from '../chars.js'
import { pdfFormat } from '../errors.js'
import { FILTER_ALIASES } from '../filters.js'
import { PdfLexer } from '../lexer.js'
import type { PdfFile, PdfObject } from '../types.js'

type Dict = ReadonlyMap<string, PdfObject>

const KEYS: Readonly<Record<string, string>> = {
  BPC: 'BitsPerComponent',
  CS: 'ColorSpace',
  D: 'Decode',
  DP: 'DecodeParms',
  F: 'Filter',
  H: 'Height',
  IM: 'ImageMask',
  I: 'Interpolate',
  W: 'Width',
}

const SPACES: Readonly<Record<string, string>> = {
  G: 'DeviceGray',
  RGB: 'DeviceRGB',
  CMYK: 'DeviceCMYK',
  I: 'Indexed',
}

/** Colour space names that are never looked up in the resources. */
const BUILT_IN = new Set(['DeviceGray', 'DeviceRGB', 'DeviceCMYK', 'Pattern'])

/** Most entries an inline image dictionary may hold; more is not an image dictionary. */
const MAX_ENTRIES = 32
/** Deepest nesting of its values (a /DecodeParms dictionary, an /Indexed array). */
const MAX_DEPTH = 8

/** A read inline image dictionary and where its data starts. */
export interface InlineDict {
  /** Full key names, filters and colour space expanded or resolved. */
  readonly dict: Dict
  /** Index of the first data byte: past `ID` and the one whitespace byte after it. */
  readonly dataStart: number
}

const malformed = (what: string, zh: string) =>
  pdfFormat('inline-image', `malformed inline image: ${what}`, `内嵌图片格式错误：${zh}`)

/**
 * Reads the dictionary of the inline image whose `BI` ends at `at`. Throws a FormatError
 * (`format.pdf.inline-image` or `format.pdf.syntax`) when the entries up to `ID` are not a
 * well-formed, bounded image dictionary.
 */
export function readInlineDict(
  data: Uint8Array,
  at: number,
  pdf: PdfFile,
  resources: Dict | undefined,
  rev: number,
): InlineDict {
  const lex = new PdfLexer(data, -1, MAX_DEPTH, at)
  const raw = new Map<string, PdfObject>()
  for (;;) {
    lex.skipWs()
    if (lex.keyword('ID')) break
    if (raw.size >= MAX_ENTRIES) throw malformed('too many entries', '条目过多')
    if (data[lex.pos] !== 0x2f) throw malformed('a key is not a name', '键不是名称')
    const key = lex.parseObject()
    if (key.kind !== 'name') throw malformed('a key is not a name', '键不是名称')
    raw.set(KEYS[key.value] ?? key.value, lex.parseObject(1))
  }
  const dataStart = isWhite(data[lex.pos]) ? lex.pos + 1 : lex.pos
  const dict = new Map(raw)
  const filter = raw.get('Filter')
  if (filter !== undefined) dict.set('Filter', expandFilters(filter))
  const cs = raw.get('ColorSpace')
  if (cs !== undefined) dict.set('ColorSpace', colourSpace(cs, pdf, resources, rev))
  return { dict, dataStart }
}

function expandFilters(obj: PdfObject): PdfObject {
  const one = (o: PdfObject): PdfObject =>
    o.kind === 'name' ? { kind: 'name', value: FILTER_ALIASES[o.value] ?? o.value } : o
  return obj.kind === 'array' ? { kind: 'array', items: obj.items.map(one) } : one(obj)
}

/**
 * The colour space of an inline image with abbreviations expanded; a name that is not a
 * device space is the name of an entry of the resources' /ColorSpace (throws when missing).
 */
function colourSpace(
  obj: PdfObject,
  pdf: PdfFile,
  resources: Dict | undefined,
  rev: number,
): PdfObject {
  const named = (name: string): PdfObject => {
    const full = SPACES[name] ?? name
    if (BUILT_IN.has(full) || full === 'Indexed') return { kind: 'name', value: full }
    const spaces = pdf.deref(resources?.get('ColorSpace'), rev)
    const found = spaces?.kind === 'dict' ? pdf.deref(spaces.entries.get(name), rev) : undefined
    if (found === undefined) {
      throw malformed(`colour space ${name} is not in the resources`, `资源中没有颜色空间 ${name}`)
    }
    return found
  }
  if (obj.kind === 'name') return named(obj.value)
  if (obj.kind !== 'array' || obj.items.length === 0) return obj
  const [family, base, ...rest] = obj.items
  if (family?.kind !== 'name') return obj
  const value = SPACES[family.value] ?? family.value
  if (value !== 'Indexed' || base === undefined) {
    return { kind: 'array', items: [{ kind: 'name', value }, ...obj.items.slice(1)] }
  }
  const b = base.kind === 'name' ? named(base.value) : base
  return { kind: 'array', items: [{ kind: 'name', value }, b, ...rest] }
}

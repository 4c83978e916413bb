/**
 * The opened OFD package: file lookup by OFD path, a read cache, and XML in the OFD
 * namespace (elements without a namespace are accepted as OFD elements too).
 */
import { childElements, directText, parseXml } from '../xml/index.js'
import type { XmlElement, XmlLimits } from '../xml/index.js'
import type { ZipArchive } from '../zip/index.js'
import { ofdFormat } from './errors.js'
import { candidatePaths } from './paths.js'

/** The OFD namespace. */
export const OFD_NAMESPACE = 'http://www.ofdspec.org/2016'
const OFD_NAMESPACES = [OFD_NAMESPACE, null] as const

/** Child elements named `localName` in the OFD namespace (or none). */
export function ofdChildren(el: XmlElement, localName: string): XmlElement[] {
  return childElements(el, localName, OFD_NAMESPACES)
}

/**
 * The single child element named `localName`, or null. Two or more are refused, so that no
 * reader can pick a different one than ours.
 */
export function ofdChild(el: XmlElement, localName: string): XmlElement | null {
  const found = ofdChildren(el, localName)
  if (found.length > 1) {
    throw ofdFormat(
      'duplicate-element',
      `<${el.localName}> has more than one <${localName}> (line ${found[1]!.line})`,
      `<${el.localName}> 含有多个 <${localName}>（第 ${found[1]!.line} 行）`,
    )
  }
  return found[0] ?? null
}

/** The trimmed text of the single child named `localName`, or null when absent or empty. */
export function ofdChildText(el: XmlElement, localName: string): string | null {
  const child = ofdChild(el, localName)
  const text = child ? directText(child).trim() : ''
  return text === '' ? null : text
}

/** Files of a package, read once each. */
export class OfdPackage {
  private readonly cache = new Map<string, Uint8Array>()

  constructor(
    readonly zip: ZipArchive,
    private readonly xmlLimits: Partial<XmlLimits>,
  ) {}

  /** The package path `loc` denotes from `baseFolder`, or null when no such file exists. */
  locate(loc: string, baseFolder: string): string | null {
    return candidatePaths(loc, baseFolder).find((p) => this.zip.has(p)) ?? null
  }

  /** The package path `loc` denotes from `baseFolder` by GB/T 33190, present or not. */
  resolve(loc: string, baseFolder: string): string {
    return candidatePaths(loc, baseFolder)[0]!
  }

  /** The raw bytes of a package file (which must exist). */
  read(path: string): Uint8Array {
    let bytes = this.cache.get(path)
    if (!bytes) {
      bytes = this.zip.read(path)
      this.cache.set(path, bytes)
    }
    return bytes
  }

  /** Parses a package file as XML and checks its root element's local name. */
  xml(path: string, rootName: string): XmlElement {
    const root = parseXml(this.read(path), this.xmlLimits).root
    const inOfd = root.namespace === OFD_NAMESPACE || root.namespace === null
    if (root.localName !== rootName || !inOfd) {
      throw ofdFormat(
        'root-element',
        `${path}: root element is <${root.name}>, expected ${rootName}`,
        `${path}：根元素为 <${root.name}>，应为 ${rootName}`,
      )
    }
    return root
  }

  /** Like {@link locate}, but a missing file is a format error naming `what`. */
  require(loc: string, baseFolder: string, what: string): string {
    const path = this.locate(loc, baseFolder)
    if (path === null) {
      throw ofdFormat(
        'missing-file',
        `${what} "${loc}" not in the package`,
        `文件包中缺少${what}“${loc}”`,
      )
    }
    return path
  }
}

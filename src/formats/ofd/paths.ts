/**
 * OFD path resolution (GB/T 33190 §7.5): a path starting with `/` is taken from the package
 * root, any other path from the folder of the file that contains it. Paths are normalised,
 * and one that climbs above the root, or holds a backslash, colon or control character, is
 * refused.
 */
import { ofdFormat } from './errors.js'

/** The folder of a package path ('' for a file at the root). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? '' : path.slice(0, slash)
}

/**
 * Resolves `loc` against `baseFolder` (a package folder, '' for the root) into a normalised
 * package path without a leading slash.
 * @throws FormatError `format.ofd.path` (malformed) or `format.ofd.path-escape` (above root)
 */
export function resolveOfdPath(loc: string, baseFolder: string): string {
  const text = loc.trim()
  if (text === '' || text.length > 1024 || /[\\:\u0000-\u001f\u007f]/.test(text)) {
    throw ofdFormat('path', `malformed path "${loc}"`, `路径格式错误：“${loc}”`)
  }
  const absolute = text.startsWith('/')
  const parts = absolute || baseFolder === '' ? [] : baseFolder.split('/')
  for (const segment of text.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') {
      if (parts.length === 0) {
        throw ofdFormat('path-escape', `path "${loc}" leaves the package`, `路径“${loc}”越出文件包`)
      }
      parts.pop()
    } else parts.push(segment)
  }
  if (parts.length === 0) {
    throw ofdFormat('path', `path "${loc}" names no file`, `路径“${loc}”未指向文件`)
  }
  return parts.join('/')
}

/**
 * The paths `loc` may denote, in order of preference: as GB/T 33190 says, then (for a
 * relative path) from the package root, which some producers write.
 */
export function candidatePaths(loc: string, baseFolder: string): string[] {
  const first = resolveOfdPath(loc, baseFolder)
  if (loc.trim().startsWith('/') || baseFolder === '') return [first]
  let fromRoot: string
  try {
    fromRoot = resolveOfdPath(loc, '')
  } catch {
    return [first]
  }
  return fromRoot === first ? [first] : [first, fromRoot]
}

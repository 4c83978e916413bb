/**
 * Entry-name decoding and safety rules: no absolute paths, no `..`, no backslashes, no drive
 * letters, no NUL or control characters, bounded length and depth.
 */
import { zipFormat, zipLimit } from './errors.js'
import type { ZipLimits } from './limits.js'

const UTF8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Decodes an entry name. Names are UTF-8 when flagged (bit 11) and otherwise accepted only
 * when they are ASCII or valid UTF-8; other legacy code pages are refused rather than guessed.
 */
export function decodeEntryName(raw: Uint8Array, limits: ZipLimits): string {
  if (raw.length === 0) throw zipFormat('name-empty', 'empty entry name', '条目名称为空')
  if (raw.length > limits.maxNameLength) {
    throw zipLimit(
      'name-length',
      `entry name longer than ${limits.maxNameLength} bytes`,
      `条目名称超过 ${limits.maxNameLength} 字节`,
    )
  }
  try {
    return UTF8.decode(raw)
  } catch {
    throw zipFormat('name-encoding', 'entry name is not UTF-8', '条目名称不是 UTF-8 编码')
  }
}

/** Throws unless `name` is a safe relative path (folders end with `/`). */
export function checkEntryName(name: string, limits: ZipLimits): void {
  const bad = (why: string, zh: string): never => {
    throw zipFormat('unsafe-name', `unsafe entry name "${name}": ${why}`, `条目名称不安全：${zh}`)
  }
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i)
    if (c === 0) bad('NUL character', '含 NUL 字符')
    if (c < 0x20 || c === 0x7f) bad('control character', '含控制字符')
    if (c === 0x5c) bad('backslash', '含反斜杠')
  }
  if (name.startsWith('/')) bad('absolute path', '绝对路径')
  if (/^[A-Za-z]:/.test(name)) bad('drive letter', '含盘符')
  const segments = name.endsWith('/') ? name.slice(0, -1).split('/') : name.split('/')
  if (segments.length > limits.maxNameDepth) {
    throw zipLimit(
      'name-depth',
      `entry name deeper than ${limits.maxNameDepth}`,
      '条目路径层级过深',
    )
  }
  for (const s of segments) {
    if (s === '') bad('empty path segment', '路径段为空')
    if (s === '.' || s === '..') bad('dot segment', '含 . 或 .. 路径段')
  }
}

/**
 * The key under which two names count as the same file on a case-insensitive, normalising
 * file system: NFKC, full case folding approximated by upper- then lower-casing, and no
 * trailing slash.
 */
export function foldEntryName(name: string): string {
  const bare = name.endsWith('/') ? name.slice(0, -1) : name
  return bare.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC')
}

/**
 * Small hand-written validators for the registry schema. Each throws `registry.format` with the
 * JSON path of the offending member.
 */
import { formatError } from './errors.js'

/** Returns `value` as a plain object whose members are all among `allowed` and `required`. */
export function expectObject(
  value: unknown,
  path: string,
  required: readonly string[],
  optional: readonly string[] = [],
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw formatError(path, '应为 JSON 对象', 'expected a JSON object')
  }
  const record = value as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (!required.includes(key) && !optional.includes(key)) {
      throw formatError(`${path}.${key}`, '未知的成员', 'unknown member')
    }
  }
  for (const key of required) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) {
      throw formatError(`${path}.${key}`, '缺少必需的成员', 'required member missing')
    }
  }
  return record
}

/** Returns `value` as an array of `min` to `max` elements. */
export function expectArray(
  value: unknown,
  path: string,
  min: number,
  max: number,
): readonly unknown[] {
  if (!Array.isArray(value)) throw formatError(path, '应为 JSON 数组', 'expected a JSON array')
  if (value.length < min || value.length > max) {
    throw formatError(
      path,
      `数组长度应在 ${min} 到 ${max} 之间`,
      `array length must be between ${min} and ${max}`,
    )
  }
  return value
}

/** Returns `value` as a non-empty string of at most `max` characters matching `pattern`. */
export function expectString(value: unknown, path: string, max: number, pattern?: RegExp): string {
  if (typeof value !== 'string') throw formatError(path, '应为字符串', 'expected a string')
  if (value.length === 0 || value.length > max) {
    throw formatError(path, `字符串长度应在 1 到 ${max} 之间`, `string length must be 1 to ${max}`)
  }
  if (pattern !== undefined && !pattern.test(value)) {
    throw formatError(path, '字符串格式不正确', `string does not match ${String(pattern)}`)
  }
  return value
}

/** Returns `value` as an integer between `min` and `max` inclusive. */
export function expectInteger(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw formatError(
      path,
      `应为 ${min} 到 ${max} 之间的整数`,
      `expected an integer between ${min} and ${max}`,
    )
  }
  return value
}

/** Returns `value` as a `{ zh, en }` name. */
export function expectLocalisedName(value: unknown, path: string): { zh: string; en: string } {
  const record = expectObject(value, path, ['zh', 'en'])
  return {
    zh: expectString(record['zh'], `${path}.zh`, 256),
    en: expectString(record['en'], `${path}.en`, 256),
  }
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?Z$/

/**
 * Parses a UTC time written `YYYY-MM-DDTHH:MM:SS[.sss]Z` and returns milliseconds since the
 * epoch. Calendar dates that do not exist (such as 30 February) are refused.
 */
export function expectTime(value: unknown, path: string): number {
  const text = expectString(value, path, 32)
  const match = ISO_TIME.exec(text)
  const ms = Date.parse(text)
  if (match === null || Number.isNaN(ms)) {
    throw formatError(
      path,
      '时间应为 UTC 格式 YYYY-MM-DDTHH:MM:SSZ',
      'time must be UTC, written YYYY-MM-DDTHH:MM:SSZ',
    )
  }
  const d = new Date(ms)
  const same =
    d.getUTCFullYear() === Number(match[1]) &&
    d.getUTCMonth() + 1 === Number(match[2]) &&
    d.getUTCDate() === Number(match[3]) &&
    d.getUTCHours() === Number(match[4]) &&
    d.getUTCMinutes() === Number(match[5]) &&
    d.getUTCSeconds() === Number(match[6])
  if (!same) throw formatError(path, '日期或时间不存在', 'date or time does not exist')
  return ms
}

/**
 * A service's status history: validation, normalisation and lookup at a point in time.
 */
import { formatError } from './errors.js'
import { expectArray, expectObject, expectTime } from './schema-checks.js'
import type { HistoryPeriod, ServiceStatus } from './types.js'

const STATUSES: readonly ServiceStatus[] = ['granted', 'withdrawn']

/**
 * Validates a history array and returns its periods sorted by `from`. Each period needs
 * `from` < `to` (or `to` null, open-ended); periods must not overlap.
 *
 * @throws RegistryError `registry.format` on a malformed or overlapping period
 */
export function validateHistory(value: unknown, path: string): HistoryPeriod[] {
  const periods = expectArray(value, path, 1, 64).map((entry, i) => {
    const where = `${path}[${i}]`
    const record = expectObject(entry, where, ['status', 'from', 'to'])
    const status = record['status']
    if (!STATUSES.includes(status as ServiceStatus)) {
      throw formatError(
        `${where}.status`,
        '状态应为 granted 或 withdrawn',
        'status must be granted or withdrawn',
      )
    }
    const from = expectTime(record['from'], `${where}.from`)
    const to = record['to'] === null ? null : expectTime(record['to'], `${where}.to`)
    if (to !== null && to <= from) {
      throw formatError(`${where}.to`, '结束时间必须晚于开始时间', 'period ends before it starts')
    }
    const period: HistoryPeriod = {
      status: status as ServiceStatus,
      from: record['from'] as string,
      to: to === null ? null : (record['to'] as string),
    }
    return { period, from, to }
  })
  periods.sort((a, b) => a.from - b.from)
  for (let i = 1; i < periods.length; i++) {
    const previous = periods[i - 1]
    const current = periods[i]
    if (previous === undefined || current === undefined) continue
    if (previous.to === null || previous.to > current.from) {
      throw formatError(path, '状态期间相互重叠', 'status periods overlap')
    }
  }
  return periods.map((p) => p.period)
}

/**
 * Returns the period of `history` in force at `at` (`from` ≤ at < `to`), or `undefined` when no
 * period covers that time or `at` is not a valid date.
 */
export function periodAt(history: readonly HistoryPeriod[], at: Date): HistoryPeriod | undefined {
  const t = at.getTime()
  if (Number.isNaN(t)) return undefined
  const bounds = boundsOf(history)
  for (let i = 0; i < history.length; i++) {
    if (bounds[2 * i]! <= t && t < bounds[2 * i + 1]!) return history[i]
  }
  return undefined
}

/** `from` and `to` of each period in milliseconds (open end: +Infinity), of a frozen history. */
const parsedBounds = new WeakMap<readonly HistoryPeriod[], Float64Array>()

function boundsOf(history: readonly HistoryPeriod[]): Float64Array {
  const known = parsedBounds.get(history)
  if (known !== undefined) return known
  const bounds = new Float64Array(2 * history.length)
  history.forEach((p, i) => {
    bounds[2 * i] = Date.parse(p.from)
    bounds[2 * i + 1] = p.to === null ? Infinity : Date.parse(p.to)
  })
  // Only a frozen history (a loaded registry's) cannot change under its parsed bounds.
  if (Object.isFrozen(history) && history.every((p) => Object.isFrozen(p))) {
    parsedBounds.set(history, bounds)
  }
  return bounds
}

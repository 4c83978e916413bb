/**
 * Reading a trust service's dated status history for messages: when a service that is not
 * granted at some time stopped being granted.
 */
import { periodAt } from '../registry/history.js'
import type { ServiceEntry } from '../registry/index.js'

/**
 * The instant `service` was withdrawn, as its history says, for a time `at` at which it is not
 * granted: the start of the withdrawn period covering `at`, else (no period covers `at`) the
 * end of the last period that ended by then. Undefined while the service is granted at `at`,
 * and when `at` precedes its whole history (never granted yet, so never withdrawn).
 * @example
 * withdrawalOf(service, new Date('2026-12-03T00:00:00Z')) // '2026-06-01T00:00:00Z'
 */
export function withdrawalOf(service: ServiceEntry, at: Date): string | undefined {
  const current = periodAt(service.history, at)
  if (current) return current.status === 'withdrawn' ? current.from : undefined
  let ended: string | undefined
  for (const p of service.history) {
    if (p.to !== null && Date.parse(p.to) <= at.getTime()) ended = p.to
  }
  return ended
}

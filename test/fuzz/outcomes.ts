/**
 * Assertions on watchdog outcomes shared by the fuzz properties.
 */
import { expect } from 'vitest'
import type { Outcome } from './watchdog.js'

/** Fails unless the outcome is a verdict (or a YrdError `input.*`, such as a bad password). */
export function expectVerdict(outcome: Outcome): void {
  if (outcome.kind === 'verdict') return
  if (outcome.kind === 'threw' && outcome.yrd && outcome.code?.startsWith('input.')) return
  expect.fail(`verify() did not end in a verdict: ${JSON.stringify(outcome, null, 2)}`)
}

/** Fails unless a reader returned or threw a YrdError (within the bound). */
export function expectClean(reader: string, input: string, outcome: Outcome): void {
  if (outcome.kind === 'returned') return
  if (outcome.kind === 'threw' && outcome.yrd) return
  expect.fail(`${reader}(${input}) ended badly: ${JSON.stringify(outcome, null, 2)}`)
}

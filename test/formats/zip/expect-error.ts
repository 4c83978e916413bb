/**
 * Test helper: runs `fn`, requires a typed library error with `code`, and a quick return.
 */
import { expect } from 'vitest'
import { YrdError } from '../../../src/errors.js'

/** Asserts that `fn` throws a YrdError whose code is `code` (or starts with it + '.'). */
export function expectCode(fn: () => unknown, code: string, withinMs = 1000): YrdError {
  const start = performance.now()
  let caught: unknown
  try {
    fn()
  } catch (error) {
    caught = error
  }
  const elapsed = performance.now() - start
  expect(caught, 'expected a thrown error').toBeInstanceOf(YrdError)
  const error = caught as YrdError
  const matches = error.code === code || error.code.startsWith(code + '.')
  expect(matches, `code ${error.code} (${error.message}) is not ${code}`).toBe(true)
  expect(elapsed).toBeLessThan(withinMs)
  return error
}

import { describe, expect, it } from 'vitest'
import { aggregate } from '../../src/verdict/aggregate.js'
import type { Check } from '../../src/verdict/types.js'

const check = (over: Partial<Check>): Check => ({
  code: 'x.y',
  status: 'passed',
  message: 'm',
  ...over,
})

describe('aggregate', () => {
  it('passes when every check passed or warned', () => {
    const o = aggregate([check({}), check({ status: 'warning' })])
    expect(o).toEqual({ status: 'recognized', indication: 'TOTAL_PASSED', subIndication: null })
  })

  it('lets a proven failure win over unknown trust (ETSI precedence)', () => {
    const o = aggregate([
      check({ status: 'indeterminate', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' }),
      check({ status: 'failed', subIndication: 'HASH_FAILURE' }),
    ])
    expect(o).toEqual({
      status: 'rejected',
      indication: 'TOTAL_FAILED',
      subIndication: 'HASH_FAILURE',
    })
  })

  it('reports the headline failure by precedence, not by order', () => {
    const o = aggregate([
      check({ status: 'failed', subIndication: 'SIG_CRYPTO_FAILURE' }),
      check({ status: 'failed', subIndication: 'FORMAT_FAILURE' }),
    ])
    expect(o.subIndication).toBe('FORMAT_FAILURE')
  })

  it('treats a failed check with an indeterminate-class sub-indication as indeterminate', () => {
    const o = aggregate([check({ status: 'failed', subIndication: 'CHAIN_CONSTRAINTS_FAILURE' })])
    expect(o).toEqual({
      status: 'indeterminate',
      indication: 'INDETERMINATE',
      subIndication: 'CHAIN_CONSTRAINTS_FAILURE',
    })
  })

  it('never passes an unexplained failure', () => {
    const o = aggregate([check({ status: 'failed' })])
    expect(o.status).toBe('indeterminate')
    expect(o.indication).toBe('INDETERMINATE')
  })

  it('refuses on a policy rule while the indication stays TOTAL_PASSED', () => {
    const o = aggregate([check({}), check({ code: 'policy.licence-type', status: 'failed' })])
    expect(o).toEqual({ status: 'rejected', indication: 'TOTAL_PASSED', subIndication: null })
  })

  it('refuses on a policy rule even when trust is unknown', () => {
    const o = aggregate([
      check({ code: 'policy.expired', status: 'failed' }),
      check({ status: 'indeterminate', subIndication: 'TRY_LATER' }),
    ])
    expect(o).toEqual({
      status: 'rejected',
      indication: 'INDETERMINATE',
      subIndication: 'TRY_LATER',
    })
  })

  it('folds nested outcomes: one failed part fails the whole', () => {
    const o = aggregate(
      [check({})],
      [
        { status: 'recognized', indication: 'TOTAL_PASSED', subIndication: null },
        { status: 'rejected', indication: 'TOTAL_FAILED', subIndication: 'REVOKED' },
        { status: 'indeterminate', indication: 'INDETERMINATE', subIndication: 'TRY_LATER' },
      ],
    )
    expect(o).toEqual({ status: 'rejected', indication: 'TOTAL_FAILED', subIndication: 'REVOKED' })
  })
})

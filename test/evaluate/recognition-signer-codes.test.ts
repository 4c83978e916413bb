import { describe, expect, it } from 'vitest'
import { evaluateLicence } from '../../src/evaluate/licence.js'
import { recognise } from '../../src/evaluate/recognition.js'
import { defaultRegistry } from '../../src/registry/index.js'
import { PASSED } from '../../src/verdict/aggregate.js'
import type { SignatureResult } from '../../src/verdict/types.js'
import { businessLicence, licenceCustomData } from '../../fixtures/make/ofd-licence.js'
import { PROVINCES } from '../../fixtures/make/pki-names.js'
import { AT } from './licence-helpers.js'

/** A USCC with a correct check character from its first 17 characters. */
function uscc(first17: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  let sum = 0
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(first17.charAt(i)) * weights[i]!
  return first17 + alphabet.charAt((31 - (sum % 31)) % 31)
}

describe('issuer and signer codes', () => {
  it('gives the same findings for a signer subject seen before, and follows a changed one', async () => {
    const registry = await defaultRegistry()
    const sh = PROVINCES.find((p) => p.code === '310000')!
    const pairs = licenceCustomData(businessLicence(sh, 1)).map(([name, value]) => ({
      name,
      value,
    }))
    const licence = evaluateLicence(pairs, AT, 'test')
    const issuer = licence.licence.issuerCode!
    const signature = (subject: string): SignatureResult => ({
      id: 's',
      format: 'cms',
      status: 'indeterminate',
      subIndication: null,
      signer: { subject, issuer: 'CN=y', serialNumber: '01', sha256: '00' },
      province: null,
      signingTime: null,
      timestamp: null,
      coverage: null,
      modifications: null,
      chain: [],
      checks: [],
    })
    const signerFindings = (subject: string) =>
      recognise({
        licence,
        signatures: [signature(subject)],
        seals: [],
        validation: PASSED,
        registry,
        time: AT,
        lang: 'en',
      }).findings.filter((f) => f.code.includes('signer') || f.code.includes('sealed-by'))
    const own = `CN=a, organizationIdentifier=${issuer}`
    const passed = [{ code: 'policy.issuer-signer', status: 'passed', params: { code: issuer } }]
    expect(signerFindings(own)).toEqual(passed)
    expect(signerFindings(own)).toEqual(passed)
    const other = uscc('91310000MB3100099')
    const otherSubject = `CN=a, organizationIdentifier=${other}`
    const sealedByOther = [
      {
        code: 'licence.sealed-by-other',
        status: 'warning',
        params: { code: issuer, signer: other },
      },
    ]
    expect(signerFindings(otherSubject)).toEqual(sealedByOther)
    // More subjects than are remembered, then the first ones again.
    for (let i = 0; i < 100; i++) signerFindings(`CN=${i}, OU=${uscc(`9131000000000${1000 + i}`)}`)
    expect(signerFindings(own)).toEqual(passed)
    expect(signerFindings(otherSubject)).toEqual(sealedByOther)
    expect(signerFindings(`CN=a, O=${issuer}`)).toEqual([])
    const long = `CN=${'x'.repeat(2000)}, organizationIdentifier=${issuer}`
    expect(signerFindings(long)).toEqual(passed)
    expect(signerFindings(long)).toEqual(passed)
  })
})

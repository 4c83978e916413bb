/**
 * An OFD licence is a licence whenever its CustomData carries any GB/T 36903 key, as for PDF
 * and JSON: a sealed OFD whose identifier (ZZBS) was left out still goes through every licence
 * rule, and the missing field is a failed check, not a way around the rules.
 */
import { describe, expect, it, vi } from 'vitest'
import { buildOfd } from '../../fixtures/make/ofd.js'
import { businessLicence, type LicenceData } from '../../fixtures/make/ofd-licence.js'
import { SEAL_DATES, makeSeal, type Parties } from '../../fixtures/make/ofd-seals.js'
import { PROVINCES } from '../../fixtures/make/pki-names.js'
import { signerFromKeyFile } from '../../fixtures/make/signer.js'
import { MANDATORY_KEYS } from '../../src/formats/licence/metadata.js'
import { verify } from '../../src/verify.js'
import { certDer, repo } from '../fixtures/helpers.js'
import { AT, fixture } from './licence-helpers.js'

/** CustomData keys the package under test leaves out (buildOfd writes every key otherwise). */
const omitted = new Set<string>()

vi.mock('../../fixtures/make/ofd-licence.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../fixtures/make/ofd-licence.js')>()
  return {
    ...real,
    licenceCustomData: (l: LicenceData) =>
      real.licenceCustomData(l).filter(([key]) => !omitted.has(key)),
  }
})

const sh = PROVINCES.find((p) => p.code === '310000')!
const pki = (file: string) => `fixtures/pki/310000/sm2/${file}`
const key = (file: string) => signerFromKeyFile(repo(`fixtures/pki/keys/310000/sm2/${file}`))
const parties: Parties = {
  province: sh,
  maker: { cert: certDer(pki('seal-maker-signer.pem')), key: key('seal-maker-leaf.pem') },
  signer: { cert: certDer(pki('signer.pem')), key: key('signature-ca-leaf.pem') },
  makerCrl: 'pki/310000/sm2/seal-maker.crl',
  signerCrl: 'pki/310000/sm2/signature-ca.crl',
}
const crls = [fixture(parties.makerCrl), fixture(parties.signerCrl)]

/** A Shanghai business licence OFD, correctly sealed, valid until 2026-01-31. */
function sealedOfd(omit: readonly string[]): Uint8Array {
  omitted.clear()
  for (const k of omit) omitted.add(k)
  try {
    return buildOfd({
      licence: { ...businessLicence(sh, 7), validTo: '2026-01-31' },
      docId: '0123456789abcdef0123456789abcdef',
      signingTime: SEAL_DATES.signing,
      signing: {
        type: 'Seal',
        version: 4,
        seal: makeSeal(parties, { version: 4, serial: 1 }).der,
        signer: parties.signer,
      },
    }).zip
  } finally {
    omitted.clear()
  }
}

const codes = (v: Awaited<ReturnType<typeof verify>>) =>
  v.checks.map((c) => `${c.code}:${c.status}`)

describe('OFD licence metadata without an identifier', () => {
  it('is refused as expired when the identifier is present (the control case)', async () => {
    const v = await verify(sealedOfd([]), { time: AT, crls })
    expect([v.status, v.indication]).toEqual(['rejected', 'TOTAL_PASSED'])
    expect(codes(v)).toContain('policy.licence-expired:failed')
    expect(v.licence?.identifier).toMatch(/^1\.2\.156\.3005\.2\./)
  })

  it('still applies every licence rule when ZZBS is left out', async () => {
    const v = await verify(sealedOfd(['ZZBS']), { time: AT, crls, lang: 'en' })
    expect(v.status).toBe('rejected')
    expect(v.licence).not.toBeNull()
    expect(v.licence?.identifier).toBeNull()
    expect(v.licence?.validTo).toBe('2026-01-31')
    const missing = v.checks.find((c) => c.code === 'policy.licence-fields-missing')
    expect(missing?.status).toBe('failed')
    expect(missing?.detail).toEqual({ fields: ['ZZBS'] })
    expect(codes(v)).toContain('policy.licence-expired:failed')
    expect(codes(v)).not.toContain('licence.absent:skipped')
    expect(codes(v)).not.toContain('policy.recognised:passed')
  })

  it('is a licence with only a few GB/T 36903 keys, and names every missing one', async () => {
    const kept = ['ZZMC', 'CZZT', 'ZZYXQJZRQ']
    const omit = [...MANDATORY_KEYS, 'CZZTDMLX'].filter((k) => !kept.includes(k))
    const v = await verify(sealedOfd(omit), { time: AT, crls })
    expect(v.status).toBe('rejected')
    const missing = v.checks.find((c) => c.code === 'policy.licence-fields-missing')
    expect(missing?.detail).toEqual({ fields: MANDATORY_KEYS.filter((k) => !kept.includes(k)) })
    expect(codes(v)).toContain('policy.licence-expired:failed')
  })
})

/**
 * `policy.recognised` is said only in a verdict whose status is `recognized`: a failed
 * document-level policy check (here an image-only seal added after signing) or any other
 * refusal of validation keeps it out, even when every signature validates.
 */
import { describe, expect, it } from 'vitest'
import { businessLicence } from '../../fixtures/make/ofd-licence.js'
import { esId } from '../../fixtures/make/ofd-seals.js'
import { signField } from '../../fixtures/make/pdf-fields.js'
import { LicencePdf } from '../../fixtures/make/pdf-licence.js'
import { array, dict, ref, text } from '../../fixtures/make/pdf-objects.js'
import { cmsContents } from '../../fixtures/make/pdf-sign.js'
import { PROVINCES } from '../../fixtures/make/pki-names.js'
import { signerFromKeyFile } from '../../fixtures/make/signer.js'
import type { Verdict } from '../../src/verdict/types.js'
import { verify } from '../../src/verify.js'
import { certDer, repo } from '../fixtures/helpers.js'
import { AT, fixture, MANIFEST, verifyFixture } from './licence-helpers.js'

const sh = PROVINCES.find((p) => p.code === '310000')!
const issuer = {
  cert: certDer('fixtures/pki/310000/rsa/licence-org.pem'),
  key: signerFromKeyFile(repo('fixtures/pki/keys/310000/rsa/licence-issuer-leaf.pem')),
}
const issuerCa = certDer('fixtures/pki/310000/rsa/licence-issuer.pem')
const crls = [fixture('pki/310000/rsa/licence-issuer.crl')]
const signingTime = new Date('2025-12-15T02:30:00Z')

/** A Shanghai licence PDF signed by the licence issuer, optionally with a stamp added later. */
function licencePdf(stampAddedLater: boolean): Uint8Array {
  const doc = new LicencePdf({ licence: businessLicence(sh, 1), label: 'gate', xref: 'table' })
  signField(doc, {
    fieldName: 'Signature1',
    subFilter: 'adbe.pkcs7.detached',
    signingTime,
    stamp: esId(sh.code, 90),
    contents: cmsContents({
      profile: 'pkcs7',
      signer: issuer,
      certificates: [issuer.cert, issuerCa],
      signingTime,
    }),
  })
  if (stampAddedLater) {
    // A later revision: a Stamp annotation whose appearance is a red seal picture.
    const picture = doc.image(esId(sh.code, 91))
    const ap = doc.form(120, 120, 'q 120 0 0 120 0 0 cm /Im0 Do Q\n', {
      XObject: dict({ Im0: ref(picture) }),
    })
    const annot = doc.w.alloc()
    doc.w.object(
      annot,
      dict({
        Type: '/Annot',
        Subtype: '/Stamp',
        Rect: array([380, 300, 500, 420]),
        Contents: text('stamp'),
        P: ref(doc.page),
        F: 4,
        AP: dict({ N: ref(ap) }),
      }),
    )
    doc.annots.push(annot)
    doc.w.object(doc.page, doc.pageBody())
    doc.end()
  }
  return doc.w.bytes()
}

const passedRecognised = (v: Verdict) =>
  v.checks.some((c) => c.code === 'policy.recognised' && c.status === 'passed')

describe('the recognised check', () => {
  it('is given for the signed licence PDF as issued (the control case)', async () => {
    const v = await verify(licencePdf(false), { time: AT, crls })
    expect(v.status).toBe('recognized')
    expect(passedRecognised(v)).toBe(true)
  })

  it('is withheld when a red stamp picture was added after signing', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const v = await verify(licencePdf(true), { time: AT, crls, lang })
      expect([v.status, v.indication]).toEqual(['rejected', 'TOTAL_PASSED'])
      const failed = v.checks.filter((c) => c.status === 'failed').map((c) => c.code)
      expect(failed).toContain('policy.image-only-seal')
      expect(passedRecognised(v)).toBe(false)
      expect(v.checks.map((c) => c.message).join('\n')).not.toMatch(/予以互认|Recognised:/)
    }
  })

  it('appears in exactly the recognised verdicts of every fixture', async () => {
    let recognised = 0
    const documents = MANIFEST.filter((e) => /^(pdf|ofd|licences)\//.test(e.file))
    for (const entry of documents) {
      const v = await verifyFixture(entry.file)
      expect(passedRecognised(v), entry.file).toBe(v.status === 'recognized' && v.licence !== null)
      if (passedRecognised(v)) recognised++
    }
    expect(recognised).toBeGreaterThanOrEqual(12)
  }, 120_000)
})

/**
 * `policy.recognised` is said only in a verdict whose status is `recognized`: a failed
 * document-level policy check (here an image-only seal added after signing) or any other
 * refusal of validation keeps it out, even when every signature validates.
 */
import { describe, expect, it } from 'vitest'
import { esId } from '../../fixtures/make/ofd-seals.js'
import { appendAnnotation } from '../../fixtures/make/pdf-fields.js'
import { dict, ref } from '../../fixtures/make/pdf-objects.js'
import type { Verdict } from '../../src/verdict/types.js'
import { verify } from '../../src/verify.js'
import { AT, MANIFEST, verifyFixture } from './licence-helpers.js'
import { SH, SH_ISSUER_CRLS, shanghaiLicence, signAsShanghaiIssuer } from './signed-licence-pdf.js'

const crls = SH_ISSUER_CRLS

/** A Shanghai licence PDF signed by the licence issuer, optionally with a stamp added later. */
function licencePdf(stampAddedLater: boolean): Uint8Array {
  const doc = shanghaiLicence('gate')
  signAsShanghaiIssuer(doc)
  if (stampAddedLater) {
    // A later revision: a Stamp annotation whose appearance is a red seal picture.
    const picture = doc.image(esId(SH.code, 91))
    const ap = doc.form(120, 120, 'q 120 0 0 120 0 0 cm /Im0 Do Q\n', {
      XObject: dict({ Im0: ref(picture) }),
    })
    appendAnnotation(doc, { subtype: 'Stamp', rect: [380, 300, 500, 420], contents: 'stamp', ap })
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

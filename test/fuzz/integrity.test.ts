/**
 * Property (b): a recognised fixture changed anywhere inside its signed bytes is never
 * `recognized` — certificates and CRLs inside their TBS, OFD packages inside any protected
 * file or Signature.xml (the zip rebuilt so that only the integrity checks can catch it),
 * seals inside their signed part.
 */
import * as fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fuzzParameters, testTimeout } from './config.js'
import { FUZZ_TIME, loadSeeds, type Seed } from './fixtures.js'
import { applyMutations, mutationsArb, sameBytes } from './mutate.js'
import { isPem, pemBlocks, replaceBlock } from './pem.js'
import {
  firstChildRegion,
  ofdTargets,
  pdfSignedRanges,
  rezip,
  tbsRegions,
  unzip,
} from './signed-parts.js'
import { expectVerdict } from './outcomes.js'
import { Watchdog, type Outcome } from './watchdog.js'

function notRecognized(outcome: Outcome, what: string): void {
  expectVerdict(outcome)
  if (outcome.kind === 'verdict') expect(outcome.status, what).not.toBe('recognized')
}

describe('fuzz: a change inside the signed bytes is never recognized', () => {
  const recognized = loadSeeds().filter((s) => s.expect.status === 'recognized')
  const dog = new Watchdog()
  const verifyBytes = (s: Seed, bytes: Uint8Array) =>
    dog.run({ op: 'verify', bytes, ...s.options, time: FUZZ_TIME.toISOString() })

  beforeAll(() => dog.warmUp())
  afterAll(() => dog.close())

  const pems = recognized.filter((s) => s.kind === 'certificate' && isPem(s.bytes))
  const ders = recognized.filter((s) => s.file.endsWith('.p7b'))
  const CERTS = 120
  it(
    'certificate files: inside the TBS of a certificate or a CRL',
    async () => {
      const targets = [
        ...pems.flatMap((s) =>
          pemBlocks(s.bytes).flatMap((b, block) =>
            tbsRegions(b.der).map((region) => ({ s, block, der: b.der, region })),
          ),
        ),
        ...ders.flatMap((s) =>
          tbsRegions(s.bytes).map((region) => ({ s, block: -1, der: s.bytes, region })),
        ),
      ]
      expect(targets.length).toBeGreaterThan(pems.length * 2)
      await fc.assert(
        fc.asyncProperty(fc.nat(targets.length - 1), mutationsArb, async (i, mutations) => {
          const t = targets[i]!
          const der = applyMutations(t.der, mutations, t.region)
          fc.pre(!sameBytes(der, t.der))
          const bytes = t.block < 0 ? der : replaceBlock(t.s.bytes, t.block, der)
          notRecognized(await verifyBytes(t.s, bytes), t.s.file)
        }),
        fuzzParameters('integrity-certificates', CERTS),
      )
    },
    testTimeout(CERTS),
  )

  const packages = recognized
    .filter((s) => s.kind === 'ofd')
    .map((s) => ({ s, entries: unzip(s.bytes) }))

  it('OFD packages rebuilt unchanged stay recognized (so the property below can fail)', async () => {
    for (const p of packages) {
      const outcome = await verifyBytes(p.s, rezip(p.entries))
      expect(outcome, p.s.file).toMatchObject({ kind: 'verdict', status: 'recognized' })
    }
  })

  const OFD = 80
  it(
    'OFD packages: inside a protected file, Signature.xml or the signed part of the seal signature',
    async () => {
      const targets = packages.flatMap((p) => ofdTargets(p.entries).map((t) => ({ ...p, t })))
      expect(targets.length).toBeGreaterThan(packages.length * 3)
      await fc.assert(
        fc.asyncProperty(fc.nat(targets.length - 1), mutationsArb, async (i, mutations) => {
          const { s, entries, t } = targets[i]!
          const before = entries[t.entry]!
          const after = applyMutations(before, mutations, t.region)
          fc.pre(!sameBytes(before, after))
          const bytes = rezip({ ...entries, [t.entry]: after })
          notRecognized(await verifyBytes(s, bytes), `${s.file}!${t.entry}`)
        }),
        fuzzParameters('integrity-ofd', OFD),
      )
    },
    testTimeout(OFD),
  )

  // The signed licence PDFs of the four provinces (RSA, ECDSA, SM2) and the seal-signed one.
  const pdfs = recognized.filter((s) => /^pdf\/3[1-4]0000-licence-/.test(s.file))

  it('the signed licence PDFs are recognized unchanged (the property below can fail)', async () => {
    expect(pdfs.length).toBeGreaterThanOrEqual(12)
    for (const s of pdfs) {
      expect(await verifyBytes(s, s.bytes), s.file).toMatchObject({ status: 'recognized' })
      expect(pdfSignedRanges(s.bytes).length, s.file).toBeGreaterThanOrEqual(2)
    }
  })

  const PDF = 80
  it(
    'PDF licences: inside the bytes a /ByteRange covers',
    async () => {
      const targets = pdfs.flatMap((s) => pdfSignedRanges(s.bytes).map((region) => ({ s, region })))
      await fc.assert(
        fc.asyncProperty(fc.nat(targets.length - 1), mutationsArb, async (i, mutations) => {
          const { s, region } = targets[i]!
          const bytes = applyMutations(s.bytes, mutations, region)
          fc.pre(!sameBytes(bytes, s.bytes))
          notRecognized(await verifyBytes(s, bytes), s.file)
        }),
        fuzzParameters('integrity-pdf', PDF),
      )
    },
    testTimeout(PDF),
  )

  const seals = recognized.filter((s) => s.kind === 'seal')
  const SEALS = 80
  it(
    'seals: inside the signed seal information',
    async () => {
      expect(seals.length).toBeGreaterThan(0)
      await fc.assert(
        fc.asyncProperty(fc.nat(seals.length - 1), mutationsArb, async (i, mutations) => {
          const s = seals[i]!
          const region = firstChildRegion(s.bytes)
          expect(region, s.file).toBeDefined()
          const bytes = applyMutations(s.bytes, mutations, region)
          fc.pre(!sameBytes(bytes, s.bytes))
          notRecognized(await verifyBytes(s, bytes), s.file)
        }),
        fuzzParameters('integrity-seals', SEALS),
      )
    },
    testTimeout(SEALS),
  )
})

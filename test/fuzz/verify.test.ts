/**
 * Property (a): every input through verify() — fixtures and samples, mutated anywhere —
 * ends in a verdict within the watchdog's bound and never throws (except a YrdError
 * `input.*`, such as a wrong PKCS#12 password).
 */
import * as fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fuzzParameters, testTimeout } from './config.js'
import { FUZZ_TIME, loadSeeds, sample, type Seed } from './fixtures.js'
import { applyMutations, mutationsArb } from './mutate.js'
import { isPem, pemBlocks, replaceBlock } from './pem.js'
import { expectVerdict } from './outcomes.js'
import { pdfContentsSlots, rezip, unzip } from './signed-parts.js'
import { Watchdog } from './watchdog.js'

const SAMPLE_FILES = [
  'ofd/ofdrw-test-v4.ofd',
  'ofd/zj-tax-invoice-v4.ofd',
  'ofd/UserV4.esl',
  'ofd/SignedValueV4.dat',
  'ofd/ofdrw-USER.p12',
  'pdf/pyhanko-no-signed-attrs.pdf',
]

const STABLE_KINDS = ['certificate', 'ofd', 'seal', 'cms']

function seeds(): Seed[] {
  const out = loadSeeds()
  for (const file of SAMPLE_FILES) {
    const bytes = sample(file)
    if (!bytes) continue
    const empty = { crls: [], ocspResponses: [] }
    const expect = { status: 'unknown', subIndication: null }
    out.push({ file: `samples/${file}`, kind: 'sample', bytes, options: empty, expect })
  }
  return out
}

describe('fuzz: verify() always ends in a verdict', () => {
  const all = seeds()
  const dog = new Watchdog()
  const verifyBytes = (s: Seed, bytes: Uint8Array) =>
    dog.run({ op: 'verify', bytes, ...s.options, time: FUZZ_TIME.toISOString() })

  beforeAll(() => dog.warmUp())
  afterAll(() => dog.close())

  it('gives every unchanged seed its manifest verdict through the watchdog', async () => {
    for (const s of all) {
      const outcome = await verifyBytes(s, s.bytes)
      expectVerdict(outcome)
      // PDF and JWS verdicts are asserted by the manifest test and the PDF integrity property.
      if (STABLE_KINDS.includes(s.kind) && outcome.kind === 'verdict') {
        expect({ status: outcome.status, subIndication: outcome.subIndication }, s.file).toEqual(
          s.expect,
        )
      }
    }
  })

  const RAW = 250
  it(
    'byte mutations of any seed (flips, truncations, insertions, duplicates, DER lengths)',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(all.length - 1), mutationsArb, async (i, mutations) => {
          const s = all[i]!
          const outcome = await verifyBytes(s, applyMutations(s.bytes, mutations))
          expectVerdict(outcome)
        }),
        fuzzParameters('verify-raw', RAW),
      )
    },
    testTimeout(RAW),
  )

  const pems = all.filter((s) => isPem(s.bytes))
  const DER = 150
  it(
    'mutations of the DER inside PEM seeds',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat(pems.length - 1),
          fc.nat(16),
          mutationsArb,
          async (i, block, mutations) => {
            const s = pems[i]!
            const blocks = pemBlocks(s.bytes)
            const der = blocks[block % blocks.length]!.der
            const changed = replaceBlock(s.bytes, block, applyMutations(der, mutations))
            expectVerdict(await verifyBytes(s, changed))
          },
        ),
        fuzzParameters('verify-pem-der', DER),
      )
    },
    testTimeout(DER),
  )

  const packages = all
    // Not the zip bombs and traversal fixtures: unpacking them is what the reader refuses to do.
    .filter((s) => s.file.endsWith('.ofd') && !s.file.includes('/zip-'))
    .flatMap((s) => {
      try {
        const entries = unzip(s.bytes)
        return [{ s, entries, names: Object.keys(entries) }]
      } catch {
        return []
      }
    })
  const OFD = 100
  it(
    'mutations inside any entry of an OFD package, the zip rebuilt (past the CRC checks)',
    async () => {
      expect(packages.length).toBeGreaterThan(5)
      await fc.assert(
        fc.asyncProperty(
          fc.nat(packages.length - 1),
          fc.nat(64),
          mutationsArb,
          async (i, entry, mutations) => {
            const { s, entries, names } = packages[i]!
            const name = names[entry % names.length]!
            const changed = { ...entries, [name]: applyMutations(entries[name]!, mutations) }
            expectVerdict(await verifyBytes(s, rezip(changed)))
          },
        ),
        fuzzParameters('verify-ofd-entries', OFD),
      )
    },
    testTimeout(OFD),
  )

  const slots = all
    .filter((s) => s.kind === 'pdf')
    .flatMap((s) => pdfContentsSlots(s.bytes).map((slot) => ({ s, slot })))
  const CMS = 100
  it(
    'mutations of the CMS inside a PDF /Contents, re-encoded in place (byte ranges intact)',
    async () => {
      expect(slots.length).toBeGreaterThan(10)
      await fc.assert(
        fc.asyncProperty(fc.nat(slots.length - 1), mutationsArb, async (i, mutations) => {
          const { s, slot } = slots[i]!
          const hex = new TextDecoder('latin1').decode(s.bytes.subarray(slot.start, slot.end))
          const der = new Uint8Array(Buffer.from(hex.replace(/(00)+$/, ''), 'hex'))
          const changed = Buffer.from(applyMutations(der, mutations)).toString('hex')
          fc.pre(changed.length <= hex.length)
          const bytes = s.bytes.slice()
          bytes.set(new TextEncoder().encode(changed.padEnd(hex.length, '0')), slot.start)
          expectVerdict(await verifyBytes(s, bytes))
        }),
        fuzzParameters('verify-pdf-cms', CMS),
      )
    },
    testTimeout(CMS),
  )

  const RANDOM = 100
  it(
    'random bytes, alone and behind a real file header',
    async () => {
      const heads = [
        '',
        'PK\u0003\u0004',
        '%PDF-1.7\n',
        '-----BEGIN CERTIFICATE-----\n',
        '{',
        'eyJ',
      ]
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...heads),
          fc.uint8Array({ minLength: 0, maxLength: 2048 }),
          async (head, body) => {
            const bytes = new Uint8Array([...new TextEncoder().encode(head), ...body])
            const s = all[0]!
            expectVerdict(await verifyBytes(s, bytes))
          },
        ),
        fuzzParameters('verify-random', RANDOM),
      )
    },
    testTimeout(RANDOM),
  )
})

/**
 * Property (c): every reader, fed its real inputs mutated anywhere, or any other reader's
 * inputs, either returns or throws a YrdError subclass — never another exception — and does
 * so within the watchdog's bound.
 */
import * as fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fuzzParameters, testTimeout } from './config.js'
import { applyMutations, mutationsArb } from './mutate.js'
import { readerSeeds, type NamedBytes } from './reader-seeds.js'
import { READERS } from './readers.js'
import { expectClean } from './outcomes.js'
import { mutatePng } from './png.js'
import { Watchdog } from './watchdog.js'

describe('fuzz: readers throw only YrdError', () => {
  const seeds = readerSeeds()
  const dog = new Watchdog()
  const PASSWORD = 'yrd-test'

  beforeAll(() => dog.warmUp())
  afterAll(() => dog.close())

  it('has seeds for every reader, and every seed reads cleanly', async () => {
    expect(Object.keys(seeds).sort()).toEqual(Object.keys(READERS).sort())
    for (const [reader, list] of Object.entries(seeds)) {
      expect(list.length, reader).toBeGreaterThan(0)
      for (const s of list) {
        const outcome = await dog.run({ op: 'read', reader, bytes: s.bytes, password: PASSWORD })
        expectClean(reader, s.name, outcome)
      }
    }
  })

  it('reads every other reader’s inputs without a foreign exception', async () => {
    const all: NamedBytes[] = Object.values(seeds).flatMap((list) => list.slice(0, 6))
    for (const reader of Object.keys(READERS)) {
      for (const s of all) {
        expectClean(reader, s.name, await dog.run({ op: 'read', reader, bytes: s.bytes }))
      }
    }
  })

  const RUNS = 120
  for (const reader of Object.keys(READERS)) {
    it(
      `${reader}: mutated seeds`,
      async () => {
        const list = seeds[reader]!
        await fc.assert(
          fc.asyncProperty(fc.nat(list.length - 1), mutationsArb, async (i, mutations) => {
            const s = list[i]!
            const bytes = applyMutations(s.bytes, mutations)
            const outcome = await dog.run({ op: 'read', reader, bytes, password: PASSWORD })
            expectClean(reader, s.name, outcome)
          }),
          fuzzParameters(`reader-${reader}`, RUNS),
        )
      },
      testTimeout(RUNS),
    )
  }

  const PNG = 60
  it(
    'decodePicture: PNGs changed behind valid zlib data and chunk CRCs',
    async () => {
      const pngs = seeds.decodePicture!.filter((s) => s.bytes[1] === 0x50)
      expect(pngs.length).toBeGreaterThan(0)
      await fc.assert(
        fc.asyncProperty(
          fc.nat(pngs.length - 1),
          fc.nat(64),
          mutationsArb,
          async (i, target, mutations) => {
            const s = pngs[i]!
            const bytes = mutatePng(s.bytes, target, mutations)
            const outcome = await dog.run({ op: 'read', reader: 'decodePicture', bytes })
            expectClean('decodePicture', s.name, outcome)
          },
        ),
        fuzzParameters('reader-png-deep', PNG),
      )
    },
    testTimeout(PNG),
  )

  it('the watchdog reports a foreign exception, so the properties above can fail', async () => {
    const outcome = await dog.run({ op: 'read', reader: 'no-such-reader', bytes: new Uint8Array() })
    expect(outcome).toMatchObject({ kind: 'threw', yrd: false })
  })

  it('the watchdog stops a task that never ends, and the next task runs in a fresh worker', async () => {
    const quick = new Watchdog(1_500)
    try {
      await quick.warmUp()
      expect(await quick.run({ op: 'spin' })).toEqual({ kind: 'timeout', ms: 1_500 })
      const next = await quick.run(
        { op: 'read', reader: 'parseXml', bytes: new Uint8Array() },
        120_000,
      )
      expect(next.kind).toBe('threw')
    } finally {
      await quick.close()
    }
  })
})

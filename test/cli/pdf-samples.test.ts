/**
 * The real signed PDFs of ../shared/samples/pdf through the built executable (issue 3):
 * as their README (the samples' manifest) says, every signature is intact and, with no
 * anchor for its signer, `indeterminate` / NO_CERTIFICATE_CHAIN_FOUND. Then the roots each
 * file carries, taken out with `inspect --extract`, are passed with `--trust`: the file is
 * recognised at a validation time inside its certificates' validity where that is possible,
 * and where it is not, the exact verdict is asserted with the reason.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCertificate } from '../../src/pki/certificate.js'
import type { Verdict } from '../../src/verdict/types.js'
import { pemBlocks } from '../fixtures/helpers.js'
import { buildCli, type BuiltCli } from './built-cli.js'
import { ROOT } from './helpers.js'

const DIR = join(ROOT, '../shared/samples/pdf')
const NO_CHAIN = 'NO_CERTIFICATE_CHAIN_FOUND'
const NO_POE = 'OUT_OF_BOUNDS_NO_POE'
/** A validation time long after every signer certificate of the samples expired. */
const LATE = '2026-06-15T00:00:00Z'

/** One run with the carried anchors, and what it must give. */
interface TrustRun {
  readonly at: string
  /** Revocation checking stays on only where the file carries revocation data (a /DSS). */
  readonly revocation: 'off' | 'on'
  readonly status: Verdict['status']
  /** The document's sub-indication, or those accepted (see signpdf). */
  readonly subIndication: string | null | readonly string[]
  /** Per signature: its status and the sub-indications accepted (see signpdf). */
  readonly signatures: readonly (readonly [Verdict['status'], ...(string | null)[]])[]
}

interface Sample {
  readonly count: number
  /** Anchors the file carries: its self-signed roots, or when it carries none its CAs. */
  readonly anchors: number
  readonly runs: readonly TrustRun[]
}

const recognizedAt = (at: string, n: number): TrustRun => ({
  at,
  revocation: 'off',
  status: 'recognized',
  subIndication: null,
  signatures: Array.from({ length: n }, () => ['recognized', null] as const),
})
/** Every signer certificate expired and no time-stamp proves an earlier time. */
const expiredAt = (at: string, n: number): TrustRun => ({
  at,
  revocation: 'off',
  status: 'indeterminate',
  subIndication: NO_POE,
  signatures: Array.from({ length: n }, () => ['indeterminate', NO_POE] as const),
})

const SAMPLES: Record<string, Sample> = {
  // The root (root-ca) is not in the file; good-ca, the CA it carries, is the anchor.
  // Signed 2019-07-04; both certificates valid 2018-05-05 to 2020-03-05.
  'dss-pades-b-original.pdf': { count: 1, anchors: 1, runs: [recognizedAt('2019-07-05', 1)] },
  // Only the signer's certificate (twice): its CA, ArubaPEC S.p.A. NG CA 3, is not carried,
  // so nothing in the file can be trusted and recognition is not reachable.
  'dss-two-sigs-incsave.pdf': { count: 2, anchors: 0, runs: [] },
  'dss-pades-lt-xrefstm.pdf': {
    count: 4,
    anchors: 3, // three self-signed Nowina roots; the TSA's root (Certum) is not carried
    runs: [
      // Signature 1's signer (LEPROPRE Jean) is valid only 2021-04-01 09:21:54-09:26:54.
      // Its one proof of time is the document time-stamp of 2021-05-28, two months after
      // that, and the TSA does not chain to a carried root anyway: never recognised. The
      // signers of 2 and 4 (FERREIRA Ricardo) are valid only 2021-05-28 07:47:26-07:52:36;
      // their signature time-stamps fall inside, but come from that same TSA. No validation
      // time lies in both windows, so recognized is not reachable at any --at.
      {
        at: '2021-05-28T07:50:00Z',
        revocation: 'on', // the /DSS revocation data answers for 2 and 4
        status: 'indeterminate',
        subIndication: NO_CHAIN,
        signatures: [
          ['indeterminate', NO_POE],
          ['recognized', null],
          ['indeterminate', NO_CHAIN], // the document time-stamp: Certum's root not carried
          ['recognized', null],
        ],
      },
      {
        at: LATE,
        revocation: 'on',
        status: 'indeterminate',
        subIndication: NO_CHAIN,
        signatures: [
          ['indeterminate', NO_POE],
          ['indeterminate', NO_POE],
          ['indeterminate', NO_CHAIN],
          ['indeterminate', NO_POE],
        ],
      },
    ],
  },
  // Alice's certificates are valid 2020-01-01 to 2022-01-01; signed 2020-11-01 and -02.
  'pyhanko-ecdsa-signed-twice.pdf': {
    count: 2,
    anchors: 2, // two roots named Root CA (one per chain)
    runs: [recognizedAt('2020-12-01', 2), expiredAt(LATE, 2)],
  },
  // Lord Testerino's certificate is valid 2020-01-01 to 2021-01-01; signed 2020-11-01.
  'pyhanko-no-signed-attrs.pdf': {
    count: 1,
    anchors: 1,
    runs: [recognizedAt('2020-12-01', 1), expiredAt(LATE, 1)],
  },
  // Both signers are self-signed (each its own root). Signed 2019-10-31, when the second
  // one's certificate (valid 2018-09-25 to 2018-10-25) had expired a year before, with no
  // time-stamp: the second signature is never recognised at a time after it was made, and
  // its own expiry is the reason (OUT_OF_BOUNDS_NO_POE), not "no path".
  'signpdf-signed-twice.pdf': {
    count: 2,
    anchors: 2,
    runs: [
      {
        at: '2019-11-01',
        revocation: 'off',
        status: 'indeterminate',
        subIndication: [NO_POE],
        signatures: [
          ['recognized', null],
          ['indeterminate', NO_POE],
        ],
      },
    ],
  },
}

let cli: BuiltCli | undefined
let dir = ''
beforeAll(() => {
  cli = buildCli()
  dir = mkdtempSync(join(tmpdir(), 'yrd-pdf-samples-'))
})
afterAll(() => {
  cli?.remove()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const EXIT: Record<Verdict['status'], number> = { recognized: 0, rejected: 1, indeterminate: 2 }

function verify(file: string, args: readonly string[]): Verdict {
  const r = cli!.run(['verify', join(DIR, file), '--json', '--lang', 'en', ...args])
  const v = JSON.parse(r.out) as Verdict
  expect(r.code).toBe(EXIT[v.status])
  return v
}

/** The anchors the file carries, as PEM files written by `inspect --extract`. */
function carriedAnchors(file: string): string[] {
  const out = mkdtempSync(join(dir, 'extract-'))
  const r = cli!.run(['inspect', join(DIR, file), '--extract', out])
  expect(r.code).toBe(0)
  const pems = readdirSync(out).filter((f) => f.endsWith('.pem'))
  expect(pems.length).toBeGreaterThan(0)
  const certs = pems.map((f) => {
    const [der] = pemBlocks(readFileSync(join(out, f), 'utf8'), 'CERTIFICATE')
    return { path: join(out, f), cert: parseCertificate(der!) }
  })
  const roots = certs.filter((c) => c.cert.selfIssued && c.cert.basicConstraints?.ca !== false)
  if (roots.length > 0) return roots.map((c) => c.path)
  return certs.filter((c) => c.cert.basicConstraints?.ca === true).map((c) => c.path)
}

describe('real signed PDFs through the CLI', () => {
  for (const [file, want] of Object.entries(SAMPLES)) {
    it(`${file}: every signature intact; no anchor: indeterminate / ${NO_CHAIN}`, () => {
      const v = verify(file, [])
      expect([v.kind, v.status, v.subIndication]).toEqual(['pdf', 'indeterminate', NO_CHAIN])
      expect(v.checks.filter((c) => c.status === 'failed')).toEqual([])
      expect(v.signatures).toHaveLength(want.count)
      for (const s of v.signatures) {
        expect(s.checks.filter((c) => c.status === 'failed')).toEqual([])
        const passed = new Set(s.checks.filter((c) => c.status === 'passed').map((c) => c.code))
        for (const code of ['pdf.byte-range', 'pdf.gap', 'pdf.contents']) {
          expect(passed, `${s.id} ${code}`).toContain(code)
        }
        expect([...passed].some((c) => c.startsWith('pdf.coverage.'))).toBe(true)
        if (s.format === 'cms') {
          expect(passed).toContain('cms.signature')
          // pyHanko's file signs the content directly, without signed attributes.
          if (file !== 'pyhanko-no-signed-attrs.pdf') expect(passed).toContain('cms.message-digest')
        } else {
          const ts = s.checks.find((c) => c.code === 'pdf.timestamp-untrusted')
          expect(ts?.message).toContain('is intact')
        }
        expect([s.status, s.subIndication]).toEqual(['indeterminate', NO_CHAIN])
      }
    })

    it(`${file}: with the anchors it carries (--trust)`, () => {
      const anchors = carriedAnchors(file)
      expect(anchors).toHaveLength(want.anchors)
      for (const run of want.runs) {
        const trust = anchors.flatMap((a) => ['--trust', a])
        const off = run.revocation === 'off' ? ['--revocation', 'off'] : []
        const v = verify(file, [...trust, ...off, '--at', run.at])
        const at = `at ${run.at}`
        expect(v.status, at).toBe(run.status)
        const subs = Array.isArray(run.subIndication) ? run.subIndication : [run.subIndication]
        expect(subs, at).toContain(v.subIndication)
        expect(v.signatures, at).toHaveLength(run.signatures.length)
        v.signatures.forEach((s, i) => {
          const [status, ...accepted] = run.signatures[i]!
          expect(s.status, `${at} ${s.id}`).toBe(status)
          expect(accepted, `${at} ${s.id}`).toContain(s.subIndication)
          // What fails is the certificate path at that time, never the signature itself.
          const failed = s.checks.filter((c) => c.status === 'failed').map((c) => c.code)
          expect(
            failed.filter((c) => !c.startsWith('chain.')),
            `${at} ${s.id}`,
          ).toEqual([])
        })
      }
    })
  }
})

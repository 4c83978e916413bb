/**
 * Distinct signed copies of a fixture licence PDF, made at run time: each copy has its own
 * trailer /ID (so other bytes are signed) and its own signature by the same issuer key and
 * certificates, as a service sees one issuer's licences. A benchmark that verifies one file
 * again and again would let anything remembered for that file's bytes (its signature, its
 * parse) count as free; verifying these in turn leaves only what truly recurs across
 * documents (the issuer's certificates, CRL, seal picture) to the caches.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { hex } from '../../fixtures/make/pdf-objects.js'
import { signerFromKeyFile } from '../../fixtures/make/signer.js'
import { pemDer, signedDataFor } from './pdf-large.js'
import { coveredBytes } from '../../src/evaluate/pdf-digest.js'
import type { SignedBytes } from './in-process.js'
import { REPO } from './pdf-run.js'

/** A fixture licence and the issuer that signed it. */
export interface SignedFixture {
  readonly file: string
  readonly family: 'rsa' | 'ecdsa' | 'sm2'
  /** The fixture's CMS profile (the SM2 licences of Shanghai use GB/T 35275's OIDs). */
  readonly profile: 'pkcs7' | 'gbt35275'
}

const ID = /\/ID \[<([0-9A-F]{32})> <([0-9A-F]{32})>\]/

/** `count` distinct re-signed copies of `fixture` (see the file comment). */
export function distinctCopies(fixture: SignedFixture, count: number): Uint8Array[] {
  const original = new Uint8Array(readFileSync(join(REPO, fixture.file)))
  const text = Buffer.from(original).toString('latin1')
  const id = ID.exec(text)
  const contents = text.indexOf('/Contents <')
  if (!id || contents < 0) throw new Error(`bench: ${fixture.file}: no /ID or /Contents`)
  const b = contents + '/Contents '.length
  const c = text.indexOf('>', b) + 1
  const dir = `pki/310000/${fixture.family}`
  const signer = signerFromKeyFile(
    join(REPO, `fixtures/pki/keys/310000/${fixture.family}/licence-issuer-leaf.pem`),
  )
  const certs = [
    pemDer(`fixtures/${dir}/licence-org.pem`),
    pemDer(`fixtures/${dir}/licence-issuer.pem`),
  ]
  const digestName = fixture.family === 'sm2' ? 'sm3' : 'sha256'
  const idAt = id.index + id[0].lastIndexOf('<') + 1
  return Array.from({ length: count }, (_, i) => {
    const copy = original.slice()
    const fresh = createHash('md5').update(`${fixture.file}#${i}`).digest('hex').toUpperCase()
    copy.set(Buffer.from(fresh, 'latin1'), idAt)
    const digest = createHash(digestName)
      .update(copy.subarray(0, b))
      .update(copy.subarray(c))
      .digest()
    const der = signedDataFor(new Uint8Array(digest), signer, certs, fixture.profile)
    const digits = hex(der)
    if (digits.length > c - b - 2) throw new Error(`bench: ${fixture.file}: CMS does not fit`)
    copy.set(Buffer.from(digits.padEnd(c - b - 2, '0'), 'latin1'), b + 1)
    return copy
  })
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g

/**
 * The bytes each signature of a signed PDF digests (its two ByteRange slices, joined), with the
 * hash of the fixture's family: what a verifier must hash whatever else it does.
 */
export function signedSlices(bytes: Uint8Array, family: SignedFixture['family']): SignedBytes[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  const hash = family === 'sm2' ? 'SM3' : 'SHA-256'
  return [...text.matchAll(BYTE_RANGE)].map((m) => {
    const [a, b, c, d] = m.slice(1, 5).map(Number) as [number, number, number, number]
    return { hash, data: coveredBytes(bytes, { a, b, c, d }) }
  })
}

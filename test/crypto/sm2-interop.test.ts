import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sm2 as smCrypto } from 'sm-crypto-v2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bigIntToBytes, concatBytes, fromHex, toHex, utf8 } from '../../src/crypto/bytes.js'
import { encodeElement, encodeOid, encodeUnsignedInteger } from '../../src/crypto/der.js'
import { hash } from '../../src/crypto/hash.js'
import { decodeDerRs } from '../../src/crypto/rs-signature.js'
import { sm2PublicKeyFromPrivate, sm2Sign, sm2Verify } from '../../src/crypto/sm2.js'
import { SM2_CURVE } from '../../src/crypto/sm2-curve.js'
import { encodeEcSpki } from '../../src/crypto/spki.js'

const ID = '1234567812345678'
let dir = ''

function openssl(...args: string[]): { ok: boolean; out: string } {
  try {
    return { ok: true, out: execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' }).toString() }
  } catch (e) {
    return { ok: false, out: String((e as { stdout?: Buffer }).stdout ?? '') }
  }
}

/** SEC1 ECPrivateKey (RFC 5915) for the SM2 curve, so OpenSSL can load our keys. */
function sec1PrivateKey(d: Uint8Array): Uint8Array {
  const pub = sm2PublicKeyFromPrivate(d)
  return encodeElement(
    0x30,
    concatBytes(
      encodeUnsignedInteger(1n),
      encodeElement(0x04, d),
      encodeElement(0xa0, encodeOid('1.2.156.10197.1.301')),
      encodeElement(0xa1, encodeElement(0x03, concatBytes(Uint8Array.of(0), pub))),
    ),
  )
}

/** Reads the private scalar that OpenSSL prints with `pkey -text`. */
function privateFromText(text: string): Uint8Array {
  const m = /priv:\s*([0-9a-f:\s]+?)\s*pub:/i.exec(text)
  const hex = (m?.[1] ?? '').replace(/[:\s]/g, '')
  return bigIntToBytes(BigInt('0x' + hex), 32)
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yrd-sm2-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('SM2 interoperability with OpenSSL 3 (distid 1234567812345678)', () => {
  it('verifies signatures made by openssl pkeyutl, and rejects them when altered', () => {
    for (let i = 0; i < 3; i++) {
      expect(
        openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:SM2', '-out', 'k.pem')
          .ok,
      ).toBe(true)
      expect(
        openssl('pkey', '-in', 'k.pem', '-pubout', '-outform', 'DER', '-out', 'pub.der').ok,
      ).toBe(true)
      const message = utf8(`message ${i} signed by OpenSSL`)
      writeFileSync(join(dir, 'msg.bin'), message)
      const signed = openssl(
        'pkeyutl',
        '-sign',
        '-rawin',
        '-digest',
        'sm3',
        '-inkey',
        'k.pem',
        '-pkeyopt',
        `distid:${ID}`,
        '-in',
        'msg.bin',
        '-out',
        'sig.der',
      )
      expect(signed.ok).toBe(true)
      const spki = new Uint8Array(readFileSync(join(dir, 'pub.der')))
      const sig = new Uint8Array(readFileSync(join(dir, 'sig.der')))
      expect(sm2Verify(spki, message, sig)).toBe(true)
      expect(sm2Verify(spki, utf8('tampered'), sig)).toBe(false)
      expect(sm2Verify(spki, message, sig, utf8('another id'))).toBe(false)
      const pair = decodeDerRs(sig)
      expect(pair).toBeDefined()
      if (pair === undefined) return
      const raw = concatBytes(bigIntToBytes(pair.r, 32), bigIntToBytes(pair.s, 32))
      expect(sm2Verify(spki, message, raw)).toBe(true)
      // The private key printed by OpenSSL yields the same public key as ours.
      const d = privateFromText(openssl('pkey', '-in', 'k.pem', '-text', '-noout').out)
      expect(toHex(encodeEcSpki('SM2', sm2PublicKeyFromPrivate(d)))).toBe(toHex(spki))
    }
  })

  it('verifies signatures made by openssl dgst -sm3 -sigopt distid', () => {
    expect(
      openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:SM2', '-out', 'd.pem')
        .ok,
    ).toBe(true)
    expect(openssl('pkey', '-in', 'd.pem', '-pubout', '-outform', 'DER', '-out', 'd.der').ok).toBe(
      true,
    )
    const message = utf8('dgst-signed message')
    writeFileSync(join(dir, 'dm.bin'), message)
    const args = ['dgst', '-sm3', '-sign', 'd.pem', '-sigopt', `distid:${ID}`]
    expect(openssl(...args, '-out', 'dsig.der', 'dm.bin').ok).toBe(true)
    const spki = new Uint8Array(readFileSync(join(dir, 'd.der')))
    const sig = new Uint8Array(readFileSync(join(dir, 'dsig.der')))
    expect(sm2Verify(spki, message, sig)).toBe(true)
    expect(sm2Verify(spki, message, sig, new Uint8Array(0))).toBe(false)
  })

  it('produces signatures that openssl pkeyutl -verify accepts (and refuses when altered)', () => {
    const d = hash('SM3', utf8('interop key'))
    writeFileSync(join(dir, 'ours.der'), sec1PrivateKey(d))
    expect(
      openssl('pkey', '-inform', 'DER', '-in', 'ours.der', '-pubout', '-out', 'ours-pub.pem').ok,
    ).toBe(true)
    const message = utf8('signed by yrd-verify sm2Sign')
    writeFileSync(join(dir, 'm2.bin'), message)
    writeFileSync(join(dir, 'm2-bad.bin'), utf8('signed by yrd-verify sm2Sign!'))
    writeFileSync(join(dir, 's2.der'), sm2Sign(d, message))
    const verify = (file: string, id: string): boolean =>
      openssl(
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        'ours-pub.pem',
        '-rawin',
        '-digest',
        'sm3',
        '-pkeyopt',
        `distid:${id}`,
        '-in',
        file,
        '-sigfile',
        's2.der',
      ).ok
    expect(verify('m2.bin', ID)).toBe(true)
    expect(verify('m2-bad.bin', ID)).toBe(false)
    expect(verify('m2.bin', 'ALICE123@YAHOO.COM')).toBe(false)
  })
})

describe('SM2 interoperability with sm-crypto-v2', () => {
  const d = hash('SM3', utf8('sm-crypto-v2 key'))
  const pub = sm2PublicKeyFromPrivate(d)

  it('derives the same public key', () => {
    expect(smCrypto.getPublicKeyFromPrivateKey(toHex(d))).toBe(toHex(pub))
  })

  it('verifies sm-crypto-v2 signatures (DER and raw)', () => {
    for (let i = 0; i < 5; i++) {
      const m = utf8(`sm-crypto-v2 message ${i}`)
      const der = fromHex(smCrypto.doSignature(m, toHex(d), { hash: true, der: true }))
      const raw = fromHex(smCrypto.doSignature(m, toHex(d), { hash: true, der: false }))
      expect(sm2Verify(pub, m, der)).toBe(true)
      expect(sm2Verify(pub, m, raw)).toBe(true)
      expect(sm2Verify(pub, utf8('other'), der)).toBe(false)
    }
  })

  it('makes signatures sm-crypto-v2 accepts, and agrees on rejections', () => {
    for (let i = 0; i < 5; i++) {
      const m = utf8(`yrd message ${i}`)
      const der = toHex(sm2Sign(d, m))
      const raw = toHex(sm2Sign(d, m, { der: false }))
      expect(smCrypto.doVerifySignature(m, der, toHex(pub), { hash: true, der: true })).toBe(true)
      expect(smCrypto.doVerifySignature(m, raw, toHex(pub), { hash: true, der: false })).toBe(true)
      expect(
        smCrypto.doVerifySignature(utf8('x'), der, toHex(pub), { hash: true, der: true }),
      ).toBe(false)
    }
  })

  it('rejects s = n like the textbook algorithm', () => {
    const m = utf8('range')
    const sig = sm2Sign(d, m, { der: false })
    const bad = concatBytes(sig.subarray(0, 32), bigIntToBytes(SM2_CURVE.n, 32))
    expect(sm2Verify(pub, m, bad)).toBe(false)
  })
})

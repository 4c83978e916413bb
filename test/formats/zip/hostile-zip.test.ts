import { deflateSync, strToU8, zipSync } from 'fflate'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FormatError, LimitError } from '../../../src/errors.js'
import { readZip } from '../../../src/formats/zip/read-zip.js'
import { expectCode } from './expect-error.js'
import { buildZip } from './zip-builder.js'
import { SHARED } from '../../shared-dir.js'

const bytesOf = (s: string) => strToU8(s)
const readAll = (bytes: Uint8Array) => {
  const zip = readZip(bytes)
  for (const n of zip.names) zip.read(n)
}

describe('readZip refuses hostile archives quickly with a typed error', () => {
  const zeros = new Uint8Array(20 * 1024 * 1024)
  const bomb = deflateSync(zeros, { level: 9 })

  it('refuses a zip bomb by its declared compression ratio before inflating', () => {
    const bytes = buildZip([{ name: 'bomb.bin', data: zeros, payload: bomb, method: 8 }])
    const e = expectCode(() => readZip(bytes), 'limit.zip.ratio')
    expect(e).toBeInstanceOf(LimitError)
  })

  it('allows a high ratio up to the 1 MB threshold, and any ratio under a raised limit', () => {
    const mb = new Uint8Array(1024 * 1024)
    const small = buildZip([{ name: 'ok.bin', data: mb, method: 8 }])
    expect(readZip(small).read('ok.bin')).toEqual(mb)
    const big = buildZip([{ name: 'big.bin', data: zeros, payload: bomb, method: 8 }])
    expect(readZip(big, { maxRatio: 100_000 }).read('big.bin').length).toBe(zeros.length)
  })

  it('stops a bomb that lies about its size as soon as output passes the declared size', () => {
    const bytes = buildZip([{ name: 'liar.bin', data: zeros, payload: bomb, method: 8, size: 10 }])
    const zip = readZip(bytes)
    expectCode(() => zip.read('liar.bin'), 'format.zip.size-mismatch')
  })

  it('refuses entries and totals above the size limits', () => {
    const data = new Uint8Array(4096)
    const one = buildZip([{ name: 'a', data }])
    expectCode(() => readZip(one, { maxEntrySize: 4095 }), 'limit.zip.entry-size')
    const two = buildZip([
      { name: 'a', data },
      { name: 'b', data },
    ])
    expectCode(() => readZip(two, { maxTotalSize: 8000 }), 'limit.zip.total-size')
  })

  it('refuses 100 000 entries from the entry count, before reading them', () => {
    const entries = Array.from({ length: 100_000 }, (_, i) => ({ name: `f${i}` }))
    const bytes = buildZip(entries)
    expectCode(() => readZip(bytes), 'limit.zip.entry-count')
  })

  it.each([
    ['../x', 'parent segment'],
    ['a/../../x', 'nested parent segment'],
    ['/abs', 'absolute path'],
    ['C:\\x', 'drive letter and backslash'],
    ['C:/x', 'drive letter'],
    ['a\\b', 'backslash'],
    ['a\u0000b', 'NUL'],
    ['a//b', 'empty segment'],
    ['./a', 'dot segment'],
  ])('refuses the name %j (%s)', (name) => {
    expectCode(() => readZip(buildZip([{ name, data: bytesOf('x') }])), 'format.zip.unsafe-name')
  })

  it('refuses an over-long name and an over-deep path', () => {
    const long = 'a'.repeat(600)
    expectCode(() => readZip(buildZip([{ name: long }])), 'limit.zip.name-length')
    const deep = Array.from({ length: 40 }, () => 'd').join('/')
    expectCode(() => readZip(buildZip([{ name: deep }])), 'limit.zip.name-depth')
  })

  it('refuses duplicate names, exact and after case or Unicode folding', () => {
    const x = bytesOf('x')
    const twice = buildZip([
      { name: 'OFD.xml', data: x },
      { name: 'OFD.xml', data: x },
    ])
    expectCode(() => readZip(twice), 'format.zip.duplicate-name')
    const cased = buildZip([
      { name: 'OFD.xml', data: x },
      { name: 'ofd.XML', data: x },
    ])
    expectCode(() => readZip(cased), 'format.zip.colliding-name')
    const nfd = buildZip([
      { name: 'caf\u00e9', data: x },
      { name: 'cafe\u0301', data: x },
    ])
    expectCode(() => readZip(nfd), 'format.zip.colliding-name')
    const dirAndFile = buildZip([{ name: 'a/' }, { name: 'a', data: x }])
    expectCode(() => readZip(dirAndFile), 'format.zip.colliding-name')
  })

  it('refuses overlapping entries', () => {
    const inner = buildZip([{ name: 'b', data: bytesOf('inner') }])
    const innerLocal = inner.subarray(0, 30 + 1 + 5)
    const bytes = buildZip([
      { name: 'a', data: innerLocal },
      { name: 'b', data: bytesOf('inner'), offset: 30 + 1 },
    ])
    expectCode(() => readZip(bytes), 'format.zip.overlap')
  })

  it('refuses a central header whose local header disagrees', () => {
    const renamed = buildZip([{ name: 'a.xml', localName: 'b.xml', data: bytesOf('x') }])
    expectCode(() => readZip(renamed), 'format.zip.local-header')
    const moved = buildZip([{ name: 'a.xml', data: bytesOf('x'), offset: 7 }])
    expectCode(() => readZip(moved), 'format.zip.local-header')
    const outside = buildZip([{ name: 'a.xml', data: bytesOf('x'), offset: 0x7fffffff }])
    expectCode(() => readZip(outside), 'format.zip.local-header')
  })

  it('detects a bad CRC-32 when the entry is read', () => {
    const bytes = buildZip([{ name: 'a', data: bytesOf('payload'), crc: 0x12345678 }])
    const zip = readZip(bytes)
    expectCode(() => zip.read('a'), 'format.zip.crc')
  })

  it('refuses encryption, unknown methods, symlinks and stored size mismatches', () => {
    const x = bytesOf('x')
    expectCode(() => readZip(buildZip([{ name: 'e', data: x, flags: 1 }])), 'format.zip.encrypted')
    expectCode(() => readZip(buildZip([{ name: 'm', data: x, method: 12 }])), 'format.zip.method')
    const link = buildZip([{ name: 'l', data: bytesOf('/etc/passwd'), unixMode: 0o120777 }])
    expectCode(() => readZip(link), 'format.zip.symlink')
    const stored = buildZip([{ name: 's', data: x, size: 2 }])
    expectCode(() => readZip(stored), 'format.zip.sizes')
  })

  it('refuses a corrupt deflate stream', () => {
    const bytes = buildZip([{ name: 'c', data: bytesOf('abc'), method: 8, payload: bytesOf('??') }])
    const zip = readZip(bytes)
    const e = expectCode(() => zip.read('c'), 'format.zip')
    expect(['format.zip.deflate', 'format.zip.size-mismatch']).toContain(e.code)
  })

  it('refuses truncated archives, trailing junk and random bytes', () => {
    const real = readFileSync(`${SHARED}/samples/ofd/ofdrw-test-v4.ofd`)
    for (const cut of [0, 10, 21, real.length >> 1, real.length - 1]) {
      expectCode(() => readAll(real.subarray(0, cut)), 'format.zip')
    }
    const trailing = buildZip([{ name: 'a', data: bytesOf('x') }], { trailing: bytesOf('junk') })
    expectCode(() => readZip(trailing), 'format.zip.no-eocd')
    let seed = 12345
    for (let i = 0; i < 50; i++) {
      const junk = new Uint8Array(64 + i * 37).map(() => {
        seed = (seed * 1103515245 + 12345) >>> 0
        return seed >>> 24
      })
      expectCode(() => readAll(junk), 'format.zip')
    }
  })

  it('refuses a second plausible end record forged inside the comment', () => {
    const inner = buildZip([{ name: 'evil', data: bytesOf('x') }])
    const fake = inner.subarray(inner.length - 22)
    const comment = String.fromCharCode(...fake)
    const bytes = buildZip([{ name: 'good', data: bytesOf('y') }], { comment })
    expectCode(() => readZip(bytes), 'format.zip.ambiguous-eocd')
  })

  it('refuses central-directory bytes beyond the declared entries', () => {
    const bytes = zipSync({ a: bytesOf('x'), b: bytesOf('y') })
    const v = new DataView(bytes.buffer, bytes.byteOffset)
    const eocd = bytes.length - 22
    v.setUint16(eocd + 8, 1, true)
    v.setUint16(eocd + 10, 1, true)
    expectCode(() => readZip(bytes), 'format.zip.cd-size')
  })

  it('refuses a central directory that does not end where the end record begins', () => {
    const bytes = zipSync({ a: bytesOf('x') })
    const v = new DataView(bytes.buffer, bytes.byteOffset)
    const eocd = bytes.length - 22
    v.setUint32(eocd + 16, v.getUint32(eocd + 16, true) + 1, true)
    expectCode(() => readZip(bytes), 'format.zip.cd-position')
  })

  it('only ever throws FormatError or LimitError on corrupted copies of a real archive', () => {
    const real = readFileSync(`${SHARED}/samples/ofd/zj-tax-invoice-v4.ofd`)
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0)
    for (let i = 0; i < 300; i++) {
      const copy = real.slice()
      for (let k = 0; k < 1 + (i % 4); k++) copy[next() % copy.length] = next() & 0xff
      try {
        readAll(copy)
      } catch (error) {
        expect(error instanceof FormatError || error instanceof LimitError).toBe(true)
      }
    }
  })
})

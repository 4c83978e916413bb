import { readFileSync } from 'node:fs'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { crc32 } from '../../../src/formats/zip/crc32.js'
import { readZip } from '../../../src/formats/zip/read-zip.js'
import { buildZip } from './zip-builder.js'
import { SHARED } from '../../shared-dir.js'

const SAMPLES = `${SHARED}/samples/ofd/`

describe('readZip on well-formed archives', () => {
  it('computes CRC-32 like zlib', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926)
    expect(crc32(new Uint8Array(0))).toBe(0)
  })

  it('reads stored and deflated entries written by fflate, lazily and repeatedly', () => {
    const text = strToU8('hello '.repeat(1000))
    const bytes = zipSync({
      'a.txt': [text, { level: 0 }],
      'dir/b.txt': [text, { level: 9 }],
      'empty/': new Uint8Array(0),
    })
    const zip = readZip(bytes)
    expect(zip.names).toEqual(['a.txt', 'dir/b.txt'])
    expect(zip.entries.get('a.txt')?.method).toBe('stored')
    expect(zip.entries.get('dir/b.txt')?.method).toBe('deflate')
    expect(zip.entries.get('dir/b.txt')?.size).toBe(text.length)
    expect(zip.read('dir/b.txt')).toEqual(text)
    expect(zip.read('dir/b.txt')).toEqual(text)
    expect(zip.read('a.txt')).toEqual(text)
    expect(zip.has('empty/')).toBe(false)
  })

  it('throws format.zip.not-found for a name that is not there', () => {
    const zip = readZip(zipSync({ 'a.txt': strToU8('x') }))
    expect(() => zip.read('b.txt')).toThrow(
      expect.objectContaining({ code: 'format.zip.not-found' }),
    )
  })

  it('reads the two real OFD packages and every entry in them', () => {
    const zj = readZip(readFileSync(SAMPLES + 'zj-tax-invoice-v4.ofd'))
    expect(zj.names).toHaveLength(16)
    expect(new TextDecoder().decode(zj.read('OFD.xml'))).toContain('ofd:DocBody')
    const rw = readZip(readFileSync(SAMPLES + 'ofdrw-test-v4.ofd'))
    expect(rw.names).toContain('Doc_0/Signs/Sign_0/Seal.esl')
    for (const n of rw.names) expect(rw.read(n).length).toBe(rw.entries.get(n)?.size)
  })

  it('reads ZIP64 archives (end records and per-entry extra fields)', () => {
    const data = strToU8('zip64 content')
    const bytes = buildZip([{ name: 'a.txt', data, method: 8, zip64: true }], { zip64End: true })
    const zip = readZip(bytes)
    expect(zip.read('a.txt')).toEqual(data)
  })

  it('accepts a data descriptor entry whose local header has zero sizes', () => {
    const data = strToU8('described')
    const bytes = buildZip([{ name: 'd.txt', data, flags: 0x0008 }])
    // Zero the local CRC and sizes (offsets 14..25), as streaming writers leave them.
    bytes.fill(0, 14, 26)
    expect(readZip(bytes).read('d.txt')).toEqual(data)
  })

  it('accepts an archive comment', () => {
    const bytes = buildZip([{ name: 'a', data: strToU8('1') }], { comment: 'PK\u0005\u0006 note' })
    expect(readZip(bytes).read('a')).toEqual(strToU8('1'))
  })

  it('accepts folder entries and non-ASCII UTF-8 names', () => {
    const bytes = buildZip([{ name: '文件夹/' }, { name: '文件夹/印章.esl', data: strToU8('s') }])
    expect(readZip(bytes).names).toEqual(['文件夹/印章.esl'])
  })
})

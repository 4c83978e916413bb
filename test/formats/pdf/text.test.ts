import { describe, expect, it } from 'vitest'
import { decodeTextString } from '../../../src/formats/pdf/index.js'

const bytes = (...b: number[]) => Uint8Array.from(b)

describe('decodeTextString', () => {
  it('UTF-16BE with BOM, UTF-8 with BOM, and single-byte text', () => {
    expect(decodeTextString(bytes(0xfe, 0xff, 0x4e, 0x2d, 0x65, 0x87))).toBe('中文')
    expect(decodeTextString(bytes(0xef, 0xbb, 0xbf, 0xe4, 0xb8, 0xad))).toBe('中')
    expect(decodeTextString(bytes(0x41, 0x42))).toBe('AB')
  })

  it('reads single-byte text as PDFDocEncoding, not Latin-1 or windows-1252', () => {
    // Accents below the space, punctuation and letters from 0x80, the euro sign at 0xA0.
    expect(decodeTextString(bytes(0x18, 0x19, 0x1f))).toBe('\u02d8\u02c7\u02dc')
    expect(decodeTextString(bytes(0x41, 0x80, 0x8d, 0x8e, 0x93, 0x9e, 0xa0))).toBe('A•“”ﬁž€')
    // Latin-1 where the two agree, and the bytes PDFDocEncoding leaves undefined as they are.
    expect(decodeTextString(bytes(0xe9, 0xff, 0x7f, 0x9f, 0xad))).toBe('éÿ\u007f\u009f\u00ad')
    // A long run of plain bytes before the first one that differs.
    const long = [...'Field name '.repeat(5)].map((c) => c.charCodeAt(0))
    expect(decodeTextString(bytes(...long, 0x84))).toBe(`${'Field name '.repeat(5)}—`)
  })

  it('keeps an unpaired UTF-16 surrogate (no replacement character)', () => {
    expect(decodeTextString(bytes(0xfe, 0xff, 0xd8, 0x00, 0x00, 0x4e))).toBe('\ud800N')
  })
})

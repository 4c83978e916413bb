import { describe, expect, it } from 'vitest'
import { decodeTextString } from '../../../src/formats/pdf/index.js'

describe('decodeTextString', () => {
  it('UTF-16BE with BOM, UTF-8 with BOM, and single-byte text', () => {
    expect(decodeTextString(Uint8Array.from([0xfe, 0xff, 0x4e, 0x2d, 0x65, 0x87]))).toBe('中文')
    expect(decodeTextString(Uint8Array.from([0xef, 0xbb, 0xbf, 0xe4, 0xb8, 0xad]))).toBe('中')
    expect(decodeTextString(Uint8Array.from([0x41, 0x42]))).toBe('AB')
  })
})

import { describe, expect, it } from 'vitest'
import { decodeBase64 } from '../../src/registry/base64.js'

describe('decodeBase64 (canonical padded base64 only)', () => {
  it('decodes canonical text', () => {
    expect(decodeBase64('')).toEqual(new Uint8Array())
    expect(decodeBase64('QQ==')).toEqual(Uint8Array.of(0x41))
    expect(decodeBase64('QUI=')).toEqual(Uint8Array.of(0x41, 0x42))
    expect(decodeBase64('+/+/')).toEqual(Uint8Array.of(0xfb, 0xff, 0xbf))
  })

  it('refuses every other spelling', () => {
    for (const bad of ['QQ', 'QR==', 'QUJ=', 'QU I=', 'QUI=\n', '-_-_', 'Q===', '====', 'QQ=A']) {
      expect(decodeBase64(bad), JSON.stringify(bad)).toBeUndefined()
    }
  })
})

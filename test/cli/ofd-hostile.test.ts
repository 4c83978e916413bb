import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { installNodeCrypto, verify } from '../../src/node.js'

const enc = (s: string) => new TextEncoder().encode(s)

function ofdWith(ofdXml: string): Uint8Array {
  return zipSync({ 'OFD.xml': enc(ofdXml), 'Doc_0/Document.xml': enc('<ofd:Document/>') })
}

const cases: [string, () => Uint8Array][] = [
  [
    '100 000 entries',
    () => {
      const files: Record<string, Uint8Array> = { 'OFD.xml': enc('<x/>') }
      for (let i = 0; i < 100_000; i++) files[`f/${i}`] = new Uint8Array(0)
      return zipSync(files, { level: 0 })
    },
  ],
  ['a traversal name', () => zipSync({ 'OFD.xml': enc('<x/>'), '../evil.xml': enc('<x/>') })],
  ['an absolute name', () => zipSync({ 'OFD.xml': enc('<x/>'), '/etc/evil.xml': enc('<x/>') })],
  ['a zip bomb', () => zipSync({ 'OFD.xml': new Uint8Array(300 * 1024 * 1024) }, { level: 9 })],
  ['deeply nested XML', () => ofdWith('<a>'.repeat(10_000) + '</a>'.repeat(10_000))],
  [
    'XML entity expansion (billion laughs)',
    () =>
      ofdWith(
        '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">' +
          '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>' +
          '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016">&c;</ofd:OFD>',
      ),
  ],
]

describe('hostile OFD packages are refused quickly with FORMAT_FAILURE', () => {
  for (const [name, make] of cases) {
    it(name, async () => {
      installNodeCrypto()
      const bytes = make()
      const start = performance.now()
      const v = await verify(bytes)
      const ms = performance.now() - start
      expect([v.kind, v.status, v.subIndication]).toEqual(['ofd', 'rejected', 'FORMAT_FAILURE'])
      expect(v.checks.find((c) => c.code === 'input.format')!.message.length).toBeGreaterThan(10)
      expect(ms).toBeLessThan(2000)
    })
  }
})

import { describe, expect, it } from 'vitest'
import type { Certificate } from '../../../src/pki/certificate.js'
import type { GeneralName } from '../../../src/pki/general-name.js'
import { parseName } from '../../../src/pki/name.js'
import {
  addNameConstraints,
  checkNameConstraints,
  NO_NAME_CONSTRAINTS,
} from '../../../src/pki/path/name-constraints.js'
import { seq, set, oid, utf8, tlv } from './helpers/der.js'

const emptySubject = parseName(seq())

function certWith(names: GeneralName[], subject = emptySubject): Certificate {
  return { subject, subjectAltNames: names } as unknown as Certificate
}

function permitted(...bases: GeneralName[]) {
  return addNameConstraints(NO_NAME_CONSTRAINTS, {
    permitted: bases.map((base) => ({ base, minimum: 0 })),
  })
}

function excluded(...bases: GeneralName[]) {
  return addNameConstraints(NO_NAME_CONSTRAINTS, {
    excluded: bases.map((base) => ({ base, minimum: 0 })),
  })
}

const ip = (...b: number[]): GeneralName => ({ kind: 'ip', value: Uint8Array.from(b) })

describe('name constraints matching', () => {
  it('matches dNS names by whole labels', () => {
    const st = permitted({ kind: 'dns', value: 'gov.cn' })
    expect(checkNameConstraints(st, certWith([{ kind: 'dns', value: 'a.GOV.cn' }]))).toBeUndefined()
    expect(checkNameConstraints(st, certWith([{ kind: 'dns', value: 'gov.cn' }]))).toBeUndefined()
    expect(checkNameConstraints(st, certWith([{ kind: 'dns', value: 'evilgov.cn' }]))).toMatch(
      /outside/,
    )
  })

  it('matches rfc822 mailboxes, hosts and domains', () => {
    const host = permitted({ kind: 'email', value: 'sh.gov.cn' })
    const domain = permitted({ kind: 'email', value: '.gov.cn' })
    const box = permitted({ kind: 'email', value: 'clerk@sh.gov.cn' })
    const a = certWith([{ kind: 'email', value: 'x@sh.gov.cn' }])
    const b = certWith([{ kind: 'email', value: 'x@js.gov.cn' }])
    expect(checkNameConstraints(host, a)).toBeUndefined()
    expect(checkNameConstraints(host, b)).toBeDefined()
    expect(checkNameConstraints(domain, b)).toBeUndefined()
    expect(checkNameConstraints(box, a)).toBeDefined()
    expect(
      checkNameConstraints(box, certWith([{ kind: 'email', value: 'clerk@SH.gov.cn' }])),
    ).toBeUndefined()
  })

  it('matches URI hosts', () => {
    const st = permitted({ kind: 'uri', value: '.gov.cn' })
    expect(
      checkNameConstraints(st, certWith([{ kind: 'uri', value: 'https://a.gov.cn/x' }])),
    ).toBeUndefined()
    expect(
      checkNameConstraints(st, certWith([{ kind: 'uri', value: 'https://gov.cn.evil/' }])),
    ).toBeDefined()
    expect(checkNameConstraints(st, certWith([{ kind: 'uri', value: 'urn:x:y' }]))).toBeDefined()
  })

  it('matches IP addresses with a mask', () => {
    const st = permitted(ip(10, 1, 0, 0, 255, 255, 0, 0))
    expect(checkNameConstraints(st, certWith([ip(10, 1, 2, 3)]))).toBeUndefined()
    expect(checkNameConstraints(st, certWith([ip(10, 2, 2, 3)]))).toBeDefined()
    expect(
      checkNameConstraints(excluded(ip(10, 1, 0, 0, 255, 255, 0, 0)), certWith([ip(10, 1, 9, 9)])),
    ).toMatch(/excluded/)
  })

  it('checks the emailAddress attribute of the subject as an rfc822 name', () => {
    const subject = parseName(
      seq(set(seq(oid('1.2.840.113549.1.9.1'), tlv(0x16, new TextEncoder().encode('a@b.com'))))),
    )
    const st = permitted({ kind: 'email', value: 'gov.cn' })
    expect(checkNameConstraints(st, certWith([], subject))).toMatch(/email/)
  })

  it('intersects permitted sets of successive certificates', () => {
    const dn = (o: string) => parseName(seq(set(seq(oid('2.5.4.10'), utf8(o)))))
    const subject = parseName(
      seq(set(seq(oid('2.5.4.10'), utf8('Shanghai'))), set(seq(oid('2.5.4.3'), utf8('Leaf')))),
    )
    const one = permitted({ kind: 'directory', value: dn('Shanghai') })
    expect(checkNameConstraints(one, certWith([], subject))).toBeUndefined()
    const two = addNameConstraints(one, {
      permitted: [{ base: { kind: 'directory', value: dn('Jiangsu') }, minimum: 0 }],
    })
    expect(checkNameConstraints(two, certWith([], subject))).toMatch(/directory/)
  })
})

import { describe, expect, it } from 'vitest'
import { candidatePaths, folderOf } from '../../../src/formats/ofd/paths.js'
import { parseBox, resolveOfdPath } from '../../../src/formats/ofd/index.js'
import { expectCode } from '../zip/expect-error.js'

describe('OFD path resolution', () => {
  it('resolves absolute paths from the root and relative ones from the base folder', () => {
    expect(resolveOfdPath('/Doc_0/Document.xml', 'Doc_0/Signs')).toBe('Doc_0/Document.xml')
    expect(resolveOfdPath('Sign_0/Signature.xml', 'Doc_0/Signs')).toBe(
      'Doc_0/Signs/Sign_0/Signature.xml',
    )
    expect(resolveOfdPath('../Pages/./Page_0//Content.xml', 'Doc_0/Signs')).toBe(
      'Doc_0/Pages/Page_0/Content.xml',
    )
    expect(resolveOfdPath(' Doc_0/Document.xml ', '')).toBe('Doc_0/Document.xml')
    expect(folderOf('Doc_0/Signs/Signatures.xml')).toBe('Doc_0/Signs')
    expect(folderOf('OFD.xml')).toBe('')
  })

  it.each(['../x', '/../x', 'a/../../x', '../../../../etc/passwd'])('refuses escape %j', (p) => {
    expectCode(() => resolveOfdPath(p, ''), 'format.ofd.path-escape')
  })

  it.each(['', '   ', 'a\\b', 'C:/x', 'file:///x', 'a\u0000b', '/', '.'])('refuses %j', (p) => {
    expectCode(() => resolveOfdPath(p, ''), 'format.ofd.path')
  })

  it('offers the root as a second candidate for relative paths only when it differs', () => {
    expect(candidatePaths('Doc_0/a.xml', 'Doc_0/Signs')).toEqual([
      'Doc_0/Signs/Doc_0/a.xml',
      'Doc_0/a.xml',
    ])
    expect(candidatePaths('/a.xml', 'Doc_0')).toEqual(['a.xml'])
    expect(candidatePaths('a.xml', '')).toEqual(['a.xml'])
    expect(candidatePaths('../a.xml', 'Doc_0')).toEqual(['a.xml'])
  })
})

describe('parseBox', () => {
  it('reads four numbers in millimetres', () => {
    expect(parseBox('90.00 8.00 30.00 20.00')).toEqual({ x: 90, y: 8, width: 30, height: 20 })
    expect(parseBox(' -1.5\t2e1 .5 0 ')).toEqual({ x: -1.5, y: 20, width: 0.5, height: 0 })
  })

  it.each([null, '', '1 2 3', '1 2 3 4 5', '1 2 x 4', '1 2 -3 4', '1 2 3 Infinity', '0x1 2 3 4'])(
    'returns null for %j',
    (text) => {
      expect(parseBox(text)).toBeNull()
    },
  )
})

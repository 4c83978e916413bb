import { describe, expect, it } from 'vitest'
import { readOfd } from '../../../src/formats/ofd/index.js'
import { editText, makeOfdFiles, zipFiles } from './ofd-builder.js'

describe('readOfd DocInfo custom data', () => {
  it('reads the CustomData pairs', () => {
    const info = readOfd(zipFiles(makeOfdFiles())).documents[0]!.docInfo!
    expect(info.customData).toEqual([{ name: '证照编号', value: 'X1' }])
  })

  it('also reads the misspelt CuslomData some licence producers write', () => {
    const files = makeOfdFiles()
    editText(
      files,
      'OFD.xml',
      '</ofd:CustomDatas>',
      '<ofd:CuslomData Name="ZZBS">1.2.156</ofd:CuslomData></ofd:CustomDatas>',
    )
    const info = readOfd(zipFiles(files)).documents[0]!.docInfo!
    expect(info.customData).toEqual([
      { name: '证照编号', value: 'X1' },
      { name: 'ZZBS', value: '1.2.156' },
    ])
  })
})

/**
 * Test helper: small synthetic OFD packages (one page, one signature) whose XML can be
 * edited as text before zipping, and repacking of real samples with edits.
 */
import { strToU8, unzipSync, zipSync } from 'fflate'
import { hash } from '../../../src/crypto/hash.js'

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64')

/** Files of a package as text or bytes, by path. */
export type PackageFiles = Record<string, Uint8Array>

/** Options for {@link makeOfdFiles}. */
export interface MiniOfdOptions {
  /** BaseLoc of the signature in Signatures.xml. */
  signatureBaseLoc?: string
  /**
   * FileRefs to write: an absolute path, or a relative one with the package path whose
   * digest to write as its CheckValue.
   */
  fileRefs?: (string | { ref: string; target: string })[]
  checkMethod?: string | null
  hashName?: 'SM3' | 'SHA-256'
  stamp?: string
  type?: string
}

const PAGE = 'Doc_0/Pages/Page_0/Content.xml'
const page = HEAD + `<ofd:Page ${NS}><ofd:Content/></ofd:Page>`
const documentXml =
  HEAD +
  `<ofd:Document ${NS}><ofd:Pages><ofd:Page ID="7" BaseLoc="Pages/Page_0/Content.xml"/>` +
  '</ofd:Pages></ofd:Document>'
const ofdXml =
  HEAD +
  `<ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>` +
  '<ofd:Title>营业执照</ofd:Title><ofd:CustomDatas><ofd:CustomData Name="证照编号">X1' +
  '</ofd:CustomData></ofd:CustomDatas></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml' +
  '</ofd:DocRoot><ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures></ofd:DocBody>' +
  '</ofd:OFD>'

/** Builds the files of a one-page, one-signature package. */
export function makeOfdFiles(options: MiniOfdOptions = {}): PackageFiles {
  const files: PackageFiles = {
    'OFD.xml': strToU8(ofdXml),
    'Doc_0/Document.xml': strToU8(documentXml),
    [PAGE]: strToU8(page),
    'Doc_0/Signs/Sign_0/SignedValue.dat': new Uint8Array([0x30, 0x00]),
  }
  const refs = options.fileRefs ?? ['/OFD.xml', '/Doc_0/Document.xml', '/' + PAGE]
  const hashName = options.hashName ?? 'SM3'
  const refXml = refs
    .map((item) => {
      const ref = typeof item === 'string' ? item : item.ref
      const target = typeof item === 'string' ? item.slice(1) : item.target
      const bytes = files[target] ?? new Uint8Array(0)
      return (
        `<ofd:Reference FileRef="${ref}"><ofd:CheckValue>${b64(hash(hashName, bytes))}` +
        '</ofd:CheckValue></ofd:Reference>'
      )
    })
    .join('')
  const method = options.checkMethod === undefined ? '1.2.156.10197.1.401' : options.checkMethod
  const methodAttr = method === null ? '' : ` CheckMethod="${method}"`
  const stamp = options.stamp ?? '<ofd:StampAnnot ID="1" PageRef="7" Boundary="10 20 40 40"/>'
  files['Doc_0/Signs/Sign_0/Signature.xml'] = strToU8(
    HEAD +
      `<ofd:Signature ${NS}><ofd:SignedInfo><ofd:Provider ProviderName="p" Version="1"/>` +
      '<ofd:SignatureMethod>1.2.156.10197.1.501</ofd:SignatureMethod>' +
      `<ofd:References${methodAttr}>${refXml}</ofd:References>${stamp}</ofd:SignedInfo>` +
      '<ofd:SignedValue>SignedValue.dat</ofd:SignedValue></ofd:Signature>',
  )
  const type = options.type === undefined ? '' : ` Type="${options.type}"`
  files['Doc_0/Signs/Signatures.xml'] = strToU8(
    HEAD +
      `<ofd:Signatures ${NS}><ofd:MaxSignId>1</ofd:MaxSignId><ofd:Signature ID="1"${type} ` +
      `BaseLoc="${options.signatureBaseLoc ?? 'Sign_0/Signature.xml'}"/></ofd:Signatures>`,
  )
  return files
}

/** Zips package files. */
export function zipFiles(files: PackageFiles): Uint8Array {
  return zipSync(files)
}

/** Unzips `bytes`, lets `edit` change the files, and zips them again. */
export function repack(bytes: Uint8Array, edit: (files: PackageFiles) => void): Uint8Array {
  const files = unzipSync(bytes)
  for (const name of Object.keys(files)) if (name.endsWith('/')) delete files[name]
  edit(files)
  return zipSync(files)
}

/** Replaces text in a package file (which must contain it). */
export function editText(files: PackageFiles, path: string, from: string, to: string): void {
  const text = new TextDecoder().decode(files[path])
  if (!text.includes(from)) throw new Error(`${path} does not contain ${from}`)
  files[path] = strToU8(text.replace(from, to))
}

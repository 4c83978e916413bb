/**
 * `yrd-verify inspect FILE [--json] [--extract DIR]`: the structure of a supported input
 * (certificates, PKCS#7/PKCS#12, CMS, seals, seal signatures, OFD packages, JWS, PDFs).
 * It never decides
 * anything; a file that cannot be read or parsed prints its error and exits with 1.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readCertificateFile, sniffCertificateInput } from '../../formats/certificate/read.js'
import { readCmsFile } from '../../formats/cms/read.js'
import { sniffCms } from '../../formats/cms/sniff.js'
import { readJws } from '../../formats/licence/index.js'
import { readOfd } from '../../formats/ofd/index.js'
import { readPdf } from '../../formats/pdf/index.js'
import { parseSeal, parseSesSignature, sniffSes } from '../../formats/ses/index.js'
import { COMMON_OPTIONS, parse, type Options } from '../args.js'
import { readInput } from '../files.js'
import { Artifacts } from '../inspect/artifacts.js'
import { describeCms, describeCertificateFile } from '../inspect/describe-cms.js'
import { describeJws } from '../inspect/describe-jws.js'
import { describeOfd } from '../inspect/describe-ofd.js'
import { describePdf } from '../inspect/describe-pdf.js'
import { describeSeal, describeSesSignature } from '../inspect/describe-ses.js'
import { plain } from '../inspect/plain.js'
import { treeLines } from '../inspect/print-tree.js'
import { maskPersonal } from '../mask.js'
import { CliError, mapOutput, UsageError, type Output } from '../output.js'
import { PLAIN } from '../../shape.js'

export const INSPECT_HELP = `\
Usage: yrd-verify inspect FILE [--json] [--extract DIR] [--password PASS]

Shows the structure of a certificate file (PEM, DER, .p7b, .p12), a CMS signature, a GB/T 38540
seal (.esl) or seal signature, an OFD package, a JWS licence, or a PDF (revisions,
signatures, byte ranges): certificates (subject, issuer, serial,
validity, key, extensions), signers, seals (esID, name, type, validity, maker, certificate
list, picture), OFD signatures with their references and status, stamp annotations, DocInfo
and custom data (licence metadata), and files no signature protects.

  --json          print the structure as JSON (unmasked)
  --extract DIR   write the seal pictures and the certificates (PEM) into DIR
  --password P    password of a PKCS#12 file
  --unmask        show citizen ID and mobile numbers in full (masked by default)

Exit codes: 0 shown, 1 the file is not a supported structure, 3 usage or unreadable.`

const INSPECT_OPTIONS = {
  ...PLAIN,
  ...COMMON_OPTIONS,
  extract: { type: 'string' },
  password: { type: 'string' },
} as const satisfies Options

/** The structure of `bytes`, by what its content looks like. */
async function describe(bytes: Uint8Array, artifacts: Artifacts, password?: string) {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  if (head.includes('%PDF-')) return { kind: 'pdf', ...describePdf(readPdf(bytes), artifacts) }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return { kind: 'ofd', ...describeOfd(readOfd(bytes), artifacts) }
  }
  if (sniffCertificateInput(bytes)) {
    const e = await readCertificateFile(bytes, password !== undefined ? { password } : {})
    return { kind: 'certificate', ...describeCertificateFile(e, artifacts) }
  }
  if (sniffCms(bytes)) return { kind: 'cms', ...describeCms(readCmsFile(bytes), artifacts) }
  const ses = sniffSes(bytes)
  if (ses === 'seal') return { kind: 'seal', ...describeSeal(parseSeal(bytes), artifacts, 'seal') }
  if (ses === 'ses-signature') {
    const sig = parseSesSignature(bytes)
    return { kind: 'seal-signature', ...describeSesSignature(sig, artifacts, 'signature') }
  }
  const start = head.trimStart()
  if (start.startsWith('{') || start.startsWith('eyJ')) {
    return { kind: 'jws', ...describeJws(readJws(bytes), artifacts) }
  }
  throw new CliError('not a supported structure / 不是可识别的结构')
}

/** Runs `inspect` and returns the exit code. */
export async function runInspect(argv: string[], rawOut: Output): Promise<number> {
  const { values, positionals } = parse(argv, INSPECT_OPTIONS)
  if (values.help) {
    rawOut.out(INSPECT_HELP)
    return 0
  }
  if (positionals.length !== 1)
    throw new UsageError('inspect: give exactly one FILE / 需要一个文件')
  const file = positionals[0]!
  const out = values.unmask ? rawOut : mapOutput(rawOut, maskPersonal)
  const bytes = await readInput(file)
  const artifacts = new Artifacts()
  let info: unknown
  try {
    info = plain(await describe(bytes, artifacts, values.password))
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    const code = (e as { code?: unknown }).code
    if (values.json) {
      rawOut.out(JSON.stringify({ file, error: { code: code ?? null, message } }, null, 2))
    } else out.err(`yrd-verify: inspect: ${file}: ${message}`)
    return 1
  }
  if (values.extract !== undefined) await extract(values.extract, artifacts, out)
  if (values.json) rawOut.out(JSON.stringify({ file, ...(info as object) }, null, 2))
  else for (const line of [`file: ${file}`, ...treeLines(info)]) out.out(line)
  return 0
}

async function extract(dir: string, artifacts: Artifacts, out: Output): Promise<void> {
  try {
    await mkdir(dir, { recursive: true })
    for (const a of artifacts.items) {
      await writeFile(join(dir, a.name), a.data, { flag: 'wx' })
      out.err(`extracted ${join(dir, a.name)}`)
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error'
    throw new CliError(`${dir}: cannot extract (${code}) / 无法写出文件`)
  }
}

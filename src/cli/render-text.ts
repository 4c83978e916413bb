/**
 * Human-readable rendering of verdicts: one status line per input (its format is parsed by
 * other systems and stays as it is), the clerk's block under it for a recognised licence, and
 * every detail with -v.
 */
import type { Check, SealResult, SignatureResult, Status, Verdict } from '../verdict/types.js'
import type { Output } from './output.js'
import { recognisedLines } from './recognised-block.js'

type Lang = 'zh' | 'en'

const LABELS: Record<Status, { zh: string; en: string }> = {
  recognized: { zh: '予以互认', en: 'RECOGNIZED' },
  rejected: { zh: '不予互认', en: 'REJECTED' },
  indeterminate: { zh: '无法确定', en: 'INDETERMINATE' },
}

/** Labels of the -v lines. */
const WORDS = {
  kind: { zh: '输入类型', en: 'kind' },
  indication: { zh: '验证结论', en: 'indication' },
  time: { zh: '验证时间', en: 'time' },
  registry: { zh: '注册表', en: 'registry' },
  licence: { zh: '证照', en: 'licence' },
  type: { zh: '类型', en: 'type' },
  holder: { zh: '持证主体', en: 'holder' },
  issuer: { zh: '颁发机构', en: 'issuer' },
  issued: { zh: '颁发日期', en: 'issued' },
  valid: { zh: '有效期', en: 'valid' },
  certificate: { zh: '证书', en: 'certificate' },
  serial: { zh: '序列号', en: 'serial' },
  signature: { zh: '签名', en: 'signature' },
  signer: { zh: '签署者', en: 'signer' },
  claimed: { zh: '声称的签署时间', en: 'claimed signing time' },
  timestamp: { zh: '时间戳', en: 'time-stamp' },
  coverage: { zh: '覆盖范围', en: 'coverage' },
  chain: { zh: '证书链', en: 'chain' },
  seal: { zh: '印章', en: 'seal' },
  maker: { zh: '制章者', en: 'maker' },
  picture: { zh: '印章图像', en: 'picture' },
} as const

function statusLabel(out: Output, status: Status, lang: Lang): string {
  const text = `${LABELS[status][lang]} (${status})`
  if (status === 'recognized') return out.color.green(text)
  if (status === 'rejected') return out.color.red(text)
  return out.color.yellow(text)
}

/** The check of a seal signature that only summarises its embedded seal's own result. */
const SEAL_SUMMARY = 'ses.seal'

/**
 * The check that best explains a verdict: the first failed one whose sub-indication is the
 * verdict's, else the first failed one, else the first indeterminate one. A seal's own checks
 * come before the seal signature's summary of them, which says only the sub-indication.
 */
export function headline(v: Verdict): Check | undefined {
  const signatures = v.signatures.flatMap((c) => c.checks)
  const all = [
    ...v.checks,
    ...v.certificates.flatMap((c) => c.checks),
    ...signatures.filter((c) => c.code !== SEAL_SUMMARY),
    ...v.seals.flatMap((c) => c.checks),
    ...signatures.filter((c) => c.code === SEAL_SUMMARY),
  ]
  return (
    all.find((c) => c.status === 'failed' && c.subIndication === v.subIndication) ??
    all.find((c) => c.status === 'failed') ??
    all.find((c) => c.status === 'indeterminate')
  )
}

const MARK: Record<Check['status'], string> = {
  passed: '✔',
  failed: '✘',
  warning: '!',
  indeterminate: '?',
  skipped: '-',
}

function checkLine(out: Output, c: Check, indent: string): string {
  const mark = MARK[c.status]
  const colored =
    c.status === 'passed'
      ? out.color.green(mark)
      : c.status === 'failed'
        ? out.color.red(mark)
        : out.color.yellow(mark)
  const sub = c.subIndication ? ` [${c.subIndication}]` : ''
  return `${indent}${colored} ${c.code}${sub}: ${c.message}`
}

/** Prints one verdict: the status line, the block of a recognised licence, details with -v. */
export function renderVerdict(out: Output, v: Verdict, lang: Lang, verbose: boolean): void {
  const where = v.province ? `${v.province.name} ${v.province.code}` : '-'
  const sub = v.subIndication ? `  ${v.subIndication}` : ''
  const why = v.status === 'recognized' ? '' : `  ${headline(v)?.message ?? ''}`
  out.out(`${statusLabel(out, v.status, lang)}  ${v.file ?? ''}  ${where}${sub}${why}`.trimEnd())
  for (const line of recognisedLines(v, lang)) out.out(line)
  if (!verbose) return
  const w = (k: keyof typeof WORDS) => WORDS[k][lang]
  out.out(
    `  ${w('kind')}: ${v.kind ?? 'unknown'}  ${w('indication')}: ${v.indication}  ` +
      `${w('time')}: ${v.validationTime}`,
  )
  const test = v.registry.test ? ' (TEST)' : ''
  out.out(`  ${w('registry')}: ${v.registry.id} #${v.registry.sequence}${test}`)
  const l = v.licence
  if (l) {
    out.out(`  ${w('licence')} ${l.identifier ?? '-'}  ${w('type')} ${l.type ?? '-'}`)
    out.out(
      `    ${w('holder')} ${l.holder ?? '-'}  ${w('issuer')} ${l.issuer ?? '-'}  ` +
        `${w('issued')} ${l.issuedOn ?? '-'}`,
    )
    out.out(`    ${w('valid')} ${l.validFrom ?? '?'} .. ${l.validTo ?? '?'}`)
  }
  for (const c of v.checks) out.out(checkLine(out, c, '  '))
  for (const cert of v.certificates) {
    const province = cert.province ? `${cert.province.name} / ${cert.service?.name ?? ''}` : '-'
    out.out(`  ${w('certificate')} ${cert.subject}`)
    out.out(`    ${statusLabel(out, cert.status, lang)} ${cert.subIndication ?? ''}  ${province}`)
    out.out(`    ${w('serial')} ${cert.serialNumber}  sha256 ${cert.sha256}`)
    out.out(`    ${w('valid')} ${cert.notBefore ?? '?'} .. ${cert.notAfter ?? '?'}`)
    cert.chain.forEach((link, i) => out.out(`    ${w('chain')}[${i}] ${link.subject}`))
    for (const c of cert.checks) out.out(checkLine(out, c, '    '))
  }
  for (const sig of v.signatures) renderSignature(out, sig, lang)
  for (const seal of v.seals) renderSeal(out, seal, lang)
}

function renderSignature(out: Output, sig: SignatureResult, lang: Lang): void {
  const w = (k: keyof typeof WORDS) => WORDS[k][lang]
  const province = sig.province ? sig.province.name : '-'
  out.out(`  ${w('signature')} ${sig.id} (${sig.format})`)
  out.out(`    ${statusLabel(out, sig.status, lang)} ${sig.subIndication ?? ''}  ${province}`)
  if (sig.signer) out.out(`    ${w('signer')} ${sig.signer.subject}`)
  if (sig.signingTime) out.out(`    ${w('claimed')} ${sig.signingTime}`)
  if (sig.timestamp) out.out(`    ${w('timestamp')} ${sig.timestamp}`)
  if (sig.coverage) out.out(`    ${w('coverage')} ${sig.coverage}`)
  sig.chain?.forEach((link, i) => out.out(`    ${w('chain')}[${i}] ${link.subject}`))
  for (const c of sig.checks) out.out(checkLine(out, c, '    '))
}

function renderSeal(out: Output, seal: SealResult, lang: Lang): void {
  const w = (k: keyof typeof WORDS) => WORDS[k][lang]
  out.out(`  ${w('seal')} ${seal.esID} 「${seal.name}」 ${w('type')} ${seal.type}`)
  out.out(
    `    ${statusLabel(out, seal.status, lang)}  ${w('valid')} ${seal.validFrom} .. ` +
      `${seal.validTo}`,
  )
  if (seal.maker) out.out(`    ${w('maker')} ${seal.maker.subject}`)
  const p = seal.picture
  if (p) out.out(`    ${w('picture')} ${p.format} ${p.width}×${p.height} mm  sha256 ${p.sha256}`)
  for (const c of seal.checks) out.out(checkLine(out, c, '    '))
}

/**
 * Human-readable rendering of verdicts: one line per input by default, details with -v.
 */
import type { Check, SealResult, SignatureResult, Status, Verdict } from '../verdict/types.js'
import type { Output } from './output.js'

const LABELS: Record<Status, { zh: string; en: string }> = {
  recognized: { zh: '予以互认', en: 'RECOGNIZED' },
  rejected: { zh: '不予互认', en: 'REJECTED' },
  indeterminate: { zh: '无法确定', en: 'INDETERMINATE' },
}

function statusLabel(out: Output, status: Status, lang: 'zh' | 'en'): string {
  const text = `${LABELS[status][lang]} (${status})`
  if (status === 'recognized') return out.color.green(text)
  if (status === 'rejected') return out.color.red(text)
  return out.color.yellow(text)
}

/** The check that best explains a verdict: the first failed one, else indeterminate. */
export function headline(v: Verdict): Check | undefined {
  const all = [
    ...v.checks,
    ...v.certificates.flatMap((c) => c.checks),
    ...v.signatures.flatMap((c) => c.checks),
    ...v.seals.flatMap((c) => c.checks),
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

/** Prints one verdict. */
export function renderVerdict(out: Output, v: Verdict, lang: 'zh' | 'en', verbose: boolean): void {
  const where = v.province ? `${v.province.name} ${v.province.code}` : '-'
  const sub = v.subIndication ? `  ${v.subIndication}` : ''
  const why = v.status === 'recognized' ? '' : `  ${headline(v)?.message ?? ''}`
  out.out(`${statusLabel(out, v.status, lang)}  ${v.file ?? ''}  ${where}${sub}${why}`.trimEnd())
  if (!verbose) return
  out.out(`  kind: ${v.kind ?? 'unknown'}  indication: ${v.indication}  time: ${v.validationTime}`)
  out.out(`  registry: ${v.registry.id} #${v.registry.sequence}${v.registry.test ? ' (TEST)' : ''}`)
  const l = v.licence
  if (l) {
    out.out(`  licence ${l.identifier ?? '-'}  type ${l.type ?? '-'}`)
    out.out(`    holder ${l.holder ?? '-'}  issuer ${l.issuer ?? '-'}  issued ${l.issuedOn ?? '-'}`)
    out.out(`    valid ${l.validFrom ?? '?'} .. ${l.validTo ?? '?'}`)
  }
  for (const c of v.checks) out.out(checkLine(out, c, '  '))
  for (const cert of v.certificates) {
    const province = cert.province ? `${cert.province.name} / ${cert.service?.name ?? ''}` : '-'
    out.out(`  certificate ${cert.subject}`)
    out.out(`    ${statusLabel(out, cert.status, lang)} ${cert.subIndication ?? ''}  ${province}`)
    out.out(`    serial ${cert.serialNumber}  sha256 ${cert.sha256}`)
    out.out(`    valid ${cert.notBefore ?? '?'} .. ${cert.notAfter ?? '?'}`)
    cert.chain.forEach((link, i) => out.out(`    chain[${i}] ${link.subject}`))
    for (const c of cert.checks) out.out(checkLine(out, c, '    '))
  }
  for (const sig of v.signatures) renderSignature(out, sig, lang)
  for (const seal of v.seals) renderSeal(out, seal, lang)
}

function renderSignature(out: Output, sig: SignatureResult, lang: 'zh' | 'en'): void {
  const province = sig.province ? sig.province.name : '-'
  out.out(`  signature ${sig.id} (${sig.format})`)
  out.out(`    ${statusLabel(out, sig.status, lang)} ${sig.subIndication ?? ''}  ${province}`)
  if (sig.signer) out.out(`    signer ${sig.signer.subject}`)
  if (sig.signingTime) out.out(`    claimed signing time ${sig.signingTime}`)
  if (sig.timestamp) out.out(`    time-stamp ${sig.timestamp}`)
  if (sig.coverage) out.out(`    coverage ${sig.coverage}`)
  sig.chain?.forEach((link, i) => out.out(`    chain[${i}] ${link.subject}`))
  for (const c of sig.checks) out.out(checkLine(out, c, '    '))
}

function renderSeal(out: Output, seal: SealResult, lang: 'zh' | 'en'): void {
  out.out(`  seal ${seal.esID} 「${seal.name}」 type ${seal.type}`)
  out.out(`    ${statusLabel(out, seal.status, lang)}  valid ${seal.validFrom} .. ${seal.validTo}`)
  if (seal.maker) out.out(`    maker ${seal.maker.subject}`)
  const p = seal.picture
  if (p) out.out(`    picture ${p.format} ${p.width}×${p.height} mm  sha256 ${p.sha256}`)
  for (const c of seal.checks) out.out(checkLine(out, c, '    '))
}

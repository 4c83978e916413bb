/**
 * The self-contained HTML report of `verify --html` and `audit --html`: inline CSS, pictures
 * as data URIs, no script and no network; every text escaped and, unless unmasked, personal
 * numbers masked. Each document shows its verdict and reasons in Chinese and English, its
 * certificates, signatures and seals with chains and provinces, and the seal pictures side by
 * side (displayed and signed).
 */
import type {
  CertificateResult,
  CertificateSummary,
  Check,
  SealResult,
  SignatureResult,
  Verdict,
} from '../verdict/types.js'
import type { VerdictPicture } from '../verify.js'
import { badge, escapeHtml, pictureHtml, STYLE } from './html-parts.js'
import { maskPersonal } from './mask.js'
import { recognisedRows } from './recognised-block.js'
import { VERSION } from './version.js'
import type { FileResult } from './verify-file.js'

/** One audited fixture: what the manifest promises and what was found. */
export interface AuditRow {
  readonly file: string
  readonly expected: string
  readonly actual: string
  readonly ok: boolean
  readonly description?: { readonly zh: string; readonly en: string }
}

/** What a report shows. For an audit, `results[i]` belongs to `audit.rows[i]`. */
export interface HtmlReportInput {
  readonly kind: 'verify' | 'audit'
  readonly lang: 'zh' | 'en'
  readonly results: readonly FileResult[]
  readonly audit?: {
    readonly rows: readonly AuditRow[]
    readonly missing: readonly string[]
    readonly unlisted: readonly string[]
  }
}

type Text = (s: string | number | null | undefined) => string

/** Renders the whole report as one HTML document. */
export function renderHtml(input: HtmlReportInput, options: { unmask: boolean }): string {
  const t: Text = (s) => {
    const text = s === null || s === undefined ? '—' : String(s)
    return escapeHtml(options.unmask ? text : maskPersonal(text))
  }
  const title =
    input.kind === 'audit'
      ? '夹具审计报告 · Fixture audit report'
      : '验证报告 · Verification report'
  const docs = input.results.map((r, i) => documentHtml(r, input, t, input.audit?.rows[i]))
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; ` +
      `img-src data:; style-src 'unsafe-inline'">`,
    `<title>${title}</title><style>${STYLE}</style></head><body>`,
    `<h1>${title}</h1>`,
    `<p class="meta">yrd-verify ${t(VERSION)} · ${t(new Date().toISOString())} · ` +
      `${input.results.length} 个文件 files</p>`,
    summaryHtml(input, t),
    ...docs,
    '</body></html>',
    '',
  ].join('\n')
}

function summaryHtml(input: HtmlReportInput, t: Text): string {
  const counts = { recognized: 0, rejected: 0, indeterminate: 0, unreadable: 0 }
  for (const r of input.results) counts[r.verdict ? r.verdict.status : 'unreadable']++
  const cells = Object.entries(counts).map(([k, n]) => `<td>${t(k)}: <b>${n}</b></td>`)
  const rows = [`<table class="summary"><tr>${cells.join('')}</tr></table>`]
  const audit = input.audit
  if (audit) {
    const passed = audit.rows.filter((r) => r.ok).length
    const failed = audit.rows.length - passed
    rows.unshift(
      `<p id="audit-total" class="${failed === 0 ? 'pass' : 'fail'}">` +
        `${passed} 通过 passed, ${failed} 未通过 failed</p>`,
    )
    for (const m of audit.missing) rows.push(`<p class="fail">缺失 MISSING ${t(m)}</p>`)
    for (const u of audit.unlisted) rows.push(`<p class="meta">未列入 UNLISTED ${t(u)}</p>`)
  }
  return rows.join('\n')
}

function documentHtml(r: FileResult, input: HtmlReportInput, t: Text, row?: AuditRow): string {
  const v = r.verdict
  const cls = v ? v.status : 'unreadable'
  const parts = [`<section class="doc ${cls}"><h2>${t(r.file)}</h2>`]
  if (row) {
    const mark = row.ok ? '<span class="pass">PASS</span>' : '<span class="fail">FAIL</span>'
    parts.push(
      `<p>${mark} 预期 expected <code>${t(row.expected)}</code> · 实际 actual ` +
        `<code>${t(row.actual)}</code></p>`,
    )
    if (row.description) {
      parts.push(`<p class="meta">${t(row.description.zh)}<br>${t(row.description.en)}</p>`)
    }
  }
  if (!v) {
    parts.push(`<p class="fail">无法读取 unreadable: ${t(r.error)}</p></section>`)
    return parts.join('\n')
  }
  const zh = input.lang === 'zh' ? v : (r.other ?? v)
  const en = input.lang === 'en' ? v : (r.other ?? v)
  const where = v.province ? `${v.province.name} ${v.province.code}` : '—'
  parts.push(
    `<p>${badge(v.status)} <code>${t(v.indication)}</code> <code>${t(v.subIndication)}</code>` +
      ` · ${t(v.kind ?? 'unknown')} · 省份 province ${t(where)}</p>`,
    `<p class="meta">验证时间 validation time ${t(v.validationTime)} · 注册表 registry ` +
      `${t(v.registry.id)} #${v.registry.sequence}${v.registry.test ? ' (TEST 测试)' : ''}</p>`,
    recognisedHtml(zh, en, t),
    licenceHtml(v, t),
    '<h3>理由 Reasons</h3>',
    checksTable(zh.checks, en.checks, t),
  )
  v.certificates.forEach((c, i) => parts.push(certificateHtml(c, zh, en, i, t)))
  v.signatures.forEach((s, i) => parts.push(signatureHtml(s, zh, en, i, r.pictures ?? [], t)))
  v.seals.forEach((s, i) => parts.push(sealHtml(s, zh, en, i, t)))
  const loose = (r.pictures ?? []).filter(
    (p) => p.signatureId === null || !v.signatures.some((s) => s.id === p.signatureId),
  )
  if (loose.length > 0) parts.push('<h3>印章图像 Seal pictures</h3>', picturesHtml(loose))
  parts.push('</section>')
  return parts.join('\n')
}

/** The clerk's block of a recognised licence (recognised-block.ts), in both languages. */
function recognisedHtml(zh: Verdict, en: Verdict, t: Text): string {
  const zhRows = recognisedRows(zh, 'zh')
  const enRows = recognisedRows(en, 'en')
  if (!zhRows || !enRows) return ''
  const rows = zhRows.map((r, i) => {
    const other = enRows[i]
    return (
      `<tr><th>${t(r.label)} ${t(other?.label)}</th><td>${t(r.value)}</td>` +
      `<td>${t(other?.value)}</td></tr>`
    )
  })
  return (
    '<div class="item recognised"><h3>予以互认 Recognised</h3><table>' +
    '<tr><th>项目 item</th><th>中文</th><th>English</th></tr>' +
    `${rows.join('')}</table></div>`
  )
}

function licenceHtml(v: Verdict, t: Text): string {
  const l = v.licence
  if (!l) return ''
  return (
    `<div class="item"><h3>证照 Licence</h3><p>证照标识 identifier: <code>${t(l.identifier)}` +
    `</code><br>类型 type: ${t(l.type)}<br>持证主体 holder: ${t(l.holder)}<br>` +
    `颁发机构 issuer: ${t(l.issuer)} · 颁发日期 issued: ${t(l.issuedOn)}<br>` +
    `有效期 validity: ${t(l.validFrom)} .. ${t(l.validTo)}</p></div>`
  )
}

function checksTable(zh: readonly Check[], en: readonly Check[], t: Text): string {
  if (zh.length === 0) return '<p class="meta">—</p>'
  const rows = zh.map((c, i) => {
    const other = en[i]?.code === c.code ? en[i]!.message : ''
    return (
      `<tr><td class="st-${c.status}">${t(c.status)}</td><td><code>${t(c.code)}</code>` +
      `${c.subIndication ? `<br><code>${t(c.subIndication)}</code>` : ''}</td>` +
      `<td>${t(c.message)}</td><td>${t(other)}</td></tr>`
    )
  })
  return (
    '<table><tr><th>结果 status</th><th>代码 code</th><th>中文</th><th>English</th></tr>' +
    rows.join('') +
    '</table>'
  )
}

function chainHtml(chain: readonly CertificateSummary[] | undefined, t: Text): string {
  if (!chain || chain.length === 0) return ''
  const items = chain.map((c) => `<li>${t(c.subject)} <small>sha256 ${t(c.sha256)}</small></li>`)
  return `<p>证书链 chain</p><ol class="chain">${items.join('')}</ol>`
}

function certificateHtml(c: CertificateResult, zh: Verdict, en: Verdict, i: number, t: Text) {
  const province = c.province ? `${c.province.name} ${c.province.code}` : '—'
  return [
    `<div class="item"><h3>证书 Certificate ${badge(c.status)} ` +
      `<code>${t(c.subIndication)}</code></h3>`,
    `<p>主体 subject: ${t(c.subject)}<br>签发者 issuer: ${t(c.issuer)}<br>`,
    `序列号 serial: <code>${t(c.serialNumber)}</code><br>`,
    `有效期 validity: ${t(c.notBefore)} .. ${t(c.notAfter)}<br>`,
    `省份 province: ${t(province)} · 服务 service: ${t(c.service?.name)}</p>`,
    chainHtml(c.chain, t),
    checksTable(zh.certificates[i]?.checks ?? c.checks, en.certificates[i]?.checks ?? [], t),
    '</div>',
  ].join('\n')
}

function signatureHtml(
  s: SignatureResult,
  zh: Verdict,
  en: Verdict,
  i: number,
  pictures: readonly VerdictPicture[],
  t: Text,
): string {
  const province = s.province ? `${s.province.name} ${s.province.code}` : '—'
  const mine = pictures.filter((p) => p.signatureId === s.id)
  return [
    `<div class="item"><h3>签名 Signature ${t(s.id)} (${t(s.format)}) ${badge(s.status)}` +
      ` <code>${t(s.subIndication)}</code></h3>`,
    `<p>签名者 signer: ${t(s.signer?.subject)}<br>省份 province: ${t(province)}<br>`,
    `声称签名时间 claimed signing time: ${t(s.signingTime)} · 时间戳 time-stamp: ` +
      `${t(s.timestamp)}<br>覆盖范围 coverage: ${t(s.coverage)}</p>`,
    chainHtml(s.chain, t),
    mine.length > 0 ? picturesHtml(mine) : '',
    checksTable(zh.signatures[i]?.checks ?? s.checks, en.signatures[i]?.checks ?? [], t),
    '</div>',
  ].join('\n')
}

function sealHtml(s: SealResult, zh: Verdict, en: Verdict, i: number, t: Text): string {
  const p = s.picture
  return [
    `<div class="item"><h3>印章 Seal 「${t(s.name)}」 ${badge(s.status)}</h3>`,
    `<p>印章标识 esID: <code>${t(s.esID)}</code> · 类型 type ${t(s.type)}<br>`,
    `有效期 validity: ${t(s.validFrom)} .. ${t(s.validTo)}<br>`,
    `制章者 maker: ${t(s.maker?.subject)}<br>`,
    `图像 picture: ${p ? t(`${p.format} ${p.width}×${p.height} mm sha256 ${p.sha256}`) : '—'}</p>`,
    checksTable(zh.seals[i]?.checks ?? s.checks, en.seals[i]?.checks ?? [], t),
    '</div>',
  ].join('\n')
}

/** Displayed and signed pictures side by side, grouped by signature. */
function picturesHtml(pictures: readonly VerdictPicture[]): string {
  const groups = new Map<string | null, VerdictPicture[]>()
  for (const p of pictures) groups.set(p.signatureId, [...(groups.get(p.signatureId) ?? []), p])
  return [...groups.values()]
    .map((g) => {
      const displayed = g.find((p) => p.role === 'displayed')
      const signed = g.find((p) => p.role === 'signed')
      return (
        '<div class="pics">' +
        pictureHtml(displayed, '显示的外观 displayed') +
        pictureHtml(signed, '签名的印章 signed') +
        '</div>'
      )
    })
    .join('\n')
}

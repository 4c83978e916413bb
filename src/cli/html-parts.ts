/**
 * Building blocks of the HTML report: escaping, status labels, pictures as data URIs (or a
 * placeholder when they cannot be shown) and the inline style sheet.
 */
import { sniffPicture } from '../formats/ses/index.js'
import type { Status } from '../verdict/types.js'
import type { VerdictPicture } from '../verify.js'

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** Status names in both languages. */
export const STATUS_TEXT: Record<Status, { zh: string; en: string }> = {
  recognized: { zh: '予以互认', en: 'Recognised' },
  rejected: { zh: '不予互认', en: 'Rejected' },
  indeterminate: { zh: '无法确定', en: 'Indeterminate' },
}

/** A status badge, coloured by status. */
export function badge(status: Status): string {
  const t = STATUS_TEXT[status]
  return `<span class="badge ${status}">${t.zh} · ${t.en}</span>`
}

const MIME: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
}

function base64(data: Uint8Array): string {
  let s = ''
  for (let i = 0; i < data.length; i += 0x8000) {
    s += String.fromCharCode(...data.subarray(i, i + 0x8000))
  }
  return btoa(s)
}

/** Largest picture embedded in the report; bigger ones get a placeholder. */
export const MAX_PICTURE_BYTES = 8 * 1024 * 1024

/**
 * One picture as an `<img>` with a data URI when its bytes are a browser image format, else a
 * placeholder naming why (an OFD vector drawing, an unknown or oversized format).
 */
export function pictureHtml(p: VerdictPicture | undefined, caption: string): string {
  const cap = `<figcaption>${caption}</figcaption>`
  if (!p) return `<figure class="none"><div class="ph">无 · none</div>${cap}</figure>`
  const size = `${p.width}×${p.height}`
  const real = sniffPicture(p.data)
  const mime = real ? MIME[real] : undefined
  if (real === 'ofd') {
    const text = 'OFD 矢量印模，此处不绘制<br>OFD vector seal drawing, not drawn here'
    return `<figure><div class="ph">${text}<br>${size} mm</div>${cap}</figure>`
  }
  if (!mime || p.data.length > MAX_PICTURE_BYTES) {
    const why = `无法显示的图像（${escapeHtml(p.format)}）<br>picture not shown (${escapeHtml(p.format)})`
    return `<figure><div class="ph">${why}</div>${cap}</figure>`
  }
  const alt = escapeHtml(`${p.role} ${p.format} ${size}`)
  const src = `data:${mime};base64,${base64(p.data)}`
  return `<figure><img alt="${alt}" src="${src}">${cap}<small>${escapeHtml(
    `${p.format} ${size}`,
  )}</small></figure>`
}

/** The inline style sheet. */
export const STYLE = `
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;
margin:0;padding:1.5rem;color:#1c2430;background:#f4f6f8;line-height:1.45}
h1{font-size:1.4rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin:0;word-break:break-all}
h3{font-size:.95rem;margin:1rem 0 .3rem}
.meta{color:#5a6675;font-size:.85rem}
section.doc{background:#fff;border-radius:8px;padding:1rem 1.2rem;margin:1rem 0;
box-shadow:0 1px 3px #0002;border-left:6px solid #999}
section.doc.recognized{border-color:#1a7f37}section.doc.rejected{border-color:#cf222e}
section.doc.indeterminate{border-color:#bf8700}section.doc.unreadable{border-color:#6e7781}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:1rem;color:#fff;
font-size:.85rem;font-weight:600}
.badge.recognized{background:#1a7f37}.badge.rejected{background:#cf222e}
.badge.indeterminate{background:#9a6700}
.pass{color:#1a7f37;font-weight:700}.fail{color:#cf222e;font-weight:700}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.3rem 0}
th,td{border-bottom:1px solid #e3e7eb;text-align:left;padding:.25rem .4rem;vertical-align:top}
th{background:#f0f2f4}code{font-size:.8rem;word-break:break-all}
.item{border:1px solid #e3e7eb;border-radius:6px;padding:.5rem .8rem;margin:.5rem 0}
.chain{margin:.2rem 0 .2rem 1rem;padding:0;font-size:.85rem}
.pics{display:flex;gap:1rem;flex-wrap:wrap}
figure{margin:0;text-align:center;background:#fafbfc;border:1px solid #e3e7eb;
border-radius:6px;padding:.5rem;min-width:10rem}
figure img{max-width:14rem;max-height:14rem;image-rendering:auto}
figcaption{font-size:.8rem;font-weight:600}small{display:block;color:#5a6675}
.ph{width:12rem;height:8rem;display:flex;align-items:center;justify-content:center;
border:2px dashed #c9d1d9;color:#5a6675;font-size:.8rem;margin:auto}
.st-passed{color:#1a7f37}.st-failed{color:#cf222e}.st-warning,.st-indeterminate{color:#9a6700}
.st-skipped{color:#6e7781}
`

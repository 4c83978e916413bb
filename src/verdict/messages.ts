/**
 * The table of stable check codes with their Chinese and English messages, and the renderer
 * that turns a finding (code + parameters) into a Check in the requested language.
 */
import type { Check, CheckStatus, SubIndication } from './types.js'

export type Lang = 'zh' | 'en'

/** One entry of the code table. `{name}` placeholders are filled from the finding's params. */
export interface CodeText {
  readonly zh: string
  readonly en: string
}

/** What a reader or evaluator found, before it is rendered in a language. */
export interface Finding {
  readonly code: string
  readonly status: CheckStatus
  readonly subIndication?: SubIndication
  readonly params?: Readonly<Record<string, string | number>>
  readonly detail?: Readonly<Record<string, unknown>>
}

const tables: Record<string, CodeText>[] = []

/** Adds a table of codes (each area of the library registers its own). */
export function registerCodes(table: Record<string, CodeText>): void {
  tables.push(table)
}

/** Looks a code up in every registered table. */
export function codeText(code: string): CodeText | undefined {
  for (let i = tables.length - 1; i >= 0; i--) {
    const t = tables[i]![code]
    if (t) return t
  }
  return undefined
}

/** Every registered code, for documentation and tests. */
export function allCodes(): Map<string, CodeText> {
  const out = new Map<string, CodeText>()
  for (const t of tables) for (const [k, v] of Object.entries(t)) out.set(k, v)
  return out
}

function fill(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m))
}

/** Renders a finding as a Check. Unknown codes still render (code and parameters). */
export function render(f: Finding, lang: Lang): Check {
  const text = codeText(f.code)
  const message = text
    ? fill(text[lang], f.params)
    : `${f.code}${f.params ? ` ${JSON.stringify(f.params)}` : ''}`
  return {
    code: f.code,
    status: f.status,
    message,
    ...(f.subIndication ? { subIndication: f.subIndication } : {}),
    ...(f.detail ? { detail: f.detail } : {}),
  }
}

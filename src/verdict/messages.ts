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

/** Every registered code; a table registered later overrides an earlier one's entry. */
const codes = new Map<string, CodeText>()

/** Adds a table of codes (each area of the library registers its own). */
export function registerCodes(table: Record<string, CodeText>): void {
  for (const [k, v] of Object.entries(table)) codes.set(k, v)
}

/** Looks a code up among the registered ones. */
export function codeText(code: string): CodeText | undefined {
  return codes.get(code)
}

/** Every registered code, for documentation and tests. */
export function allCodes(): Map<string, CodeText> {
  return new Map(codes)
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

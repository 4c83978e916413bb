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

/**
 * A template split at its `{name}` placeholders: literal text at even indexes, names at odd
 * ones. Templates come from the code table only, so the map is bounded by its size.
 */
const compiled = new Map<string, readonly string[]>()

function partsOf(template: string): readonly string[] {
  let parts = compiled.get(template)
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/)
    compiled.set(template, parts)
  }
  return parts
}

function fill(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  const parts = partsOf(template)
  if (parts.length === 1) return template
  let out = parts[0]!
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i]!
    out += (Object.hasOwn(params, k) ? String(params[k]) : `{${k}}`) + parts[i + 1]!
  }
  return out
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

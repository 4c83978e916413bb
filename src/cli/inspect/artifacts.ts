/**
 * Files `inspect --extract DIR` writes: pictures and certificates, under safe names made only
 * of letters, digits, dot, dash and underscore, never outside DIR and never overwriting.
 */

/** A file to extract. */
export interface Artifact {
  readonly name: string
  readonly data: Uint8Array | string
}

/** Most artifacts collected from one input. */
export const MAX_ARTIFACTS = 500

/** Collects artifacts with unique safe names. */
export class Artifacts {
  readonly items: Artifact[] = []
  private readonly used = new Set<string>()

  /** Adds a file; `stem` is sanitised and made unique, `ext` is a short extension. */
  add(stem: string, ext: string, data: Uint8Array | string): string | undefined {
    if (this.items.length >= MAX_ARTIFACTS) return undefined
    const base = safeName(stem) || 'item'
    const cleanExt = safeName(ext).replace(/\./g, '').slice(0, 8) || 'bin'
    let name = `${base}.${cleanExt}`
    for (let i = 2; this.used.has(name); i++) name = `${base}-${i}.${cleanExt}`
    this.used.add(name)
    this.items.push({ name, data })
    return name
  }
}

/** Keeps `[A-Za-z0-9._-]`, replaces the rest with `_`, trims dots, at most 80 characters. */
export function safeName(text: string): string {
  return text
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .replace(/\.+$/, '')
    .slice(0, 80)
}

/** PEM text of a DER certificate. */
export function certificatePemText(der: Uint8Array): string {
  let s = ''
  for (let i = 0; i < der.length; i += 0x8000) {
    s += String.fromCharCode(...der.subarray(i, i + 0x8000))
  }
  const b64 = btoa(s).replace(/.{64}/g, '$&\n').replace(/\n$/, '')
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`
}

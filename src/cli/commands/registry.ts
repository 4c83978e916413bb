/**
 * `yrd-verify registry show [FILE]` and `yrd-verify registry check FILE`.
 */
import type { Registry } from '../../registry/index.js'
import { COMMON_OPTIONS, parse } from '../args.js'
import { UsageError, type Output } from '../output.js'
import { registryFrom } from '../registry-option.js'
import { PLAIN } from '../../shape.js'

export const REGISTRY_HELP = `Usage: yrd-verify registry show [FILE] [--registry-key PEM] [--json]
       yrd-verify registry check FILE [--registry-key PEM] [--registry-min-sequence N] [--json]

show   print the provinces, services (with status history) and the recognition lists of a
       registry (default: the built-in TEST registry)
check  verify a registry's signature, sequence and validity; exit 0 when it loads, 3 if not`

function describe(r: Registry, at: Date) {
  return {
    ...PLAIN,
    ...r.summary(),
    issuedAt: r.issuedAt,
    nextUpdate: r.nextUpdate,
    provinces: r.provinces.map((p) => ({
      code: p.code,
      name: p.name,
      services: p.services.map((s) => ({
        id: s.id,
        type: s.type,
        name: s.name.zh,
        certificates: s.certificates.length,
        statusNow: r.statusAt(s, at),
        history: s.history,
      })),
    })),
    recognition: recognitionYears(r),
  }
}

/** The recognition lists of the registry, by year (years the registry can name: 2000-2099). */
function recognitionYears(r: Registry) {
  const years = []
  for (let year = 2000; year < 2100; year++) {
    const types = r.recognisedTypes(year)
    if (types.length > 0) years.push({ year, types })
  }
  return years
}

/** Runs `registry show|check`. */
export async function runRegistry(argv: string[], out: Output): Promise<number> {
  const { values, positionals } = parse(argv, COMMON_OPTIONS)
  const [sub, file, extra] = positionals
  if (values.help || sub === undefined) {
    out.out(REGISTRY_HELP)
    return values.help ? 0 : 3
  }
  if (sub !== 'show' && sub !== 'check') throw new UsageError(`registry: unknown command "${sub}"`)
  if (extra !== undefined) throw new UsageError('registry: too many arguments')
  if (sub === 'check' && file === undefined) throw new UsageError('registry check: no FILE given')
  const registry = await registryFrom({ ...PLAIN, ...values, registry: file })
  const info = describe(registry, new Date())
  if (values.json) {
    out.out(JSON.stringify(info, null, 2))
    return 0
  }
  const c = out.color
  if (sub === 'check') {
    out.out(`${c.green('OK')}  ${file}  ${info.id} #${info.sequence}  sha256 ${info.sha256}`)
    if (info.test) out.out(c.yellow('  TEST registry / 测试注册表'))
    return 0
  }
  out.out(`${info.id}  sequence ${info.sequence}${info.test ? c.yellow('  TEST') : ''}`)
  out.out(`  sha256 ${info.sha256}`)
  out.out(`  valid ${info.issuedAt} .. ${info.nextUpdate}`)
  for (const p of info.provinces) {
    out.out(`${p.name} ${p.code}`)
    for (const s of p.services) {
      const status = s.statusNow === 'granted' ? c.green(s.statusNow) : c.yellow(s.statusNow)
      out.out(`  ${s.type.padEnd(20)} ${status.padEnd(9)} ${s.name} (${s.certificates} certs)`)
    }
  }
  for (const y of info.recognition) {
    out.out(`互认事项清单 ${y.year} / recognised licence types ${y.year}:`)
    for (const t of y.types) out.out(`  ${t.code}  ${t.name}`)
  }
  return 0
}

/**
 * The --registry / --registry-key options: load and check a registry file, or fall back to
 * the built-in TEST registry (announced on stderr every run).
 */
import { defaultRegistry, loadRegistry, RegistryError, type Registry } from '../registry/index.js'
import { readInput } from './files.js'
import { CliError, type Output } from './output.js'
import { PLAIN } from '../shape.js'

/** Loads the registry the options name; a bad registry is a CliError (exit 3). */
export async function registryFrom(values: {
  registry?: string | undefined
  'registry-key'?: string | undefined
  'registry-min-sequence'?: string | undefined
}): Promise<Registry> {
  let registry: Registry
  try {
    if (values.registry) {
      const bytes = await readInput(values.registry)
      const key = values['registry-key']
      const keyText = key ? new TextDecoder().decode(await readInput(key)) : undefined
      const min = values['registry-min-sequence']
      if (min !== undefined && !/^\d{1,15}$/.test(min)) {
        throw new CliError('--registry-min-sequence needs a whole number / 需要非负整数')
      }
      registry = await loadRegistry(bytes, {
        ...PLAIN,
        ...(keyText ? { operatorKeys: [keyText] } : {}),
        ...(min !== undefined ? { minSequence: Number(min) } : {}),
      })
    } else {
      registry = await defaultRegistry()
    }
  } catch (e) {
    if (e instanceof RegistryError) {
      throw new CliError(`registry: ${e.messages.zh} / ${e.messages.en}`)
    }
    if (e instanceof CliError) throw new CliError(`registry: ${e.message}`)
    throw e
  }
  return registry
}

/** Announces on stderr that a TEST registry decided the results. */
export function warnIfTest(registry: Registry, out: Output): void {
  if (!registry.test) return
  out.err(
    out.color.yellow(
      '警告：正在使用测试信任注册表，结果不可用于正式业务 / ' +
        'warning: a TEST trust registry is in use; results are not valid for real decisions',
    ),
  )
}

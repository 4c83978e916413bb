/**
 * Bundles the isomorphic core (`src/index.ts`) for the browser with esbuild (Node-only test
 * code). Any `node:` import reached from the core fails the build with the chain of imports
 * that pulled it in; bare built-in names fail too unless a package's `browser` field maps them
 * away (esbuild's own browser resolution).
 */
import { builtinModules } from 'node:module'
import { relative } from 'node:path'
import { build, type Plugin } from 'esbuild'
import { ROOT } from '../fuzz/fixtures.js'

/** A bundle and what went into it. */
export interface Bundle {
  readonly code: string
  readonly bytes: number
  readonly inputs: readonly string[]
}

const BUILTINS = new Set(builtinModules)

const SKIP = Symbol('resolving')

function denyNodeBuiltins(): Plugin {
  return {
    name: 'deny-node-builtins',
    setup(b) {
      // Which file first imported each resolved file: enough to print the chain of imports.
      const parents = new Map<string, string>()
      const chain = (from: string): string => {
        const out: string[] = []
        for (let at: string | undefined = from; at && out.length < 50; at = parents.get(at)) {
          out.push(relative(ROOT, at) || at)
        }
        return out.join(' <- ')
      }
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === SKIP) return undefined
        const bare = args.path.split('/')[0] ?? ''
        if (args.path.startsWith('node:')) {
          return { errors: [{ text: `Node built-in ${args.path} <- ${chain(args.importer)}` }] }
        }
        const r = await b.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: SKIP,
        })
        if (r.errors.length > 0 && BUILTINS.has(bare)) {
          return { errors: [{ text: `Node built-in ${args.path} <- ${chain(args.importer)}` }] }
        }
        if (r.errors.length > 0) return { errors: r.errors }
        if (r.path && !parents.has(r.path)) parents.set(r.path, args.importer)
        // A module a package's `browser` field disables comes back without a namespace: let
        // esbuild replace it with an empty module as usual.
        return r.namespace === 'file' ? r : undefined
      })
    },
  }
}

/**
 * Bundles an entry (default: the core, `src/index.ts`) for the browser as one ESM file;
 * rejects with esbuild's errors, among them any Node built-in and its chain of importers.
 */
export async function bundleForBrowser(entry = `${ROOT}src/index.ts`): Promise<Bundle> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    metafile: true,
    logLevel: 'silent',
    plugins: [denyNodeBuiltins()],
    tsconfig: `${ROOT}tsconfig.json`,
  })
  const file = result.outputFiles[0]
  if (!file) throw new Error('esbuild produced no output')
  return {
    code: file.text,
    bytes: file.contents.length,
    inputs: Object.keys(result.metafile.inputs),
  }
}

import { defineConfig } from 'tsup'

/**
 * Two builds. The library (`index`, `node`): ESM and CJS with types, dependencies external.
 * The executable (`cli`, `cli-worker`): self-contained ESM, dependencies bundled, so that
 * starting the CLI reads a few files instead of resolving hundreds of modules. Neither
 * build cleans `dist/` (they run side by side); `npm run build` empties it first.
 */
export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts', node: 'src/node.ts' } },
    target: 'node20',
    sourcemap: true,
    clean: false,
    splitting: true,
  },
  {
    entry: { cli: 'src/cli.ts', 'cli-worker': 'src/cli/worker.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    clean: false,
    // Code shared by the two entries goes to one chunk; inputs that need heavy modules
    // (PKCS#12: pkijs, node-forge) load theirs as separate chunks only when they occur.
    splitting: true,
    noExternal: [/.*/],
    // Bundled CommonJS dependencies call require() for Node built-ins.
    banner: {
      js: "import { createRequire as yrdCreateRequire } from 'node:module'\nconst require = yrdCreateRequire(import.meta.url)",
    },
  },
])

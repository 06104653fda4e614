// One build for everything that ships: the extension host bundle and the panels' browser bundles.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
/** `--extension-only=<dir>`: only the extension host's files, into <dir> (the start-up test builds its own). */
const extensionOnly = process.argv.find((a) => a.startsWith('--extension-only='))?.slice('--extension-only='.length);
const out = extensionOnly ?? 'dist';

/**
 * The simulator runs in the extension host only in the Sandbox environment: src/connection.ts imports it
 * with `import('./simulator/server')`, which this turns into a require of dist/sandbox.js, built on its own
 * (below). Nothing in it is shared with the extension at run time but plain values (its URL, the sandbox
 * credentials), so two copies of the endpoint table and big.js cost nothing but bytes.
 *
 * What is not needed at start-up (the panel hosts, money flows, chat tools, each product's views, the live
 * prices' socket, node-fetch) is imported with `import()` and goes into files of its own, dist/lazy-*.js,
 * required on first use: see `extension` below.
 */
const sandboxApart = {
  name: 'sandbox-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/simulator\/server$/ }, (args) =>
      args.importer.endsWith(`src${sep}connection.ts`) ? { path: './sandbox.js', external: true } : undefined,
    );
  },
};

/**
 * Every `import * as vscode from 'vscode'` through src/shims/vscode.ts, which alone imports the real one: the
 * API object's properties are copied once at load instead of once per file (see the shim).
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.importer.endsWith(`src${sep}shims${sep}vscode.ts`) ? { path: 'vscode', external: true } : { path: resolve('src/shims/vscode.ts') },
    );
  },
};

/**
 * The extension host bundle, split: esbuild splits only ES modules, and VS Code loads an extension as CommonJS,
 * so it is built in two steps. First as ES modules with `splitting`, in memory: the extension's own code, one
 * module per `import()` (what loads on first use) and chunks for what they share. Then as CommonJS files:
 *
 * - dist/extension.js: the extension's code and every chunk it needs at start-up, in one file (each file more
 *   costs its own read and compile), the modules of those chunks also exported as `__startup`;
 * - dist/lazy-*.js: each module loaded on first use, and the chunks only they share; what they take from the
 *   start-up code they read from dist/extension.js's `__startup`, so that every module exists once (OkxError's
 *   `instanceof`, the state a module keeps).
 *
 * `import()` becomes a `require()` when it runs. The source maps lead back to the TypeScript sources.
 */
/** @type {import('esbuild').BuildOptions} */
const extensionModules = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: out,
  chunkNames: 'lazy-[name]-[hash]',
  external: ['vscode'],
  // node-fetch 2 falls back to whatwg-url only where Node lacks url.URL; see src/shims/whatwg-url.ts.
  alias: { 'whatwg-url': './src/shims/whatwg-url.ts' },
  plugins: [sandboxApart, vscodeOnce],
  minify: production,
  sourcemap: 'inline',
  sourcesContent: false,
  metafile: true,
  write: false,
  logLevel: 'warning',
};

/** The second step: the first step's ES modules (in memory) as CommonJS files in dist/. */
async function writeCommonJs(outputFiles, metafile) {
  const modules = new Map(outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => [f.path, f.text]));
  const outputs = Object.entries(metafile.outputs).map(([file, output]) => [resolve(file), output]);
  const entry = outputs.find(([, output]) => output.entryPoint === 'src/extension.ts')?.[0];
  // What the extension's code imports, directly or not, before any import(): needed at start-up.
  const startup = new Set();
  const imports = (file) => (outputs.find(([path]) => path === file)?.[1].imports ?? []).filter((i) => i.kind === 'import-statement' && i.external !== true).map((i) => resolve(i.path));
  for (const queue = imports(entry); queue.length > 0; ) {
    const next = queue.pop();
    if (!startup.has(next)) queue.push(...imports((startup.add(next), next)));
  }
  const name = (file) => basename(file);
  const common = { bundle: true, platform: 'node', format: 'cjs', external: ['vscode'], target: 'node20', supported: { 'dynamic-import': false }, minify: production, sourcemap: true, sourcesContent: false, logLevel: 'warning', write: true };
  /** `./lazy-…` or `./extension.js` imported by `importer`: from memory when `inline(file)` says so, else left to require. */
  const linking = (inline, startupFrom) => ({
    name: 'linking',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return { path: args.path, namespace: 'esm' };
        if (!args.path.startsWith('./')) return undefined;
        const file = resolve(args.resolveDir, args.path);
        if (startupFrom !== undefined && startup.has(file)) return { path: file, namespace: 'startup' };
        return inline(file) ? { path: file, namespace: 'esm' } : { path: args.path, external: true };
      });
      build.onLoad({ filter: /.*/, namespace: 'esm' }, (args) => ({ contents: modules.get(args.path) ?? '', loader: 'js', resolveDir: dirname(args.path) }));
      build.onLoad({ filter: /.*/, namespace: 'startup' }, (args) => ({
        contents: `module.exports = require('./extension.js').__startup[${JSON.stringify(name(args.path))}];`,
        loader: 'js',
        resolveDir: resolve(out),
      }));
    },
  });
  for (const stale of existsSync(out) ? readdirSync(out).filter((f) => f.startsWith('lazy-')) : []) rmSync(join(out, stale));
  const main = [...startup].map((file, i) => `import * as m${i} from ${JSON.stringify(`./${name(file)}`)};`).join('\n');
  const table = [...startup].map((file, i) => `${JSON.stringify(name(file))}: m${i}`).join(', ');
  await esbuild.build({
    ...common,
    stdin: { contents: `export * from './extension.js';\n${main}\nexport const __startup = { ${table} };\n`, resolveDir: resolve(out), sourcefile: 'extension-startup.js' },
    outfile: join(out, 'extension.js'),
    plugins: [linking((file) => file === entry || startup.has(file))],
  });
  const lazy = [...modules.keys()].filter((file) => file !== entry && !startup.has(file));
  await Promise.all(lazy.map((file) => esbuild.build({ ...common, entryPoints: [file], outfile: join(out, name(file)), plugins: [linking((f) => f === file, true)] })));
}

/** Runs the second step after every build of the first (with --watch too). */
const thenCommonJs = {
  name: 'then-commonjs',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length === 0 && result.metafile !== undefined) await writeCommonJs(result.outputFiles ?? [], result.metafile);
    });
  },
};

const extension = { ...extensionModules, plugins: [...extensionModules.plugins, thenCommonJs] };

// One browser bundle per panel: dist/webview/<panel>.js (and .css); webview/common.ts is shared by them.
const webviewEntries = ['webview/product.ts', 'webview/ltv.ts', 'webview/portfolio.ts', 'webview/compare.ts'];

/** @type {import('esbuild').BuildOptions} */
const webview = {
  entryPoints: webviewEntries,
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  outdir: 'dist/webview',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
};

/** One CommonJS bundle, not split: the sandbox and the standalone simulator. */
const single = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  supported: { 'dynamic-import': false },
  alias: { 'whatwg-url': './src/shims/whatwg-url.ts' },
  minify: production,
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
};

/** The Sandbox's simulator, loaded by the extension only in the Sandbox environment. */
const sandbox = { ...single, entryPoints: ['src/simulator/server.ts'], outfile: 'dist/sandbox.js' };

/** The standalone simulator (`npm run simulator`); not shipped in the .vsix. */
const simulator = { ...single, entryPoints: ['src/simulator/cli.ts'], outfile: 'dist/simulator.js' };

const configs = extensionOnly === undefined ? [extension, sandbox, simulator, webview] : [extension];

if (watch) {
  for (const config of configs) {
    const ctx = await esbuild.context(config);
    await ctx.watch();
  }
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(configs.map((config) => esbuild.build(config)));
}

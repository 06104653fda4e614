// One build for everything that ships: the extension host bundle and the panels' browser bundles.
import { resolve, sep } from 'node:path';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * The simulator runs in the extension host only in the Sandbox environment: src/connection.ts imports it
 * with `import('./simulator/server')`, which this turns into a require of dist/sandbox.js, built on its own
 * (below). Nothing in it is shared with the extension at run time but plain values (its URL, the sandbox
 * credentials), so two copies of the endpoint table and big.js cost nothing but bytes.
 *
 * The panel hosts stay in dist/extension.js but are evaluated on first use: src/extension.ts imports them
 * with `import()`, which esbuild keeps in the bundle as a lazily initialised module. They share classes with
 * the rest (OkxError, whose `instanceof` decides how a failed money move is told), so they must not be
 * bundled twice.
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

/** @type {import('esbuild').BuildOptions} */
const extension = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: 'dist/extension.js',
  external: ['vscode'],
  // node-fetch 2 falls back to whatwg-url only where Node lacks url.URL; see src/shims/whatwg-url.ts.
  alias: { 'whatwg-url': './src/shims/whatwg-url.ts' },
  plugins: [sandboxApart, vscodeOnce],
  // import() becomes a require() at first use (dist/sandbox.js, the lazily initialised panel hosts), through the
  // CommonJS loader VS Code loads the extension with.
  supported: { 'dynamic-import': false },
  minify: production,
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
};

// One browser bundle per panel: dist/webview/<panel>.js (and .css); webview/common.ts is shared by them.
const webviewEntries = ['webview/product.ts', 'webview/ltv.ts', 'webview/portfolio.ts'];

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

/** The Sandbox's simulator, loaded by the extension only in the Sandbox environment. */
const sandbox = { ...extension, entryPoints: ['src/simulator/server.ts'], outfile: 'dist/sandbox.js', external: [], plugins: [] };

/** The standalone simulator (`npm run simulator`); not shipped in the .vsix. */
const simulator = { ...extension, entryPoints: ['src/simulator/cli.ts'], outfile: 'dist/simulator.js', external: [], plugins: [] };

const configs = [extension, sandbox, simulator, webview];

if (watch) {
  for (const config of configs) {
    const ctx = await esbuild.context(config);
    await ctx.watch();
  }
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(configs.map((config) => esbuild.build(config)));
}

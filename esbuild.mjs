// One build for everything that ships: the extension host bundle and the panels' browser bundles.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

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

/** The standalone simulator (`npm run simulator`); not shipped in the .vsix. */
const simulator = { ...extension, entryPoints: ['src/simulator/cli.ts'], outfile: 'dist/simulator.js', external: [] };

const configs = [extension, simulator, webview];

if (watch) {
  for (const config of configs) {
    const ctx = await esbuild.context(config);
    await ctx.watch();
  }
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(configs.map((config) => esbuild.build(config)));
}

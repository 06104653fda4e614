/**
 * The `vscode` module, once for the whole bundle. Every file imports `vscode` with `import * as vscode`; bundled
 * to CommonJS, each such import would copy all of the API object's two hundred properties (esbuild's
 * `__toESM`), 28 times over at load. esbuild.mjs points those imports here instead, so they are copied once.
 */
export * from 'vscode';

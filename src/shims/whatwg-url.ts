/**
 * node-fetch 2 imports whatwg-url (and its 250 KB Unicode table, tr46) only to fall back on when Node has no
 * `url.URL`: `const URL = Url.URL || whatwgUrl.URL`. Every Node that VS Code ships has it, so the bundle
 * points whatwg-url here (esbuild.mjs `alias`) and node-fetch keeps using Node's own URL.
 */
export { URL } from 'node:url';

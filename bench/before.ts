/**
 * "Before", measured in the same run as "after": this project at another commit (by default where this branch
 * left main: `git merge-base HEAD main`; `--before=<ref>` for another), exported into a temporary folder and built
 * there with its own build script (its production dist/extension.js, for the start-up probe) and, for the refresh
 * section, its Portfolio and client bundled on their own. Both run against this tree's simulator, as "after" does.
 * Kept between runs (one folder per commit, under the system's temporary folder).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Credentials } from '../src/okx/client';
import type { Environment } from '../src/okx/environments';
import { ROOT } from './clients';

/** What the refresh section uses of a Portfolio, at any commit. */
export interface PortfolioLike {
  refresh(areas: readonly string[], options?: { fresh?: boolean }): Promise<void>;
  get(area: string): { readonly status: string };
  dispose(): void;
}

export interface ClientModule {
  Portfolio: new (client: unknown) => PortfolioLike;
  AREA_IDS: readonly string[];
  OkxClient: new (options: { environment: Environment; credentials: Credentials; rateLimitScale?: number }) => unknown;
  customEnvironment(url: string): Environment;
}

export interface Before {
  /** The commit, abbreviated, and how it was named. */
  readonly label: string;
  /** Its production dist/extension.js. */
  readonly bundle: string;
  /** Its Portfolio and client. */
  readonly module: ClientModule;
}

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${(result.stderr || result.stdout || result.error?.message || '').trim().split('\n').slice(-3).join(' ')}`);
  return result.stdout.trim();
}

/** The commit `ref` names (default: where this branch left main), built; undefined with why when it cannot be. */
export async function prepareBefore(ref: string | undefined): Promise<Before | string> {
  try {
    const name = ref ?? 'merge-base HEAD main';
    const commit = ref === undefined ? run('git', ['merge-base', 'HEAD', 'main'], ROOT) : run('git', ['rev-parse', '--verify', `${ref}^{commit}`], ROOT);
    const short = commit.slice(0, 7);
    const dir = path.join(tmpdir(), `okx-earn-bench-before-${short}`);
    const bundle = path.join(dir, 'dist', 'extension.js');
    const subject = path.join(dir, 'bench-subject.js');
    if (!existsSync(bundle) || !existsSync(subject)) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      run('sh', ['-c', `git -C "${ROOT}" archive ${commit} | tar -x -C "${dir}"`], ROOT);
      symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
      run(process.execPath, ['esbuild.mjs', '--production'], dir);
      const esbuild = await import('esbuild');
      await esbuild.build({
        stdin: {
          contents: "export { Portfolio, AREA_IDS } from './src/portfolio/portfolio';\nexport { OkxClient } from './src/okx/client';\nexport { customEnvironment } from './src/okx/environments';\n",
          resolveDir: dir,
          loader: 'ts',
        },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        outfile: subject,
        alias: { 'whatwg-url': './src/shims/whatwg-url.ts' },
        logLevel: 'error',
      });
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(subject) as ClientModule;
    return { label: `${short} (${name})`, bundle, module };
  } catch (error) {
    return `"before" could not be built: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Runs the integration suite inside a real VS Code through @vscode/test-electron's runTests.
 *
 * Host selection (OKX_EARN_VSCODE_HOST):
 *   code-server  run in code-server + Debian Chromium through the stand-in executable (works offline), once
 *                on the lowest VS Code we support and once on the latest (OKX_EARN_CODE_SERVER_BUILDS=lowest,latest)
 *   electron     let runTests download VS Code (needs internet); OKX_EARN_VSCODE_VERSION picks the build
 *   auto         (default) code-server on linux-x64 when a Chromium is installed, electron otherwise
 *
 * While working on one part: OKX_EARN_CODE_SERVER_BUILDS=latest runs one build (empty: none),
 * OKX_EARN_ZH_CN=0 leaves out the run in Simplified Chinese, OKX_EARN_INTEGRATION_GREP picks tests by title.
 */
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { chromiumPath } from './browser';
import { CODE_SERVER_BUILDS, PROJECT_ROOT } from './codeServer';
import { LATEST_ONLY_TESTS, SKIP_SUITES_ENV, suitesToSkip } from './integrationSuites';

type Host = 'code-server' | 'electron';

export function chooseHost(requested: string | undefined, canRunCodeServer: () => boolean): Host {
  if (requested === 'code-server' || requested === 'electron') {
    return requested;
  }
  if (requested !== undefined && requested !== '' && requested !== 'auto') {
    throw new Error(`OKX_EARN_VSCODE_HOST must be code-server, electron or auto, not "${requested}"`);
  }
  return canRunCodeServer() ? 'code-server' : 'electron';
}

function codeServerPossible(): boolean {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return false;
  }
  try {
    chromiumPath();
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const host = chooseHost(process.env.OKX_EARN_VSCODE_HOST, codeServerPossible);
  const extensionDevelopmentPath = PROJECT_ROOT;
  const extensionTestsPath = path.join(PROJECT_ROOT, 'out', 'test', 'integration', 'index.js');
  const workspace = path.join(PROJECT_ROOT, 'test', 'fixtures', 'workspace');
  const launchArgs = [workspace, '--disable-extensions', '--disable-workspace-trust'];
  if (host === 'electron') {
    console.log('Integration tests: VS Code (Electron), downloaded by @vscode/test-electron');
    await runTests({ extensionDevelopmentPath, extensionTestsPath, launchArgs, version: process.env.OKX_EARN_VSCODE_VERSION ?? 'stable' });
    return;
  }
  // Every run goes ahead even when one before it failed, so that one report says what fails where.
  const failed: string[] = [];
  const attempt = async (name: string, run: () => Promise<unknown>): Promise<void> => {
    try {
      await run();
    } catch (error) {
      failed.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const builds = (process.env.OKX_EARN_CODE_SERVER_BUILDS ?? 'lowest,latest').split(',').filter((name) => name !== '');
  for (const name of builds) {
    const build = CODE_SERVER_BUILDS[name as keyof typeof CODE_SERVER_BUILDS] as (typeof CODE_SERVER_BUILDS)['latest'] | undefined;
    if (build === undefined) {
      throw new Error(`OKX_EARN_CODE_SERVER_BUILDS: unknown build "${name}" (lowest, latest)`);
    }
    const skip = suitesToSkip(name as keyof typeof CODE_SERVER_BUILDS);
    console.log(`\nIntegration tests: VS Code ${build.vscode} (code-server ${build.codeServer}) in headless Chromium${skip === '' ? '' : `; the suites of our own flows and figures (${skip}) and ${LATEST_ONLY_TESTS.length} tests of our logic in the others run on the latest build only`}`);
    await attempt(`VS Code ${build.vscode}`, () => runTests({
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs,
      vscodeExecutablePath: path.join(PROJECT_ROOT, 'test', 'host', 'code-server-as-vscode'),
      extensionTestsEnv: { OKX_EARN_CODE_SERVER_VSCODE: build.vscode, [SKIP_SUITES_ENV]: skip },
    }));
  }
  if (process.env.OKX_EARN_ZH_CN !== '0') {
    await zhCn(builds, attempt);
  }
  if (failed.length > 0) {
    throw new Error(`Integration runs that failed:\n  ${failed.join('\n  ')}`);
  }
}

async function zhCn(builds: readonly string[], attempt: (name: string, run: () => Promise<unknown>) => Promise<void>): Promise<void> {
  const extensionDevelopmentPath = PROJECT_ROOT;
  const launchArgs = [path.join(PROJECT_ROOT, 'test', 'fixtures', 'workspace'), '--disable-extensions', '--disable-workspace-trust'];
  // One more, short run in a fresh workbench in Simplified Chinese: the walkthrough's steps completing on
  // their events (which VS Code counts once per window), and the views, commands and panels in zh-cn.
  const latest = CODE_SERVER_BUILDS[builds.includes('lowest') && !builds.includes('latest') ? 'lowest' : 'latest'];
  console.log(`\nIntegration tests in zh-cn, first run of a profile: VS Code ${latest.vscode} (code-server ${latest.codeServer}) in headless Chromium`);
  await attempt('zh-cn', () => runTests({
    extensionDevelopmentPath,
    extensionTestsPath: path.join(PROJECT_ROOT, 'out', 'test', 'integration', 'zh-cn', 'index.js'),
    launchArgs,
    vscodeExecutablePath: path.join(PROJECT_ROOT, 'test', 'host', 'code-server-as-vscode'),
    extensionTestsEnv: { OKX_EARN_CODE_SERVER_VSCODE: latest.vscode, OKX_EARN_LOCALE: 'zh-cn' },
  }));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}

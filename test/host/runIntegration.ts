/**
 * Runs the integration suite inside a real VS Code through @vscode/test-electron's runTests.
 *
 * Host selection (OKX_EARN_VSCODE_HOST):
 *   code-server  run in code-server + Debian Chromium through the stand-in executable (works offline)
 *   electron     let runTests download VS Code (needs internet); OKX_EARN_VSCODE_VERSION picks the build
 *   auto         (default) code-server on linux-x64 when a Chromium is installed, electron otherwise
 */
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { chromiumPath } from './browser';
import { PROJECT_ROOT } from './codeServer';

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
  console.log(`Integration tests: VS Code host = ${host}`);
  await runTests({
    extensionDevelopmentPath,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    ...(host === 'code-server'
      ? { vscodeExecutablePath: path.join(PROJECT_ROOT, 'test', 'host', 'code-server-as-vscode') }
      : { version: process.env.OKX_EARN_VSCODE_VERSION ?? 'stable' }),
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}

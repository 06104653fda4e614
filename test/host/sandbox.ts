/**
 * `npm run sandbox`: VS Code with this extension in Sandbox mode (the built-in simulator and its demo portfolio;
 * no account), installed from the packaged .vsix exactly as a user installs it, in a workbench opened the way a
 * user opens one — no test driver, so VS Code shows every notification. Uses the desktop `code` CLI where there
 * is one; otherwise code-server, printing the URL to open. OKX_EARN_SANDBOX_HOST=code|code-server chooses;
 * --port N fixes code-server's port.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT, ensureCodeServer, installVsix, startCodeServer, vsixPath, workbenchUrl } from './codeServer';
import { seedUserSettings } from './vscodeStandIn';

// The fixture workspace sits inside this repository: Git would ask about it in a toast on every start.
const SANDBOX_SETTINGS = { 'okxEarn.environment': 'sandbox', 'git.openRepositoryInParentFolders': 'never' };

function hasCodeCli(): boolean {
  return spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).stdout.trim() !== '';
}

async function main(): Promise<void> {
  const profile = path.join(PROJECT_ROOT, '.vscode-test', 'sandbox-profile');
  const userDataDir = path.join(profile, 'user-data');
  const extensionsDir = path.join(profile, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  seedUserSettings(userDataDir, SANDBOX_SETTINGS);
  const workspace = path.join(PROJECT_ROOT, 'test', 'fixtures', 'workspace');
  const host = process.env.OKX_EARN_SANDBOX_HOST ?? (hasCodeCli() ? 'code' : 'code-server');
  const vsix = vsixPath();

  if (host === 'code') {
    console.log(`Installing ${path.basename(vsix)} into a profile of its own and opening VS Code in Sandbox mode…`);
    const installed = spawnSync('code', [`--extensions-dir=${extensionsDir}`, '--install-extension', vsix, '--force'], { stdio: 'inherit' });
    if (installed.status !== 0) throw new Error('code --install-extension failed');
    const child = spawn('code', ['--new-window', `--user-data-dir=${userDataDir}`, `--extensions-dir=${extensionsDir}`, workspace], { stdio: 'inherit', detached: true });
    child.unref();
    return;
  }

  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : undefined;
  const install = ensureCodeServer();
  installVsix(install, extensionsDir, vsix);
  const server = await startCodeServer(install, { userDataDir, extensionsDir, ...(port === undefined ? {} : { port }) });
  const url = workbenchUrl(server, workspace, []);
  console.log(`OKX Earn sandbox (VS Code ${install.build.vscode} in code-server). Open this URL in a browser on this machine:\n\n  ${url}\n`);
  console.log('Then click the OKX Earn icon in the activity bar. Press Ctrl+C to stop.');
  const stop = (): void => {
    void server.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

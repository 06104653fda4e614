/**
 * `npm run sandbox`: VS Code with this extension loaded in Sandbox mode (the built-in simulator and its demo
 * portfolio; no account). Uses the desktop `code` CLI where there is one; otherwise code-server, printing the
 * URL to open. OKX_EARN_SANDBOX_HOST=code|code-server chooses; --port N fixes code-server's port.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT, ensureCodeServer, startCodeServer, workbenchUrl } from './codeServer';
import { seedUserSettings } from './vscodeStandIn';

const SANDBOX_SETTINGS = { 'okxEarn.environment': 'sandbox' };

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

  if (host === 'code') {
    console.log('Opening VS Code with OKX Earn in Sandbox mode…');
    const child = spawn('code', ['--new-window', `--user-data-dir=${userDataDir}`, `--extensions-dir=${extensionsDir}`, `--extensionDevelopmentPath=${PROJECT_ROOT}`, workspace], { stdio: 'inherit', detached: true });
    child.unref();
    return;
  }

  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : undefined;
  const install = ensureCodeServer();
  const server = await startCodeServer(install, { userDataDir, extensionsDir, launchPayload: true, ...(port === undefined ? {} : { port }) });
  const url = workbenchUrl(server, workspace, [['extensionDevelopmentPath', server.remoteUri(PROJECT_ROOT)]]);
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

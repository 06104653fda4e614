/**
 * Stands in for a VS Code executable for `@vscode/test-electron`'s `runTests({ vscodeExecutablePath })`.
 *
 * runTests spawns the executable with Electron-style arguments (`--extensionDevelopmentPath=…`,
 * `--extensionTestsPath=…`, `--user-data-dir=…`, `--extensions-dir=…`, a folder to open). This script starts
 * code-server (a real VS Code workbench and Node extension host), opens the workbench in headless Chromium
 * with those paths in the URL's launch payload, prints what the test runner logs, and exits with the code
 * the extension host reports when the tests end.
 */
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from './browser';
import { PROJECT_ROOT, buildFor, ensureCodeServer, startCodeServer, workbenchUrl } from './codeServer';
import { PROBE_DIR_ENV, PROBE_PREFIX, answerProbe } from './pageProbes';
import { WorkbenchLogFilter } from './workbenchLog';

interface LaunchArgs {
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
  userDataDir?: string;
  extensionsDir?: string;
  folder?: string;
}

export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  const parsed: LaunchArgs = {};
  const named: Record<string, keyof LaunchArgs> = {
    '--extensionDevelopmentPath': 'extensionDevelopmentPath',
    '--extensionTestsPath': 'extensionTestsPath',
    '--user-data-dir': 'userDataDir',
    '--extensions-dir': 'extensionsDir',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const key = named[flag];
    if (key !== undefined) {
      parsed[key] = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    } else if (!arg.startsWith('-')) {
      parsed.folder = path.resolve(arg);
    }
    // Electron-only switches (--no-sandbox, --disable-extensions, …) have no meaning here.
  }
  return parsed;
}

/** A quiet, offline workbench: no AI features, tips, update checks or telemetry. Kept if the user set one. */
export const QUIET_WORKBENCH_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  // The extension opens its walkthrough the first time it runs; a test that wants to see that turns it on.
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

export function seedUserSettings(userDataDir: string, extra: Record<string, unknown> = {}): void {
  const file = path.join(userDataDir, 'User', 'settings.json');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ ...QUIET_WORKBENCH_SETTINGS, ...extra }, null, 2));
  }
}

const TEST_TIMEOUT_MS = Number(process.env.OKX_EARN_TEST_TIMEOUT_MS ?? 10 * 60_000);

async function main(): Promise<number> {
  const args = parseLaunchArgs(process.argv.slice(2));
  if (args.extensionDevelopmentPath === undefined || args.extensionTestsPath === undefined) {
    console.error('vscodeStandIn: --extensionDevelopmentPath and --extensionTestsPath are required');
    return 2;
  }
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'okx-earn-vscode-'));
  // A fresh profile every run (runTests passes a lasting one): no setting or state of an earlier run leaks in.
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = args.extensionsDir ?? path.join(scratch, 'extensions');
  const probeDir = path.join(scratch, 'probes');
  for (const dir of [userDataDir, extensionsDir, probeDir]) mkdirSync(dir, { recursive: true });
  seedUserSettings(userDataDir);
  // OKX_EARN_LOCALE (from the runner) runs the workbench in that display language.
  const locale = process.env.OKX_EARN_LOCALE === undefined || process.env.OKX_EARN_LOCALE === '' ? undefined : process.env.OKX_EARN_LOCALE;

  const verbose = process.env.OKX_EARN_HOST_VERBOSE === '1';
  const install = ensureCodeServer(buildFor(process.env.OKX_EARN_CODE_SERVER_VSCODE));
  const server = await startCodeServer(install, {
    userDataDir,
    extensionsDir,
    launchPayload: true,
    // The extension host inherits the server's environment: tests look for leaked secrets in this folder,
    // and ask the page what only the page can tell through probes (pageProbes.ts).
    env: { OKX_EARN_TEST_USER_DATA: userDataDir, [PROBE_DIR_ENV]: probeDir },
    ...(locale === undefined ? {} : { locale }),
    log: verbose ? (line) => console.error(line) : undefined,
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const logFile = path.join(PROJECT_ROOT, 'test-results', `integration-workbench-${install.build.vscode}.log`);
    mkdirSync(path.dirname(logFile), { recursive: true });
    writeFileSync(logFile, '');
    const filter = new WorkbenchLogFilter();
    let finish: (code: number) => void = () => undefined;
    const finished = new Promise<number>((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (level: string, parts: unknown) => {
      // The workbench forwards console.log's arguments unformatted (mocha logs '%s%s', …).
      const text = format(...(Array.isArray(parts) ? (parts as unknown[]) : [parts]));
      if (text.startsWith(PROBE_PREFIX)) {
        void answerProbe(page, text, probeDir);
        return;
      }
      appendFileSync(logFile, `[${level}] ${text}\n`);
      for (const line of text.split('\n')) {
        if (verbose || filter.accept(line)) {
          (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
        }
      }
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    if (verbose) {
      page.on('console', (message) => console.error(`[workbench] ${message.text()}`));
    }
    const url = workbenchUrl(server, args.folder, [
      ['extensionDevelopmentPath', server.remoteUri(path.resolve(args.extensionDevelopmentPath))],
      ['extensionTestsPath', server.remoteUri(path.resolve(args.extensionTestsPath))],
    ]);
    await page.goto(url);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        console.error(`vscodeStandIn: the tests did not finish within ${TEST_TIMEOUT_MS} ms`);
        resolve(1);
      }, TEST_TIMEOUT_MS);
    });
    const code = await Promise.race([finished, timeout]);
    clearTimeout(timer);
    return code;
  } finally {
    await browser.close();
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}

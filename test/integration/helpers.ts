/** Test-only helpers for the integration suite: the extension's API, settings, scripted window answers, page probes. */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { OkxEarnApi } from '../../src/extension';
import { PROBE_DIR_ENV, PROBE_PREFIX, type ProbeRequest } from '../host/pageProbes';

export const EXTENSION_ID = 'okx-earn.okx-earn';

/**
 * An unknown outcome is looked up here at 0, 0.2, 0.5, 1 and 2 s (the real window: 0, 2, 5, 10, 20 and 40 s),
 * and a pending one every 0.5 s in the background.
 */
export const TEST_CHECK_WINDOW = [0, 200, 500, 1000, 2000];

export async function extensionApi(): Promise<OkxEarnApi> {
  const extension = vscode.extensions.getExtension<OkxEarnApi>(EXTENSION_ID);
  if (extension === undefined) throw new Error(`${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  api.setCheckTimings(TEST_CHECK_WINDOW, [500]);
  // Each suite starts without "Again?" for a request another suite made a moment ago.
  api.forgetRecentMoves();
  // The LTV is as fresh as the last poll unless a suite turns live prices on (test/integration/statusBarLive.test.ts).
  await configure({ livePrices: false });
  return api;
}

export async function configure(values: Record<string, unknown>): Promise<void> {
  const config = vscode.workspace.getConfiguration('okxEarn');
  for (const [key, value] of Object.entries(values)) {
    await config.update(key, value, vscode.ConfigurationTarget.Global);
  }
}

export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}

export interface Shown {
  readonly kind: 'info' | 'warning' | 'error';
  readonly message: string;
  readonly modal: boolean;
  /** A modal's detail text. */
  readonly detail: string;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Replaces the window's prompts with scripted answers for the duration of a test, and records every message
 * shown. Input boxes take answers from `inputs` in order (undefined = Escape); messages answer `choose(message)`.
 */
export class ScriptedWindow {
  readonly shown: Shown[] = [];
  readonly inputs: (string | undefined)[] = [];
  /** What the input boxes refused (VS Code keeps such a box open; the script then gives up, like Escape). */
  readonly refused: string[] = [];
  /** The titles and prompts of the input boxes shown. */
  readonly prompts: string[] = [];
  /** The placeholders of the input boxes made with createInputBox, in order. */
  readonly placeholders: string[] = [];
  /** Where each createInputBox box stood in its flow ("1/2"; "" when it showed no step), in order. */
  readonly steps: string[] = [];
  /** The prompt of each createInputBox box once its answer was typed (what it says about that answer), in order. */
  readonly promptsAfterTyping: string[] = [];
  /** An answer that presses the input box's first button (e.g. Max) instead of typing. */
  static readonly PRESS_BUTTON = '\u0000press-button';
  readonly picks: (string | undefined)[] = [];
  choose: (message: string, items: string[]) => string | undefined = () => undefined;
  /** Answers of the save dialogs, in order (undefined = Cancel), and the options each was shown with. */
  readonly saves: (vscode.Uri | undefined)[] = [];
  readonly saveDialogs: vscode.SaveDialogOptions[] = [];
  /** The messages progress notifications reported. */
  readonly progress: string[] = [];
  /** When set, progress runs here, and its Cancel button is pressed as soon as this says yes to a report. */
  cancelProgressWhen: ((message: string) => boolean) | undefined;
  private readonly saved: Partial<typeof vscode.window> = {};

  install(): this {
    const w = vscode.window as Writable<typeof vscode.window>;
    this.saved.showInputBox = w.showInputBox;
    this.saved.createInputBox = w.createInputBox;
    this.saved.showQuickPick = w.showQuickPick;
    this.saved.showInformationMessage = w.showInformationMessage;
    this.saved.showWarningMessage = w.showWarningMessage;
    this.saved.showErrorMessage = w.showErrorMessage;
    this.saved.showSaveDialog = w.showSaveDialog;
    this.saved.withProgress = w.withProgress;
    w.showSaveDialog = (options?: vscode.SaveDialogOptions): Thenable<vscode.Uri | undefined> => {
      this.saveDialogs.push(options ?? {});
      return Promise.resolve(this.saves.shift());
    };
    const realProgress = w.withProgress;
    type Report = { message?: string; increment?: number };
    w.withProgress = <R>(options: vscode.ProgressOptions, task: (progress: vscode.Progress<Report>, token: vscode.CancellationToken) => Thenable<R>): Thenable<R> => {
      const cancelWhen = this.cancelProgressWhen;
      const record = (value: Report): void => {
        if (value.message !== undefined) this.progress.push(value.message);
      };
      if (cancelWhen === undefined) {
        return realProgress(options, (progress, token) => task({ report: (value) => (record(value), progress.report(value)) }, token));
      }
      const cancel = new vscode.CancellationTokenSource();
      const report = (value: Report): void => {
        record(value);
        if (value.message !== undefined && cancelWhen(value.message)) cancel.cancel();
      };
      return Promise.resolve(task({ report }, cancel.token)).finally(() => cancel.dispose());
    };
    w.showInputBox = async (options?: vscode.InputBoxOptions): Promise<string | undefined> => {
      this.prompts.push(`${options?.title ?? ''}: ${options?.prompt ?? ''}`);
      const answer = this.inputs.shift();
      const problem = answer === undefined ? undefined : await options?.validateInput?.(answer);
      const text = typeof problem === 'string' ? problem : problem?.message;
      if (text !== undefined && text !== '') {
        this.refused.push(text);
        return undefined;
      }
      return answer;
    };
    w.createInputBox = () => this.scriptedInputBox();
    w.showQuickPick = ((items: readonly (string | vscode.QuickPickItem)[] | Thenable<readonly (string | vscode.QuickPickItem)[]>) =>
      Promise.resolve(items).then((list) => {
        const wanted = this.picks.shift();
        return list.find((item) => (typeof item === 'string' ? item : item.label) === wanted);
      })) as typeof w.showQuickPick;
    const record = (kind: Shown['kind']) =>
      ((message: string, ...rest: unknown[]) => {
        const options = rest.find((r): r is vscode.MessageOptions => typeof r === 'object' && r !== null && !('title' in r));
        this.shown.push({ kind, message, modal: options?.modal === true, detail: options?.detail ?? '' });
        const items = rest.filter((r): r is string => typeof r === 'string');
        return Promise.resolve(this.choose(message, items));
      }) as typeof w.showInformationMessage;
    w.showInformationMessage = record('info');
    w.showWarningMessage = record('warning');
    w.showErrorMessage = record('error');
    return this;
  }

  restore(): void {
    Object.assign(vscode.window, this.saved);
  }

  /**
   * An input box (`createInputBox`) that takes the next scripted answer as if typed and accepted, or presses its
   * first button for `ScriptedWindow.PRESS_BUTTON` (then accepts), or is dismissed for undefined. An answer the
   * box's own validation refuses is recorded in `refused` and the box is dismissed, as Escape would.
   */
  private scriptedInputBox(): vscode.InputBox {
    const changed = new vscode.EventEmitter<string>();
    const accepted = new vscode.EventEmitter<void>();
    const hidden = new vscode.EventEmitter<void>();
    const pressed = new vscode.EventEmitter<vscode.QuickInputButton>();
    let open = false;
    const hide = (): void => {
      if (!open) return;
      open = false;
      hidden.fire();
    };
    const box = {
      value: '', title: undefined as string | undefined, prompt: undefined as string | undefined, placeholder: undefined as string | undefined,
      password: false, ignoreFocusOut: false, enabled: true, busy: false, step: undefined as number | undefined, totalSteps: undefined as number | undefined,
      buttons: [] as readonly vscode.QuickInputButton[], validationMessage: undefined as string | vscode.InputBoxValidationMessage | undefined,
      valueSelection: undefined, onDidChangeValue: changed.event, onDidAccept: accepted.event, onDidHide: hidden.event, onDidTriggerButton: pressed.event,
      show: (): void => {
        open = true;
        this.prompts.push(`${box.title ?? ''}: ${box.prompt ?? ''}`);
        this.placeholders.push(box.placeholder ?? '');
        this.steps.push(box.step === undefined ? '' : `${String(box.step)}/${String(box.totalSteps)}`);
        const answer = this.inputs.shift();
        setTimeout(() => {
          if (answer === undefined) return hide();
          if (answer === ScriptedWindow.PRESS_BUTTON) {
            const [button] = box.buttons;
            if (button !== undefined) pressed.fire(button);
          } else {
            box.value = answer;
            changed.fire(answer);
            this.promptsAfterTyping.push(box.prompt ?? '');
          }
          accepted.fire();
          if (open) {
            const message = box.validationMessage;
            this.refused.push(typeof message === 'string' ? message : (message?.message ?? ''));
            hide();
          }
        }, 0);
      },
      hide,
      dispose: (): void => {
        changed.dispose();
        accepted.dispose();
        pressed.dispose();
      },
    };
    return box;
  }

  messages(kind?: Shown['kind']): string[] {
    return this.shown.filter((s) => kind === undefined || s.kind === kind).map((s) => s.message);
  }
}

/** Stores the simulator's key as `profile` through the real command, and waits until the extension uses it. */
export async function useTestKey(api: OkxEarnApi, profile: string, key: { apiKey: string; secretKey: string; passphrase: string }): Promise<void> {
  const setup = new ScriptedWindow().install();
  setup.inputs.push(profile, key.apiKey, key.secretKey, key.passphrase);
  try {
    await vscode.commands.executeCommand('okxEarn.setApiKey');
  } finally {
    setup.restore();
  }
  await waitFor(() => api.connectionLabel() === `${profile} · Custom host` || undefined, `the ${profile} key`);
  // And every update asked meanwhile (SecretStorage announces the stored key after our command has used it).
  await api.whenConnected();
}

/** Removes a stored profile through the real command, confirming its modal. */
export async function removeTestKey(profile: string): Promise<void> {
  const cleanup = new ScriptedWindow().install();
  cleanup.picks.push(profile);
  cleanup.choose = (_message, items) => items.find((i) => i === 'Remove');
  try {
    await vscode.commands.executeCommand('okxEarn.removeApiKey');
  } finally {
    cleanup.restore();
  }
}

/** True where the test host drives the workbench page and answers probes (code-server; not Electron). */
export function probesAvailable(): boolean {
  return (process.env[PROBE_DIR_ENV] ?? '') !== '';
}

/** Asks the test host about the page (see test/host/pageProbes.ts) and waits for its answer. */
export async function probe<T>(name: ProbeRequest['name'], args: ProbeRequest['args'] = {}): Promise<T> {
  const dir = process.env[PROBE_DIR_ENV];
  if (dir === undefined || dir === '') throw new Error('No page probes in this test host');
  const request: ProbeRequest = { id: randomUUID(), name, args };
  console.log(`${PROBE_PREFIX}${JSON.stringify(request)}`);
  const file = path.join(dir, `${request.id}.json`);
  const answer = await waitFor(() => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { result?: T; error?: string }) : undefined), `the answer to probe ${name}`);
  if (answer.error !== undefined) throw new Error(`probe ${name}: ${answer.error}`);
  return answer.result as T;
}

/**
 * The suites that test flows (buy, redeem, refresh, panels) run with OKX's rate-limit windows this much shorter,
 * on the extension's client and on any simulator that enforces limits (src/okx/testRateLimits): two Dual trades
 * a minute become two in 3 s. network.test.ts keeps OKX's real limits and checks that the client keeps them.
 */
export const TEST_RATE_LIMIT_SCALE = 0.05;

/**
 * Waits out the longest rate window of what the views read (OKX's 2 s, shortened by `scale`): data read within
 * it is fresh, and a Refresh does not ask for it again (Portfolio.isFresh). A test that changed the simulator's
 * state behind the extension's back, as OKX's state changes, waits this long before it refreshes.
 */
export function pastRateWindows(scale = TEST_RATE_LIMIT_SCALE): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 2000 * scale + 20));
}

/** Call at the top of a suite's describe(): shorter windows from its first before() to its first after(). */
export function withShortRateLimitWindows(): void {
  before(async () => (await extensionApi()).useTestRateLimitScale(TEST_RATE_LIMIT_SCALE));
  after(async () => (await extensionApi()).useTestRateLimitScale(1));
}

/** Runs a command with scripted answers; the confirmation modal answers `confirmWith` (undefined = Cancel). */
export async function runScripted(ui: ScriptedWindow, command: string, options: { inputs?: string[]; picks?: string[]; confirmWith?: string; arg?: unknown } = {}): Promise<unknown> {
  ui.inputs.push(...(options.inputs ?? []));
  ui.picks.push(...(options.picks ?? []));
  ui.choose = (_message, items) => items.find((i) => i === options.confirmWith);
  return vscode.commands.executeCommand(command, options.arg);
}

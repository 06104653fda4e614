/** Test-only helpers for the integration suite: the extension's API, settings, and scripted window answers. */
import * as vscode from 'vscode';
import type { OkxEarnApi } from '../../src/extension';

export const EXTENSION_ID = 'okx-earn.okx-earn';

export async function extensionApi(): Promise<OkxEarnApi> {
  const extension = vscode.extensions.getExtension<OkxEarnApi>(EXTENSION_ID);
  if (extension === undefined) throw new Error(`${EXTENSION_ID} is not installed`);
  return extension.activate();
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

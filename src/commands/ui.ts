/**
 * Where a flow's questions and messages go. From the palette, a tree item or a panel: to the user, as input
 * boxes, quick picks and notifications. From the chat (a language-model tool): the questions are answered from
 * the tool's validated input, exactly as the user's answers would be checked, and the notifications are kept
 * to be told back to the model. Modal dialogs (a flow's confirmation above all) always go to the user: a tool
 * never answers them, so nothing moves money without the user's own click.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import * as vscode from 'vscode';

/** A flow run on behalf of a chat tool: its answers, and what the flow said and what it could not take. */
export interface ToolRun {
  /** Answers by question key ("amount", "rate", "ccy", …), from the tool's input. */
  readonly answers: Readonly<Record<string, string>>;
  /** Non-modal notifications, in order. */
  readonly said: { readonly kind: 'info' | 'warning' | 'error'; readonly message: string }[];
  /** Answers that were missing or refused, in the words the user would have read. */
  readonly problems: string[];
  /** Whether the flow's own confirmation was shown, and what became of it. */
  confirmation: 'none' | 'confirmed' | 'declined';
  /** What became of the money move, once it was sent: done, not done, or unknown, and what the user was told. */
  outcome?: { readonly state: 'done' | 'not-done' | 'unknown'; readonly message: string };
}

const runs = new AsyncLocalStorage<ToolRun>();

/** Runs `flow` with its questions answered from `answers` (see ToolRun). */
export function runForTool<T>(answers: Readonly<Record<string, string>>, flow: () => Promise<T>): Promise<{ result: T; run: ToolRun }> {
  const run: ToolRun = { answers, said: [], problems: [], confirmation: 'none' };
  return runs.run(run, async () => ({ result: await flow(), run }));
}

/** The tool run this code is part of, if any. */
export function toolRun(): ToolRun | undefined {
  return runs.getStore();
}

type Rest = (string | vscode.MessageOptions)[];
const isModal = (rest: Rest): boolean => rest.some((r) => typeof r === 'object' && r.modal === true);

function say(kind: 'info' | 'warning' | 'error', show: (message: string, ...rest: Rest) => Thenable<string | undefined>, message: string, rest: Rest): Thenable<string | undefined> {
  const run = toolRun();
  if (run === undefined || isModal(rest)) return show(message, ...rest);
  run.said.push({ kind, message });
  return Promise.resolve(undefined);
}

/** Notifications and quick picks, to the user or (in a tool run) to the model. */
export const ui = {
  info: (message: string, ...rest: Rest): Thenable<string | undefined> => say('info', (m, ...r) => vscode.window.showInformationMessage(m, ...(r as string[])), message, rest),
  warn: (message: string, ...rest: Rest): Thenable<string | undefined> => say('warning', (m, ...r) => vscode.window.showWarningMessage(m, ...(r as string[])), message, rest),
  error: (message: string, ...rest: Rest): Thenable<string | undefined> => say('error', (m, ...r) => vscode.window.showErrorMessage(m, ...(r as string[])), message, rest),

  /**
   * A quick pick of `items`; in a tool run, the item whose `label` (or, with `match`, whatever it matches) is
   * the answer to `key`, or the only item when there is one and no answer.
   */
  async quickPick<T extends vscode.QuickPickItem>(key: string, items: readonly T[], options: vscode.QuickPickOptions, match?: (item: T, answer: string) => boolean): Promise<T | undefined> {
    const run = toolRun();
    if (run === undefined) return vscode.window.showQuickPick(items, options);
    const answer = run.answers[key];
    if (answer === undefined) {
      if (items.length === 1) return items[0];
      run.problems.push(vscode.l10n.t('"{0}" is needed here ({1}): one of {2}.', key, options.title ?? '', items.map((i) => i.label).join(', ')));
      return undefined;
    }
    const found = items.find((item) => (match === undefined ? item.label === answer : match(item, answer)));
    if (found === undefined) run.problems.push(vscode.l10n.t('"{0}" is not one of {1} ({2}).', answer, items.map((i) => i.label).join(', '), options.title ?? ''));
    return found;
  },
};

/** Asking for what a money-moving action needs: validated as it is typed, nothing sent until it is right. */
import * as vscode from 'vscode';
import type { AreaData, AreaId, Portfolio } from '../portfolio/portfolio';
import { checkAmount, checkRatePercent, type AmountRules, type Checked } from '../validation';
import { errorText } from '../messages';
import type { Payload, TreeNode } from '../views/nodes';

function problemText<T>(result: Checked<T>): string | undefined {
  return result.ok ? undefined : vscode.l10n.t(result.problem.template, { ...result.problem.args });
}

export async function askAmount(title: string, prompt: string, rules: AmountRules): Promise<string | undefined> {
  const typed = await vscode.window.showInputBox({
    title,
    prompt,
    placeHolder: rules.available === undefined ? rules.ccy : vscode.l10n.t('up to {0} {1}', rules.available, rules.ccy),
    ignoreFocusOut: true,
    validateInput: (text) => problemText(checkAmount(text, rules)),
  });
  if (typed === undefined) return undefined;
  const checked = checkAmount(typed, rules);
  return checked.ok ? checked.value : undefined;
}

/** A rate in percent, as a fraction; '' when `optional` and left empty (keep the current one). */
export async function askRatePercent(title: string, prompt: string, optional: boolean): Promise<string | undefined> {
  const typed = await vscode.window.showInputBox({
    title,
    prompt,
    placeHolder: vscode.l10n.t('percent, 1 to 365'),
    ignoreFocusOut: true,
    validateInput: (text) => (optional && text.trim() === '' ? undefined : problemText(checkRatePercent(text))),
  });
  if (typed === undefined) return undefined;
  if (optional && typed.trim() === '') return '';
  const checked = checkRatePercent(typed);
  return checked.ok ? checked.value : undefined;
}

/** The payload of the tree item a command was run on, when it is of the wanted kind. */
export function payloadOf<K extends Payload['kind']>(arg: unknown, kind: K): Extract<Payload, { kind: K }> | undefined {
  const payload = (arg as TreeNode | undefined)?.payload;
  return payload?.kind === kind ? (payload as Extract<Payload, { kind: K }>) : undefined;
}

/**
 * An area's data, reloaded now: a money-moving flow checks amounts against balances, limits and states as
 * they are, not as they were at the last refresh. Shows why when it cannot be had.
 */
export async function areaData<K extends AreaId>(portfolio: Portfolio, area: K): Promise<AreaData[K] | undefined> {
  await portfolio.refresh([area]);
  const now = portfolio.get(area);
  if (now.status === 'ready') return now.data;
  if (now.status === 'error') void vscode.window.showErrorMessage(errorText(now.error));
  return undefined;
}

export async function pick<T>(title: string, items: readonly T[], describe: (item: T) => vscode.QuickPickItem, empty: string): Promise<T | undefined> {
  if (items.length === 0) {
    void vscode.window.showInformationMessage(empty);
    return undefined;
  }
  const entries = items.map((item) => ({ ...describe(item), item }));
  const chosen = await vscode.window.showQuickPick(entries, { title, matchOnDescription: true, ignoreFocusOut: true });
  return chosen?.item;
}

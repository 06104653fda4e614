/** Asking for what a money-moving action needs: validated as it is typed, nothing sent until it is right. */
import * as vscode from 'vscode';
import type { AreaData, AreaId, Portfolio } from '../portfolio/portfolio';
import * as D from '../decimal';
import { checkAmount, checkRatePercent, decimalsFor, downToStep, onStep, type AmountRules, type Checked } from '../validation';
import { errorText } from '../messages';
import { amount, withCcy, type Payload, type TreeNode } from '../views/nodes';
import { toolRun, ui, type ToolRun } from './ui';

function problemText<T>(result: Checked<T>): string | undefined {
  return result.ok ? undefined : vscode.l10n.t(result.problem.template, { ...result.problem.args });
}

/** What bounds Max: what is owed, what is available, the product's maximum, or a further limit (AskExtras.max). */
export type MaxBound = 'owed' | 'available' | 'max' | 'limit';

/**
 * The most an amount prompt accepts (the smallest of what is owed, what is available, the product's maximum and
 * `limit`), and which of them bounds it: what "Max" fills in. The whole of a balance or debt (`rules.whole`) is
 * taken exactly as OKX states it; anything else in the currency's own precision and on the product's step,
 * rounded down (`rounded` then says so). Undefined when nothing bounds it.
 */
export function maxOf(rules: AmountRules, limit?: string): { readonly value: string; readonly bound: MaxBound; readonly rounded: boolean } | undefined {
  const bounds = ([['owed', rules.owed], ['available', rules.available], ['max', rules.max], ['limit', limit]] as const).filter(
    (b): b is readonly [MaxBound, string] => b[1] !== undefined && D.isPlainDecimal(b[1]) && D.isPositive(b[1]),
  );
  // The least; on a tie the first named (what is owed or held, so that "all of it" is true).
  const least = bounds.reduce<readonly [MaxBound, string] | undefined>((a, b) => (a === undefined || D.lt(b[1], a[1]) ? b : a), undefined);
  if (least === undefined) return undefined;
  const [bound, most] = least;
  if (rules.whole !== undefined && D.isPlainDecimal(rules.whole) && D.cmp(most, rules.whole) === 0 && onStep(most, rules.step)) return { value: D.trim(most), bound, rounded: false };
  const value = D.trim(downToStep(D.roundDown(most, rules.decimals ?? decimalsFor(rules.ccy)), rules.step));
  return D.isPositive(value) ? { value, bound, rounded: D.cmp(value, most) !== 0 } : undefined;
}

/** Where a prompt stands in a flow of several (shown as "1/2" in its title bar). */
export interface Step {
  readonly step: number;
  readonly total: number;
}

export interface AskExtras {
  readonly step?: Step;
  /** What a valid amount would lead to (e.g. the LTV after it), shown under the prompt while typing. */
  readonly preview?: (amount: string) => string | undefined;
  /**
   * A further check of an amount the rules accept (e.g. a daily quota, naming which one binds): why it is
   * refused, or undefined when it is fine. Runs as it is typed and on Enter, like the rules.
   */
  readonly check?: (amount: string) => string | undefined;
  /** A further bound for Max (e.g. what is left of a daily quota), beside those in the rules. */
  readonly max?: string;
  /** What Max is when `max` binds it, for the placeholder and the Max button, e.g. "today's quota". */
  readonly maxMeans?: string;
  /** What Max is when what is available binds it, where that is not all of something (e.g. "the most OKX lends now"). */
  readonly availableMeans?: string;
}

/** What "max" stands for, in words, once it is known which bound it is. */
function maxMeaning(max: NonNullable<ReturnType<typeof maxOf>>, extras: AskExtras): string {
  if (max.rounded) return vscode.l10n.t('the most that can be sent');
  switch (max.bound) {
    case 'owed':
      return vscode.l10n.t('all it owes');
    case 'available':
      return extras.availableMeans ?? vscode.l10n.t('all of it');
    case 'max':
      return vscode.l10n.t("the product's maximum");
    case 'limit':
      return extras.maxMeans ?? vscode.l10n.t('the most allowed');
  }
}

/**
 * Asks for an amount, checked as it is typed. Where something bounds it (the funding balance, the product's
 * maximum, what is owed), a Max button (and typing "max") fills in the most that can be sent.
 */
export function askAmount(title: string, prompt: string, rules: AmountRules, key = 'amount', extras: AskExtras = {}): Promise<string | undefined> {
  const most = maxOf(rules, extras.max);
  const max = most?.value;
  const check = (text: string): Checked<string> => checkFurther(checkAmount(text, rules, amount), extras.check);
  const run = toolRun();
  if (run !== undefined) return Promise.resolve(answerAmount(run, key, prompt, max, check));
  const box = vscode.window.createInputBox();
  box.title = title;
  box.prompt = prompt;
  if (extras.step !== undefined) {
    box.step = extras.step.step;
    box.totalSteps = extras.step.total;
  }
  const meaning = most === undefined ? '' : maxMeaning(most, extras);
  box.placeholder = max === undefined ? rules.ccy : vscode.l10n.t('up to {0}; "max" for {1}', withCcy(max, rules.ccy), meaning);
  box.ignoreFocusOut = true;
  const maxButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('arrow-up'), tooltip: vscode.l10n.t('Max ({0}): {1}', meaning, withCcy(max ?? '', rules.ccy)) };
  if (max !== undefined) box.buttons = [maxButton];
  const resolved = (text: string): string => (max !== undefined && text.trim().toLowerCase() === 'max' ? max : text);
  const validate = (): void => {
    const checked = box.value === '' ? undefined : check(resolved(box.value));
    box.validationMessage = checked === undefined ? undefined : problemText(checked);
    const preview = checked?.ok === true ? extras.preview?.(checked.value) : undefined;
    box.prompt = preview === undefined ? prompt : `${prompt} ${preview}`;
  };
  const buttonPressed = box.onDidTriggerButton((button) => {
    if (button === maxButton && max !== undefined) {
      box.value = max;
      validate();
    }
  });
  return answered(box, validate, () => check(resolved(box.value)), [buttonPressed]);
}

/** An amount the rules accept, checked further by `check` (whose refusal is already in words). */
function checkFurther(checked: Checked<string>, check: ((amount: string) => string | undefined) | undefined): Checked<string> {
  if (!checked.ok || check === undefined) return checked;
  const problem = check(checked.value);
  // Already in words: passed through as the only argument of a template that is just that argument.
  return problem === undefined ? checked : { ok: false, problem: { template: '{text}', args: { text: problem } } };
}

/** In a tool run: the answer to `key`, checked exactly as a typed amount is ("max" meaning the most allowed). */
function answerAmount(run: ToolRun, key: string, prompt: string, max: string | undefined, check: (text: string) => Checked<string>): string | undefined {
  const answer = run.answers[key];
  if (answer === undefined) {
    run.problems.push(vscode.l10n.t('"{0}" is needed here: {1}', key, prompt));
    return undefined;
  }
  const checked = check(max !== undefined && answer.trim().toLowerCase() === 'max' ? max : answer);
  if (!checked.ok) run.problems.push(problemText(checked) ?? '');
  return checked.ok ? checked.value : undefined;
}

/** A rate in percent, as a fraction; '' when `optional` and left empty (keep the current one). */
export async function askRatePercent(title: string, prompt: string, optional: boolean, key = 'rate', step?: Step): Promise<string | undefined> {
  const run = toolRun();
  if (run !== undefined) {
    const answer = run.answers[key];
    if (answer === undefined || answer.trim() === '') {
      if (optional) return '';
      run.problems.push(vscode.l10n.t('"{0}" is needed here: {1}', key, prompt));
      return undefined;
    }
    const checked = checkRatePercent(answer);
    if (!checked.ok) run.problems.push(problemText(checked) ?? '');
    return checked.ok ? checked.value : undefined;
  }
  const box = vscode.window.createInputBox();
  box.title = title;
  box.prompt = prompt;
  box.placeholder = vscode.l10n.t('percent, 1 to 365');
  box.ignoreFocusOut = true;
  if (step !== undefined) {
    box.step = step.step;
    box.totalSteps = step.total;
  }
  const empty = (): boolean => optional && box.value.trim() === '';
  return answered(
    box,
    () => {
      box.validationMessage = empty() ? undefined : problemText(checkRatePercent(box.value));
    },
    () => (empty() ? { ok: true, value: '' } : checkRatePercent(box.value)),
  );
}

/**
 * Shows `box` until a value `check` accepts is entered (Enter) or it is dismissed (undefined): `validate` runs
 * as it is typed, a refused Enter shows why and keeps the box open. Disposes the box and `extra` when it closes.
 */
function answered(box: vscode.InputBox, validate: () => void, check: () => Checked<string>, extra: vscode.Disposable[] = []): Promise<string | undefined> {
  return new Promise<string | undefined>((resolve) => {
    let answer: string | undefined;
    const subscriptions = [
      ...extra,
      box.onDidChangeValue(validate),
      box.onDidAccept(() => {
        const checked = check();
        if (!checked.ok) {
          box.validationMessage = problemText(checked);
          return;
        }
        answer = checked.value;
        box.hide();
      }),
      box.onDidHide(() => {
        for (const s of subscriptions) s.dispose();
        box.dispose();
        resolve(answer);
      }),
    ];
    box.show();
  });
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
  let now = portfolio.get(area);
  // A load queued behind the one just waited for (a fresh refresh after a money move) may have begun
  // meanwhile: wait for it too, rather than give up on an area that is only loading.
  for (let i = 0; i < 3 && now.status === 'loading'; i++) {
    await portfolio.ensure(area);
    now = portfolio.get(area);
  }
  if (now.status === 'ready') return now.data;
  if (now.status === 'error') void ui.error(errorText(now.error));
  // Forgotten while it loaded: the connection changed (another profile, key or environment) under the flow.
  else if (now.status === 'idle') void ui.warn(vscode.l10n.t('The connection to OKX changed while this was being read, so nothing was sent. Run the command again.'));
  // Read again and again meanwhile (each money move elsewhere asks for a fresh read): not settled yet.
  else void ui.warn(vscode.l10n.t('OKX is still being read for this, so nothing was sent. Run the command again in a moment.'));
  return undefined;
}

/**
 * A quick pick of `items`. In a tool run, answered by `key` (matched against each item's label, or by `match`),
 * or the only item; an empty list is said either way.
 */
export async function pick<T>(title: string, items: readonly T[], describe: (item: T) => vscode.QuickPickItem, empty: string, key = 'choice', match?: (item: T, answer: string) => boolean): Promise<T | undefined> {
  if (items.length === 0) {
    if (empty !== '') void ui.info(empty);
    return undefined;
  }
  const entries = items.map((item) => ({ ...describe(item), item }));
  const chosen = await ui.quickPick(key, entries, { title, matchOnDescription: true, ignoreFocusOut: true }, match === undefined ? undefined : (entry, answer) => match(entry.item, answer));
  return chosen?.item;
}

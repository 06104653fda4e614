/**
 * Every action that moves money goes through here, so each one is done the same careful way:
 *  1. one at a time: a second submit while one is in flight is refused (and each flow holds its own action
 *     from its first prompt: ./flowGuard);
 *  2. a modal confirmation restating exactly what will be sent and where (loud for production, and for a
 *     custom host, which may be production), the amount typed again when okxEarn.retypeAmountAboveUsd asks for
 *     it, and "again?" when the very same request was done less than a minute ago;
 *  3. one of three outcomes, told truthfully (./moneyOutcome): done, not done, or unknown, which is checked
 *     over time by the request's key and, while still unknown, kept as a pending row that is checked in the
 *     background; a resend only ever reuses the same key, only where OKX deduplicates by it, and only on the
 *     user's click in this confirmation;
 *  4. what is sent with a quote that expires (Dual Investment) is never sent once the quote has run out: the
 *     action's `requote` renews it after the user confirmed, and the user confirms the new terms instead.
 * Nothing here throws once the request has been sent.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import type { OkxClient } from '../okx/client';
import { usdPrices } from '../portfolio/prices';
import { environmentLabel, type EnvironmentSetting } from '../settings';
import type { FlowContext, MoneyAction } from './flowTypes';
import type { SendWindow } from './reconcile';
import { sendAndSettle, type OutcomeSink } from './moneyOutcome';
import { toolRun, ui } from './ui';

export type { Certainty, Reconciled, SendWindow } from './reconcile';
export type { Finding } from './outcome';
export type { FlowContext, MoneyAction } from './flowTypes';


let inFlight: string | undefined;

/** OKX's time as this client knows it (local time corrected by the measured clock offset). */
export function serverNow(context: FlowContext): number {
  return Date.now() + (context.connection.current.client?.clockOffsetMs ?? 0);
}

/** The action in flight, if any (for tests and for the guard's message). */
export function actionInFlight(): string | undefined {
  return inFlight;
}

export function requireClient(context: FlowContext): OkxClient | undefined {
  const client = context.connection.current.client;
  if (client === undefined || !client.hasCredentials) {
    void vscode.window
      .showErrorMessage(vscode.l10n.t('Set an API key first (or try the sandbox).'), vscode.l10n.t('Set API Key…'), vscode.l10n.t('Try the Sandbox'))
      .then((choice) => {
        if (choice === vscode.l10n.t('Set API Key…')) void vscode.commands.executeCommand('okxEarn.setApiKey');
        if (choice === vscode.l10n.t('Try the Sandbox')) void vscode.commands.executeCommand('okxEarn.trySandbox');
      });
    return undefined;
  }
  return client;
}

/** Requests done in the last minute, by what they were, with the order they made: for "again?". */
const recentlyDone = new Map<string, { readonly at: number; readonly detail: string }>();
const AGAIN_WINDOW_MS = 60_000;

/** Forgets what was done in the last minute (for tests that repeat a request on purpose). */
export function forgetRecentlyDone(): void {
  recentlyDone.clear();
}

/** One money move at a time: runs `send` holding the in-flight slot, or says what holds it and runs nothing. */
async function oneInFlight(context: FlowContext, what: string, send: (client: OkxClient) => Promise<boolean>): Promise<boolean> {
  if (inFlight !== undefined) {
    void ui.warn(vscode.l10n.t('Another request is still being sent ({0}). Wait for its result before sending another.', inFlight));
    return false;
  }
  const client = requireClient(context);
  if (client === undefined) return false;
  inFlight = what;
  try {
    return await send(client);
  } finally {
    inFlight = undefined;
  }
}

/** Runs a money-moving action end to end. Resolves true when it was carried out (done). */
export function runMoneyAction<R>(context: FlowContext, action: MoneyAction<R>): Promise<boolean> {
  return oneInFlight(context, action.what, async (client) => {
    const { environment, profile } = context.connection.current;
    let confirmed = withAgain(action);
    for (;;) {
      if (!(await confirmAction({ environment, profile }, client, confirmed))) return false;
      const renewed = await confirmed.requote?.(client);
      if (renewed === undefined) break;
      context.log.info(`Quote expired before it was sent, renewed: ${confirmed.what}`);
      confirmed = renewed;
    }
    return (await sendAndSettle(context, client, confirmed, sink)) === 'done';
  });
}

/**
 * Sends once more, with the very same key, a request whose outcome is unknown (OKX deduplicates by that key, so
 * this cannot make a second one): only after the user's click in the confirmation, never on its own.
 */
export function resendSameKey<R>(context: FlowContext, action: MoneyAction<R>, sent: SendWindow, pendingId: string): Promise<boolean> {
  return oneInFlight(context, action.what, async (client) => {
    const { environment, profile } = context.connection.current;
    const again: MoneyAction<R> = {
      ...action,
      question: vscode.l10n.t('Send the same request again: {0}', action.question),
      lines: [
        vscode.l10n.t("OKX's answer to it was lost or unclear. It is sent again with the same key ({0}): if OKX already carried it out, it does not carry it out twice.", action.key ?? ''),
        ...(action.lines ?? []),
      ],
    };
    if (!(await confirmAction({ environment, profile }, client, again))) return false;
    await context.pending?.remove(pendingId);
    return (await sendAndSettle(context, client, action, sink, sent)) === 'done';
  });
}

const sink: OutcomeSink = {
  done(what, detail) {
    recentlyDone.set(what, { at: Date.now(), detail });
  },
  outcome(state, message) {
    const run = toolRun();
    if (run !== undefined) run.outcome = { state, message };
  },
};

/** The action with an "again?" in its question when the very same request was done less than a minute ago. */
function withAgain<R>(action: MoneyAction<R>): MoneyAction<R> {
  const previous = recentlyDone.get(action.what);
  if (previous === undefined || Date.now() - previous.at > AGAIN_WINDOW_MS) return action;
  const seconds = String(Math.max(1, Math.round((Date.now() - previous.at) / 1000)));
  return {
    ...action,
    question: vscode.l10n.t('Again? {0}', action.question),
    lines: [vscode.l10n.t('The same request was done {0} s ago: {1} Sending it again makes a second one.', seconds, previous.detail), ...(action.lines ?? [])],
  };
}

/**
 * The explicit confirmation: a modal restating what will be sent and where, loud on a production host (and on
 * a custom host, which may well be a proxy to production with a real key), and the amount typed again when
 * okxEarn.retypeAmountAboveUsd asks for it. True when the user confirmed.
 */
export async function confirmAction<R>(
  target: { readonly environment: EnvironmentSetting; readonly profile: string | undefined },
  client: OkxClient,
  action: MoneyAction<R>,
): Promise<boolean> {
  const { environment, profile } = target;
  const real = environment === 'production' || environment === 'us' || environment === 'eea';
  const where = environmentLabel(environment);
  const rows = [...action.rows, [vscode.l10n.t('Environment'), profile === undefined ? where : `${where} (${profile})`] as const];
  const detail = [
    ...(action.lines === undefined || action.lines.length === 0 ? [] : [...action.lines, '']),
    ...rows.map(([name, value]) => `${name}: ${value}`),
    '',
    real
      ? vscode.l10n.t('PRODUCTION: this moves real money on your OKX account.')
      : environment === 'sandbox'
        ? vscode.l10n.t('Sandbox: simulated, no real money.')
        : environment === 'custom'
          ? vscode.l10n.t('Custom host: if it leads to OKX with a real key, this moves real money.')
          : vscode.l10n.t('{0}: not your production account.', where),
  ].join('\n');
  const question = real ? vscode.l10n.t('⚠ REAL MONEY: {0}', action.question) : action.question;
  const choice = await vscode.window.showWarningMessage(question, { modal: true, detail }, action.verb);
  const run = toolRun();
  if (run !== undefined) run.confirmation = choice === action.verb ? 'confirmed' : 'declined';
  if (choice !== action.verb) return false;

  if ((real || environment === 'custom') && action.amount !== undefined && (await needsRetyping(client, action.amount))) {
    const { value, ccy } = action.amount;
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Type the amount again to confirm'),
      prompt: vscode.l10n.t('Type {0} to confirm "{1}" of {0} {2} on your production account.', value, action.verb, ccy),
      ignoreFocusOut: true,
      validateInput: (text) => (text.trim() === value ? undefined : vscode.l10n.t('Type exactly {0}', value)),
    });
    if (typed?.trim() !== value) return false;
  }
  return true;
}

/** Above the okxEarn.retypeAmountAboveUsd threshold (off when 0); an amount with no known price always asks. */
async function needsRetyping(client: OkxClient, amount: { value: string; ccy: string }): Promise<boolean> {
  const threshold = vscode.workspace.getConfiguration('okxEarn').get<number>('retypeAmountAboveUsd', 0);
  if (!(threshold > 0)) return false;
  if (amount.ccy === 'USDT' || amount.ccy === 'USDC') return D.gt(amount.value, String(threshold));
  try {
    const price = (await usdPrices(client)).get(amount.ccy);
    return price === undefined || D.gt(D.mul(amount.value, price), String(threshold));
  } catch {
    return true;
  }
}

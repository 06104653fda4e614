/**
 * Every action that moves money goes through here, so each one is done the same careful way:
 *  1. one at a time: a second submit while one is in flight is refused;
 *  2. a modal confirmation restating exactly what will be sent and where (loud for production), and, when
 *     the okxEarn.retypeAmountAboveUsd setting asks for it, the amount typed again;
 *  3. a progress notification while it is sent (the client never resends it);
 *  4. a clear result: the order id with a way to see it, or what OKX refused and why;
 *  5. when the outcome is unknown (timeout, reset connection, 50004): no "try again", but a look-up of what
 *     actually happened, told to the user.
 */
import * as vscode from 'vscode';
import type { Connection } from '../connection';
import * as D from '../decimal';
import { errorText, nextStep } from '../messages';
import type { OkxClient } from '../okx/client';
import { OkxError } from '../okx/errors';
import type { AreaId, HistoryKind, Portfolio } from '../portfolio/portfolio';
import { environmentLabel, type EnvironmentSetting } from '../settings';

export interface FlowContext {
  readonly connection: Connection;
  readonly portfolio: Portfolio;
  readonly log: vscode.LogOutputChannel;
}

/** What reconciliation found out. */
export type Reconciled =
  | { readonly happened: true; readonly detail: string }
  | { readonly happened: false; readonly detail: string };

export interface MoneyAction<R> {
  /** For the one-at-a-time guard and the log, e.g. "purchase 100 USDT of product 4005". */
  readonly what: string;
  /** The confirmation's question, e.g. "Purchase 100 USDT of USDT · On-Chain Defi?". */
  readonly question: string;
  /** The button that sends it, e.g. "Purchase". */
  readonly verb: string;
  /** Exactly what will be sent, as rows for the confirmation. */
  readonly rows: readonly (readonly [string, string])[];
  /** The amount, for re-typing above the threshold. */
  readonly amount?: { readonly value: string; readonly ccy: string };
  send(client: OkxClient): Promise<R>;
  /** What to tell the user on success. */
  done(result: R): string;
  /** Looks up whether an unknown-outcome request took effect. */
  reconcile(client: OkxClient): Promise<Reconciled>;
  /** Areas and histories to reload afterwards. */
  readonly refresh: readonly AreaId[];
  readonly histories?: readonly HistoryKind[];
  /** A command that shows the result (e.g. reveals the order), offered with the success message. */
  readonly show?: vscode.Command;
}

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

/** Runs a money-moving action end to end. Resolves true when it was carried out. */
export async function runMoneyAction<R>(context: FlowContext, action: MoneyAction<R>): Promise<boolean> {
  if (inFlight !== undefined) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Another request is still being sent ({0}). Wait for its result before sending another.', inFlight));
    return false;
  }
  const client = requireClient(context);
  if (client === undefined) return false;
  inFlight = action.what;
  try {
    const { environment, profile } = context.connection.current;
    if (!(await confirmAction({ environment, profile }, client, action))) return false;
    return await send(context, client, action);
  } finally {
    inFlight = undefined;
  }
}

/**
 * The explicit confirmation: a modal restating what will be sent and where, loud on a production host, and
 * the amount typed again when okxEarn.retypeAmountAboveUsd asks for it. True when the user confirmed.
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
    ...rows.map(([name, value]) => `${name}: ${value}`),
    '',
    real
      ? vscode.l10n.t('PRODUCTION: this moves real money on your OKX account.')
      : environment === 'sandbox'
        ? vscode.l10n.t('Sandbox: simulated, no real money.')
        : vscode.l10n.t('{0}: not your production account.', where),
  ].join('\n');
  const question = real ? vscode.l10n.t('⚠ REAL MONEY: {0}', action.question) : action.question;
  const choice = await vscode.window.showWarningMessage(question, { modal: true, detail }, action.verb);
  if (choice !== action.verb) return false;

  if (real && action.amount !== undefined && (await needsRetyping(client, action.amount))) {
    const { value, ccy } = action.amount;
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Type the amount again to confirm'),
      prompt: vscode.l10n.t('Type {0} to {1} {0} {2} on your production account.', value, action.verb.toLowerCase(), ccy),
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
    const [assets] = await client.loan.collateralAssets({ ccy: amount.ccy });
    const asset = assets?.assets.find((a) => a.ccy === amount.ccy);
    if (asset === undefined || !D.isPositive(asset.amt)) return true;
    const price = D.div(asset.notionalUsd, asset.amt, 8);
    return D.gt(D.mul(amount.value, price), String(threshold));
  } catch {
    return true;
  }
}

async function send<R>(context: FlowContext, client: OkxClient, action: MoneyAction<R>): Promise<boolean> {
  const { portfolio, log } = context;
  log.info(`Sending: ${action.what}`);
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('{0}…', action.question.replace(/[?？]$/, '')) },
    async () => {
      try {
        return { ok: true as const, result: await action.send(client) };
      } catch (error) {
        return { ok: false as const, error };
      }
    },
  );
  const refresh = async (): Promise<void> => {
    for (const kind of action.histories ?? []) portfolio.resetHistory(kind);
    await portfolio.refresh(action.refresh);
  };

  if (outcome.ok) {
    log.info(`Done: ${action.what}`);
    void refresh();
    const message = action.done(outcome.result);
    if (action.show === undefined) {
      void vscode.window.showInformationMessage(message);
    } else {
      const show = action.show;
      void vscode.window.showInformationMessage(message, show.title).then((choice) => {
        if (choice === show.title) void vscode.commands.executeCommand(show.command, ...((show.arguments ?? []) as unknown[]));
      });
    }
    return true;
  }

  const error = outcome.error;
  if (error instanceof OkxError && error.outcomeUnknown) {
    log.warn(`Outcome unknown: ${action.what}; looking it up`);
    return reconcile(context, client, action);
  }
  log.warn(`Refused: ${action.what}: ${errorText(error)}`);
  const step = nextStep(error);
  void vscode.window.showErrorMessage(
    step === undefined ? vscode.l10n.t('{0}: {1}', action.verb, errorText(error)) : vscode.l10n.t('{0}: {1} {2}', action.verb, errorText(error), step),
  );
  return false;
}

/** After an unknown outcome: look it up, tell the user what happened, and never offer a blind retry. */
async function reconcile<R>(context: FlowContext, client: OkxClient, action: MoneyAction<R>): Promise<boolean> {
  const look = (): Thenable<Reconciled | Error> =>
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('No answer from OKX. Checking whether it went through…') },
      () => action.reconcile(client).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
    );
  for (;;) {
    const found = await look();
    if (!(found instanceof Error)) {
      context.log.info(`Reconciled ${action.what}: ${found.happened ? 'it went through' : 'it did not go through'}`);
      for (const kind of action.histories ?? []) context.portfolio.resetHistory(kind);
      void context.portfolio.refresh(action.refresh);
      if (found.happened) {
        void vscode.window.showInformationMessage(vscode.l10n.t('OKX did not answer, but the request went through: {0}', found.detail));
      } else {
        void vscode.window.showWarningMessage(vscode.l10n.t('OKX did not answer, and the request did not go through: {0} Nothing was changed; you can send it again.', found.detail));
      }
      return found.happened;
    }
    const again = vscode.l10n.t('Check Again');
    const choice = await vscode.window.showErrorMessage(
      vscode.l10n.t('OKX did not answer, and checking what happened failed too ({0}). The request may or may not have gone through: check your orders and balances before sending it again.', errorText(found)),
      again,
    );
    if (choice !== again) return false;
  }
}

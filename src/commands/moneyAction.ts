/**
 * Every action that moves money goes through here, so each one is done the same careful way:
 *  1. one at a time: a second submit while one is in flight is refused;
 *  2. a modal confirmation restating exactly what will be sent and where (loud for production), and, when
 *     the okxEarn.retypeAmountAboveUsd setting asks for it, the amount typed again;
 *  3. a progress notification while it is sent (the client never resends it);
 *  4. a clear result: the order id with a way to see it, or what OKX refused and why;
 *  5. when the outcome is unknown (timeout, reset connection, 50004, a redirect, a server error or a success
 *     that cannot be read): no "try again", but a look-up of what actually happened, told to the user, with
 *     "probably" where it could only be matched by amount and time;
 *  6. OKX's answers about a client order id (borrow, repay) understood: "already done" (51016) is done, never
 *     a second loan or repayment; "still in flight" (51784) is waited for and then looked up (./sendOnce);
 *  7. for what OKX settles after accepting it (a repayment), the result as OKX then shows it;
 *  8. afterwards, the affected areas are read again, after the action (never a load that began before it);
 *  9. what is sent with a quote that expires (Dual Investment) is never sent once the quote has run out: the
 *     action's `requote` renews it after the user confirmed, and the user confirms the new terms instead.
 * Nothing here throws once the request has been sent.
 */
import * as vscode from 'vscode';
import type { Connection } from '../connection';
import * as D from '../decimal';
import { errorText, nextStep, retryText } from '../messages';
import type { OkxClient } from '../okx/client';
import type { AreaId, HistoryKind, Portfolio } from '../portfolio/portfolio';
import { usdPrices } from '../portfolio/prices';
import { environmentLabel, type EnvironmentSetting } from '../settings';
import { sendWindow, type Reconciled, type SendWindow } from './reconcile';
import { sendOnce } from './sendOnce';
import { toolRun, ui } from './ui';

export type { Certainty, Reconciled, SendWindow } from './reconcile';

export interface FlowContext {
  readonly connection: Connection;
  readonly portfolio: Portfolio;
  readonly log: vscode.LogOutputChannel;
}

export interface MoneyAction<R> {
  /** For the one-at-a-time guard and the log, e.g. "purchase 100 USDT of product 4005". */
  readonly what: string;
  /** The confirmation's question, e.g. "Purchase 100 USDT of USDT · On-Chain Defi?". */
  readonly question: string;
  /** The button that sends it, e.g. "Purchase". */
  readonly verb: string;
  /** Exactly what will be sent, as rows for the confirmation. */
  readonly rows: readonly (readonly [string, string])[];
  /** Sentences shown above the rows (e.g. both outcomes of a Dual Investment, or what a new quote changed). */
  readonly lines?: readonly string[];
  /** The amount, for re-typing above the threshold. */
  readonly amount?: { readonly value: string; readonly ccy: string };
  send(client: OkxClient): Promise<R>;
  /** What to tell the user on success. */
  done(result: R): string;
  /**
   * For requests OKX settles after accepting them (a loan repayment): waits for the result and says what it is.
   * Shown instead of `done` once it resolves.
   */
  settle?(client: OkxClient, result: R): Promise<string>;
  /**
   * Looks up whether an unknown-outcome request took effect; `sent` dates it in OKX's time, for matching
   * history records (see findInHistory in ./reconcile).
   */
  reconcile(client: OkxClient, sent: SendWindow): Promise<Reconciled>;
  /** Areas and histories to reload afterwards. */
  readonly refresh: readonly AreaId[];
  readonly histories?: readonly HistoryKind[];
  /** A command that shows the result (e.g. reveals the order), offered with the success message. */
  readonly show?: vscode.Command | ((result: R) => vscode.Command);
  /**
   * For an action sent with a quote that expires: called once the user has confirmed, just before sending.
   * Undefined: the confirmed action is sent. Otherwise the quote ran out: the action with a new quote, whose
   * question and lines say what changed, and which the user confirms (and this checks) again; the old quote is
   * never sent. Throwing (no new quote could be had) sends nothing. Without it, an action is sent as confirmed.
   */
  requote?(client: OkxClient): Promise<MoneyAction<R> | undefined>;
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
    void ui.warn(vscode.l10n.t('Another request is still being sent ({0}). Wait for its result before sending another.', inFlight));
    return false;
  }
  const client = requireClient(context);
  if (client === undefined) return false;
  inFlight = action.what;
  try {
    const { environment, profile } = context.connection.current;
    let confirmed = action;
    for (;;) {
      if (!(await confirmAction({ environment, profile }, client, confirmed))) return false;
      const renewed = await confirmed.requote?.(client);
      if (renewed === undefined) break;
      context.log.info(`Quote expired before it was sent, renewed: ${confirmed.what}`);
      confirmed = renewed;
    }
    return await send(context, client, confirmed);
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
    ...(action.lines === undefined || action.lines.length === 0 ? [] : [...action.lines, '']),
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
  const run = toolRun();
  if (run !== undefined) run.confirmation = choice === action.verb ? 'confirmed' : 'declined';
  if (choice !== action.verb) return false;

  if (real && action.amount !== undefined && (await needsRetyping(client, action.amount))) {
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

async function send<R>(context: FlowContext, client: OkxClient, action: MoneyAction<R>): Promise<boolean> {
  const { log } = context;
  log.info(`Sending: ${action.what}`);
  // Local time; turned into OKX's time when it is needed, with the clock offset the client knows by then.
  const sentLocal = Date.now();
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('{0}…', action.question.replace(/[?？]$/, '')) },
    (progress) =>
      sendOnce(
        () => action.send(client),
        async () => {
          progress.report({ message: vscode.l10n.t('No clear answer from OKX. Checking whether it went through…') });
          const waiting = context.connection.onDidRetry((event) => progress.report({ message: retryText(event) }));
          try {
            return await action.reconcile(client, sendWindow(sentLocal, client.clockOffsetMs));
          } finally {
            waiting.dispose();
          }
        },
      ),
  );

  switch (outcome.kind) {
    case 'sent': {
      log.info(`Done: ${action.what}`);
      void refreshAfter(context, action);
      let message: string;
      try {
        message = action.done(outcome.result);
      } catch (error) {
        // OKX said it was done; a result this flow cannot read must not turn that into a failure.
        log.warn(`Done, but its result could not be read: ${action.what}: ${errorText(error)}`);
        message = vscode.l10n.t('{0}: done. OKX confirmed the request.', action.verb);
      }
      if (action.settle !== undefined) {
        const settle = action.settle.bind(action);
        const accepted = message;
        message = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('{0} Waiting for OKX to settle it…', accepted) },
          () => settle(client, outcome.result).catch((error: unknown) => vscode.l10n.t('{0} Whether it has settled could not be checked ({1}): see the Loans view.', accepted, errorText(error))),
        );
        void refreshAfter(context, action);
      }
      let show: vscode.Command | undefined;
      try {
        show = typeof action.show === 'function' ? action.show(outcome.result) : action.show;
      } catch {
        show = undefined;
      }
      if (show === undefined) {
        void ui.info(message);
      } else {
        const { title, command, arguments: args } = show;
        void ui.info(message, title).then((choice) => {
          if (choice === title) void vscode.commands.executeCommand(command, ...((args ?? []) as unknown[]));
        });
      }
      return true;
    }
    case 'already-done': {
      // OKX already carried out a request with this client order id: it happened once, and is not sent again.
      log.info(`Already done (OKX answered 51016 for its client order id): ${action.what}`);
      void refreshAfter(context, action);
      const detail = outcome.found instanceof Error ? '' : ` ${outcome.found.detail}`;
      void ui.info(vscode.l10n.t('OKX says this request was already carried out (same client order id), so it was not carried out twice.{0}', detail));
      return true;
    }
    case 'looked-up':
      log.warn(`${outcome.why === 'in-flight' ? 'Still being processed (51784)' : 'Outcome unknown'}: ${action.what}; looked it up`);
      return reconcile(context, client, action, sentLocal, outcome.found, outcome.why);
    case 'refused': {
      const error = outcome.error;
      log.warn(`Refused: ${action.what}: ${errorText(error)}`);
      const step = nextStep(error);
      void ui.error(
        step === undefined ? vscode.l10n.t('{0}: {1}', action.verb, errorText(error)) : vscode.l10n.t('{0}: {1} {2}', action.verb, errorText(error), step),
      );
      return false;
    }
  }
}

/** Reads the affected areas and histories again, after the action: never a load that began before it. */
async function refreshAfter<R>(context: FlowContext, action: MoneyAction<R>): Promise<void> {
  for (const kind of action.histories ?? []) context.portfolio.resetHistory(kind);
  await context.portfolio.refresh(action.refresh, { fresh: true });
}

/**
 * After an unknown outcome (or 51784, still in flight): say what the look-up found and how sure that is, look
 * again on request, and never offer a blind retry.
 */
async function reconcile<R>(
  context: FlowContext,
  client: OkxClient,
  action: MoneyAction<R>,
  sentLocal: number,
  first: Reconciled | Error,
  why: 'unknown-outcome' | 'in-flight',
): Promise<boolean> {
  const look = (): Thenable<Reconciled | Error> =>
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("OKX's answer was lost or unclear. Checking whether the request went through…") },
      async (progress) => {
        // A look-up read that has to wait (rate limited) says until when.
        const waiting = context.connection.onDidRetry((event) => progress.report({ message: retryText(event) }));
        try {
          return await action.reconcile(client, sendWindow(sentLocal, client.clockOffsetMs));
        } catch (error) {
          return error instanceof Error ? error : new Error(String(error));
        } finally {
          waiting.dispose();
        }
      },
    );
  const inFlight = why === 'in-flight';
  for (let found = first; ; found = await look()) {
    if (!(found instanceof Error)) {
      const certain = found.certainty === 'certain';
      context.log.info(`Reconciled ${action.what}: ${certain ? '' : 'probably '}${found.happened ? 'it went through' : 'it did not go through'}`);
      void refreshAfter(context, action);
      if (found.happened && certain) {
        void ui.info(
          inFlight
            ? vscode.l10n.t('OKX was still processing an earlier copy of this request, and it went through: {0}', found.detail)
            : vscode.l10n.t("OKX's answer was lost or unclear, but the request went through: {0}", found.detail),
        );
      } else if (found.happened) {
        void ui.warn(
          inFlight
            ? vscode.l10n.t('OKX was still processing an earlier copy of this request. It probably went through: {0} This is matched by amount and time only: check on OKX before sending anything again.', found.detail)
            : vscode.l10n.t("OKX's answer was lost or unclear. The request probably went through: {0} OKX keeps no id for it, so this is matched by amount and time only: check on OKX before sending anything again.", found.detail),
        );
      } else if (certain && !inFlight) {
        void ui.warn(vscode.l10n.t("OKX's answer was lost or unclear, and the request did not go through: {0} Nothing was changed; you can send it again.", found.detail));
      } else {
        void ui.warn(
          inFlight
            ? vscode.l10n.t('OKX was still processing an earlier copy of this request, and it has not shown up yet: {0} It may still go through: check on OKX before sending it again.', found.detail)
            : vscode.l10n.t("OKX's answer was lost or unclear, and the request probably did not go through: {0} OKX keeps no id for it, so this is checked by amount and time only: check on OKX before sending it again.", found.detail),
        );
      }
      return found.happened;
    }
    const again = vscode.l10n.t('Check Again');
    const choice = await ui.error(
      vscode.l10n.t("OKX's answer was lost or unclear, and checking what happened failed too ({0}). The request may or may not have gone through: check your orders and balances before sending it again.", errorText(found)),
      again,
    );
    if (choice !== again) return false;
  }
}

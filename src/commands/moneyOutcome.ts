/**
 * Sends a confirmed money move once and tells the user what became of it, in one of three outcomes
 * (./outcome): done, not done, or unknown. An unknown outcome is checked by the request's key over a bounded
 * window, with a visible, cancellable "Checking with OKX…"; what is still unknown then is kept as a pending
 * move (a row in its product's view, checked in the background: ./pendingChecker) and said plainly: don't send
 * it again. Nothing here throws once the request has been sent.
 */
import * as vscode from 'vscode';
import { errorText, nextStep, retryText } from '../messages';
import type { OkxClient } from '../okx/client';
import type { AreaId, HistoryKind } from '../portfolio/portfolio';
import { runLookup } from './lookups';
import type { FlowContext, MoneyAction } from './flowTypes';
import { checkOverTime, CHECK_SCHEDULE_MS, type Finding, type OutcomeState } from './outcome';
import { sendWindow, type SendWindow } from './reconcile';
import { connectionKey } from './pendingMoves';
import { sendOnce } from './sendOnce';
import { toolRun, ui } from './ui';

/** Where the runner records outcomes: the "again?" memory and the chat tool's report. */
export interface OutcomeSink {
  done(what: string, detail: string): void;
  outcome(state: OutcomeState, message: string): void;
}

/** The look-up schedule; integration tests shorten it (never a user setting). */
let schedule: readonly number[] = CHECK_SCHEDULE_MS;
export function setCheckSchedule(next: readonly number[] | undefined): void {
  schedule = next ?? CHECK_SCHEDULE_MS;
}

/** Unknown moves that can be sent again with the same key in this session, by pending id. */
const resendable = new Map<string, { readonly action: MoneyAction<unknown>; readonly sent: SendWindow }>();
/** The unknown move `id` if it can be sent again with its key now: in this session, while OKX deduplicates by it. */
export function resendableNow(context: FlowContext, id: string): { readonly action: MoneyAction<unknown>; readonly sent: SendWindow } | undefined {
  const move = resendable.get(id);
  const serverNow = Date.now() + (context.connection.current.client?.clockOffsetMs ?? 0);
  return move?.action.sameKeyUntil !== undefined && move.action.sameKeyUntil(move.sent) > serverNow ? move : undefined;
}

/** The view that shows an area's pending rows, as the command that focuses it. */
export function viewOfArea(area: AreaId): { readonly command: string; readonly name: string } {
  switch (area) {
    case 'onchain':
    case 'eth':
    case 'sol':
      return { command: 'okxEarn.staking.focus', name: vscode.l10n.t('Staking') };
    case 'savings':
    case 'trading':
      return { command: 'okxEarn.savings.focus', name: vscode.l10n.t('Savings') };
    case 'loans':
      return { command: 'okxEarn.loans.focus', name: vscode.l10n.t('Loans') };
    default:
      return { command: 'okxEarn.moreEarn.focus', name: vscode.l10n.t('More Earn') };
  }
}

export { connectionKey };

/**
 * Sends the confirmed action once and settles its outcome. `firstSent`: when this is a resend with the same key,
 * the first send's window (look-ups search from it).
 */
export async function sendAndSettle<R>(context: FlowContext, client: OkxClient, action: MoneyAction<R>, sink: OutcomeSink, firstSent?: SendWindow): Promise<OutcomeState> {
  const { log } = context;
  log.info(`Sending: ${action.what}${action.key === undefined ? '' : ` (${action.key})`}`);
  const sentLocal = Date.now();
  const answer = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('{0}…', action.question.replace(/[?？]$/, '')) },
    () => sendOnce(() => action.send(client, firstSent !== undefined)),
  );
  // OKX's time of the send, with the clock offset the client knows by now.
  const sent = firstSent ?? sendWindow(sentLocal, client.clockOffsetMs);

  switch (answer.kind) {
    case 'answered': {
      const reading = readAck(action, answer.result, log);
      if (reading === undefined) return tellDone(context, client, action, answer.result, sink);
      if (reading.state === 'not-done') return tellNotDone(context, action, sink, reading.detail);
      log.warn(`Unclear acknowledgement: ${action.what}: ${reading.detail}`);
      return checkAndTell(context, client, action, sink, sent, vscode.l10n.t("OKX's acknowledgement names no order ({0}).", reading.detail));
    }
    case 'already-done': {
      // OKX already carried out a request with this key: it happened once, and is not sent again.
      log.info(`Already done (51016, same client order id): ${action.what}`);
      const found = await runLookup(client, action.lookup, sent).catch((error: unknown) => ({ state: 'unknown' as const, detail: errorText(error) }));
      const message = vscode.l10n.t('OKX says this request was already carried out (same client order id), so it was not carried out twice.{0}', found.state === 'done' ? ` ${found.detail}` : '');
      return finish(context, action, sink, 'done', message);
    }
    case 'unknown':
      log.warn(`${answer.why === 'in-flight' ? 'Still being processed (51784)' : 'Outcome unknown'}: ${action.what}: ${errorText(answer.error)}`);
      return checkAndTell(
        context,
        client,
        action,
        sink,
        sent,
        answer.why === 'in-flight' ? vscode.l10n.t('OKX is still processing a request with this key.') : vscode.l10n.t("OKX's answer was lost or unclear."),
      );
    case 'refused': {
      const error = answer.error;
      log.warn(`Refused: ${action.what}: ${errorText(error)}`);
      const step = nextStep(error);
      const message = step === undefined ? vscode.l10n.t('{0}: {1}', action.verb, errorText(error)) : vscode.l10n.t('{0}: {1} {2}', action.verb, errorText(error), step);
      sink.outcome('not-done', message);
      void ui.error(message);
      return 'not-done';
    }
  }
}

function readAck<R>(action: MoneyAction<R>, result: R, log: vscode.LogOutputChannel): Finding | undefined {
  try {
    return action.ack?.(result);
  } catch (error) {
    log.warn(`Acknowledgement could not be read: ${action.what}: ${errorText(error)}`);
    return { state: 'unknown', detail: errorText(error) };
  }
}

async function tellDone<R>(context: FlowContext, client: OkxClient, action: MoneyAction<R>, result: R, sink: OutcomeSink): Promise<OutcomeState> {
  context.log.info(`Done: ${action.what}`);
  void refreshAfter(context, action);
  let message: string;
  try {
    message = action.done(result);
  } catch (error) {
    context.log.warn(`Done, but its result could not be read: ${action.what}: ${errorText(error)}`);
    message = vscode.l10n.t('{0}: done. OKX confirmed the request.', action.verb);
  }
  if (action.settle !== undefined) {
    const settle = action.settle.bind(action);
    const accepted = message;
    message = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('{0} Waiting for OKX to settle it…', accepted) },
      () => settle(client, result).catch((error: unknown) => vscode.l10n.t('{0} Whether it has settled could not be checked ({1}): see the Loans view.', accepted, errorText(error))),
    );
    void refreshAfter(context, action);
  }
  let show: vscode.Command | undefined;
  try {
    show = typeof action.show === 'function' ? action.show(result) : action.show;
  } catch {
    show = undefined;
  }
  sink.done(action.what, message);
  sink.outcome('done', message);
  if (show === undefined) {
    void ui.info(message);
  } else {
    const { title, command, arguments: args } = show;
    void ui.info(message, title).then((choice) => {
      if (choice === title) void vscode.commands.executeCommand(command, ...((args ?? []) as unknown[]));
    });
  }
  return 'done';
}

function tellNotDone<R>(context: FlowContext, action: MoneyAction<R>, sink: OutcomeSink, detail: string): OutcomeState {
  context.log.warn(`Not done: ${action.what}: ${detail}`);
  void refreshAfter(context, action);
  const message = vscode.l10n.t('{0}: not done. {1}', action.verb, detail);
  sink.outcome('not-done', message);
  void ui.error(message);
  return 'not-done';
}

function finish<R>(context: FlowContext, action: MoneyAction<R>, sink: OutcomeSink, state: 'done', message: string): OutcomeState {
  void refreshAfter(context, action);
  sink.done(action.what, message);
  sink.outcome(state, message);
  void ui.info(message);
  return state;
}

/** Reads the affected areas and histories again, after the action: never a load that began before it. */
export async function refreshAfter(context: FlowContext, action: { readonly refresh: readonly AreaId[]; readonly histories?: readonly HistoryKind[] }): Promise<void> {
  for (const kind of action.histories ?? []) context.portfolio.resetHistory(kind);
  await context.portfolio.refresh(action.refresh, { fresh: true });
}

/**
 * The outcome is unknown: look the request up by its key over the check window (cancellable), and tell what
 * OKX's records settle; what they do not settle yet becomes a pending move.
 */
async function checkAndTell<R>(context: FlowContext, client: OkxClient, action: MoneyAction<R>, sink: OutcomeSink, sent: SendWindow, why: string): Promise<OutcomeState> {
  const found = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking with OKX whether it went through: {0}', action.what), cancellable: true },
    async (progress, token) => {
      const waiting = context.connection.onDidRetry((event) => progress.report({ message: retryText(event) }));
      try {
        return await checkOverTime(() => runLookup(client, action.lookup, sent), {
          schedule,
          cancelled: () => token.isCancellationRequested,
          onAttempt: (n, of) => progress.report({ message: vscode.l10n.t('{0} Look-up {1} of {2}…', why, n, of) }),
        });
      } finally {
        waiting.dispose();
      }
    },
  );
  context.log.info(`Checked ${action.what} ${found.checks} time(s): ${found.state}${found.detail === '' ? '' : `: ${found.detail}`}`);
  if (found.state === 'done') {
    const message =
      found.certainty === 'probable'
        ? vscode.l10n.t("OKX's answer was lost or unclear. The request probably went through: {0} OKX keeps no id for it, so this is told by what changed: check on OKX before sending anything again.", found.detail)
        : vscode.l10n.t("OKX's answer was lost or unclear, but the request went through: {0}", found.detail);
    void refreshAfter(context, action);
    sink.done(action.what, found.detail);
    sink.outcome('done', message);
    if (found.certainty === 'probable') void ui.warn(message);
    else void ui.info(message);
    return 'done';
  }
  if (found.state === 'not-done') {
    const message = vscode.l10n.t("OKX's answer was lost or unclear; OKX's records show the request did not go through: {0} Nothing was changed.", found.detail);
    void refreshAfter(context, action);
    sink.outcome('not-done', message);
    void ui.warn(message);
    return 'not-done';
  }
  return keepPending(context, client, action, sink, sent, found.detail);
}

/** Still unknown after the window: a pending move, checked in the background, and a plain "don't send it again". */
async function keepPending<R>(context: FlowContext, client: OkxClient, action: MoneyAction<R>, sink: OutcomeSink, sent: SendWindow, detail: string): Promise<OutcomeState> {
  const area = action.refresh[0] ?? 'okusd';
  const view = viewOfArea(area);
  const id = `pending-${sent.sentAt}-${Math.random().toString(36).slice(2, 8)}`;
  await context.pending?.add({
    id,
    what: action.what,
    key: action.key ?? '',
    connection: connectionKey(context),
    area,
    refresh: action.refresh,
    histories: action.histories ?? [],
    lookup: action.lookup,
    sent,
    checkedAt: Date.now(),
    checks: 0,
    lastDetail: detail,
  });
  const serverNow = Date.now() + client.clockOffsetMs;
  const canResend = action.sameKeyUntil !== undefined && action.sameKeyUntil(sent) > serverNow && toolRun() === undefined;
  const message = canResend
    ? vscode.l10n.t(
        "Still unknown whether OKX carried out the {0}: its records do not show it yet. Don't send a new request: it is kept as pending in the {1} view and checked in the background. Sending it again with the same key is safe: OKX does not carry it out twice.",
        action.what,
        view.name,
      )
    : vscode.l10n.t(
        "Still unknown whether OKX carried out the {0}: its records do not show it yet. Don't send it again: it is kept as pending in the {1} view and checked in the background, and you will be told once OKX's records settle it.",
        action.what,
        view.name,
      );
  context.log.warn(`Pending: ${action.what} (${id})`);
  sink.outcome('unknown', message);
  if (canResend) resendable.set(id, { action: action as MoneyAction<unknown>, sent });
  const resend = vscode.l10n.t('Send Again With the Same Key…');
  const show = vscode.l10n.t('Show Pending');
  // Not awaited: the flow ends here, and the notification's buttons work for as long as it is shown (run once
  // this flow has let go of its action, so that a resend is never refused as "still being sent").
  // Showing it first (the default button); sending it again only as the second choice.
  void ui.warn(message, show, ...(canResend ? [resend] : [])).then((choice) =>
    setTimeout(() => {
      if (choice === show) void vscode.commands.executeCommand(view.command);
      if (choice === resend) void vscode.commands.executeCommand('okxEarn.pending.resend', id);
    }, 0),
  );
  return 'unknown';
}

/**
 * Checks pending money moves (./pendingMoves) in the background, by their keys, until OKX's records settle
 * them; tells the user once when one does, and reads its product again. Also the pending rows' commands:
 * Check Now, Send Again With the Same Key (only in the session that sent it, only while OKX deduplicates by
 * the key, and only through the confirmation), and Forget (after the user checked on OKX).
 */
import * as vscode from 'vscode';
import { errorText } from '../messages';
import { runLookup } from './lookups';
import { resendSameKey, type FlowContext } from './moneyAction';
import { connectionKey, refreshAfter, resendableNow } from './moneyOutcome';
import { PENDING_CHECK_MS, type Finding } from './outcome';
import { nextCheckAt, type PendingMove, type PendingMoves } from './pendingMoves';
import { ui } from './ui';

/** How often the checker looks for moves that are due (each move has its own, growing interval). */
const TICK_MS = 5_000;

export class PendingChecker implements vscode.Disposable {
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly checking = new Set<string>();
  private schedule: readonly number[] = PENDING_CHECK_MS;

  constructor(
    private readonly context: FlowContext,
    private readonly moves: PendingMoves,
  ) {
    this.timer = setInterval(() => void this.checkDue(), TICK_MS);
    this.timer.unref?.();
  }

  /** Integration tests check sooner (never a user setting). */
  setSchedule(schedule: readonly number[] | undefined): void {
    this.schedule = schedule ?? PENDING_CHECK_MS;
  }

  /** Checks every move of the current connection that is due. */
  async checkDue(): Promise<void> {
    const now = Date.now();
    const due = this.moves.of(connectionKey(this.context)).filter((m) => (nextCheckAt(m, this.schedule) ?? Infinity) <= now);
    for (const move of due) await this.check(move);
  }

  /** Checks one move now; resolves with what was found (undefined when it could not be checked). */
  async check(move: PendingMove): Promise<Finding | undefined> {
    const client = this.context.connection.current.client;
    if (client === undefined || !client.hasCredentials || move.connection !== connectionKey(this.context) || this.checking.has(move.id)) return undefined;
    this.checking.add(move.id);
    try {
      let found: Finding;
      try {
        found = await runLookup(client, move.lookup, move.sent);
      } catch (error) {
        found = { state: 'unknown', detail: errorText(error) };
      }
      if (found.state === 'unknown') {
        await this.moves.checked(move.id, found, Date.now());
        return found;
      }
      // Settled: told once (the move is gone from the list before the message is shown).
      if ((await this.moves.remove(move.id)) === undefined) return found;
      this.context.log.info(`Pending move settled: ${move.what}: ${found.state}: ${found.detail}`);
      void refreshAfter(this.context, move);
      if (found.state === 'done') {
        void ui.info(
          found.certainty === 'probable'
            ? vscode.l10n.t('The pending {0} probably went through: {1} (told by what changed: check on OKX).', move.what, found.detail)
            : vscode.l10n.t('The pending {0} went through: {1}', move.what, found.detail),
        );
      } else {
        void ui.warn(vscode.l10n.t("The pending {0} did not go through, as OKX's records now show: {1} Nothing was changed.", move.what, found.detail));
      }
      return found;
    } finally {
      this.checking.delete(move.id);
    }
  }

  registerCommands(): vscode.Disposable[] {
    const idOf = (arg: unknown): string | undefined => {
      if (typeof arg === 'string') return arg;
      const payload = (arg as { payload?: { kind?: string; id?: string } } | undefined)?.payload;
      return payload?.kind === 'pending' ? payload.id : undefined;
    };
    return [
      vscode.commands.registerCommand('okxEarn.pending.checkNow', async (arg?: unknown) => {
        const move = this.moves.get(idOf(arg) ?? '');
        if (move === undefined) return undefined;
        const found = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking with OKX whether it went through: {0}', move.what) },
          () => this.check(move),
        );
        if (found?.state === 'unknown') void ui.info(vscode.l10n.t("Still unknown: OKX's records do not show the {0} yet ({1}). Checking goes on in the background.", move.what, found.detail));
        return found?.state;
      }),
      vscode.commands.registerCommand('okxEarn.pending.resend', async (arg?: unknown) => {
        const id = idOf(arg) ?? '';
        const move = this.moves.get(id);
        const resend = resendableNow(this.context, id);
        if (move === undefined || resend === undefined) {
          void ui.warn(vscode.l10n.t('This request can no longer be sent again safely (OKX only keeps its key for a while). It is still checked in the background; check on OKX before sending anything new.'));
          return false;
        }
        return resendSameKey(this.context, resend.action, resend.sent, id);
      }),
      vscode.commands.registerCommand('okxEarn.pending.forget', async (arg?: unknown) => {
        const move = this.moves.get(idOf(arg) ?? '');
        if (move === undefined) return false;
        const forget = vscode.l10n.t('Forget It');
        const choice = await vscode.window.showWarningMessage(
          vscode.l10n.t('Stop checking the {0}?', move.what),
          { modal: true, detail: vscode.l10n.t("Do this only once you have seen on OKX what became of it. OKX's records have not settled it yet; nothing is sent or cancelled.") },
          forget,
        );
        if (choice !== forget) return false;
        await this.moves.remove(move.id);
        this.context.log.info(`Pending move forgotten by the user: ${move.what}`);
        return true;
      }),
    ];
  }

  dispose(): void {
    clearInterval(this.timer);
  }
}

/**
 * What a money flow hands the runner (./moneyAction): the context it runs in and the action it asks to send,
 * with how its outcome is read and looked up. Types only, below both the runner and ./moneyOutcome.
 */
import type * as vscode from 'vscode';
import type { Connection } from '../connection';
import type { OkxClient } from '../okx/client';
import type { AreaId, HistoryKind, Portfolio } from '../portfolio/portfolio';
import type { Finding, LookupRef } from './outcome';
import type { PendingMoves } from './pendingMoves';
import type { SendWindow } from './reconcile';

export interface FlowContext {
  readonly connection: Connection;
  readonly portfolio: Portfolio;
  readonly log: vscode.LogOutputChannel;
  /** Where unknown outcomes are kept as pending moves (absent in contexts that keep none). */
  readonly pending?: PendingMoves;
}

export interface MoneyAction<R> {
  /** For the one-at-a-time guard, the log and the pending row, e.g. "purchase 100 USDT of product 4005". */
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
  /** Sends it; `resend`: sent again with the same key after an unclear answer (a refusal may then be ambiguous). */
  send(client: OkxClient, resend?: boolean): Promise<R>;
  /**
   * Reads OKX's acknowledgement (code "0"): undefined when it names what was done; otherwise what it says: not
   * done (its state is failed) or unknown (it names no order: `data: []` or `[{}]`), which is then looked up.
   * Without it, a code "0" answer is done (for endpoints whose documented answer is empty).
   */
  ack?(result: R): Finding | undefined;
  /** What to tell the user when done. */
  done(result: R): string;
  /**
   * For requests OKX settles after accepting them (a loan repayment): waits for the result and says what it is.
   * Shown instead of `done` once it resolves.
   */
  settle?(client: OkxClient, result: R): Promise<string>;
  /** How the request is looked up after an unclear answer, by its key: now, over time, and after a reload. */
  readonly lookup: LookupRef;
  /** The key OKX knows the request by, in words, for the pending row and the log ("client order id …"). */
  readonly key?: string;
  /**
   * Until when (OKX's time, ms) sending the very same request again cannot make a second one, because OKX
   * deduplicates by its key (OKUSD's client order id for good, a loan's for 60 s, a quote until it runs out).
   * Absent: no resend is ever offered while the outcome is unknown.
   */
  sameKeyUntil?(sent: SendWindow): number;
  /** Areas and histories to reload afterwards; the first area's view shows a pending row. */
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

/**
 * The pending rows at the top of a product's view: money moves whose outcome OKX's records have not settled
 * yet (../commands/pendingMoves), each saying so plainly, with Check Now on click and, in its menu, Send Again
 * With the Same Key (where that cannot make a second order) and Forget.
 */
import * as vscode from 'vscode';
import type { AreaId } from '../portfolio/portfolio';
import { fieldsTooltip, LeafNode, time, type TreeNode } from './nodes';

/** What a pending row shows of a pending move (../commands/pendingMoves' PendingMove has these fields and more). */
export interface PendingRowMove {
  readonly id: string;
  readonly what: string;
  readonly key: string;
  readonly area: AreaId;
  readonly sent: { readonly sentAt: number };
  readonly checks: number;
  readonly lastDetail: string;
}

export interface PendingSource {
  /** The current connection's pending moves. */
  moves(): readonly PendingRowMove[];
  /** Whether the move can be sent again with its key now (in this session, while OKX deduplicates by it). */
  resendable(id: string): boolean;
}

let source: PendingSource | undefined;
const changed = new vscode.EventEmitter<void>();

/** Fires when the pending moves (or the connection) change: the views re-render. */
export const onDidChangePending = changed.event;

export function setPendingSource(next: PendingSource): void {
  source = next;
  changed.fire();
}

export function pendingChanged(): void {
  changed.fire();
}

/** The rows for the moves of `areas`. */
export function pendingNodes(areas: readonly AreaId[]): TreeNode[] {
  return (source?.moves() ?? [])
    .filter((move) => areas.includes(move.area))
    .map((move) => pendingNode(move, source?.resendable(move.id) === true));
}

function pendingNode(move: PendingRowMove, resendable: boolean): TreeNode {
  const payload = { kind: 'pending', id: move.id } as const;
  return new LeafNode(`pending:${move.id}`, {
    label: vscode.l10n.t('Pending: {0}', move.what),
    description: vscode.l10n.t('outcome unknown · checking with OKX'),
    icon: new vscode.ThemeIcon('sync', new vscode.ThemeColor('list.warningForeground')),
    tooltip: fieldsTooltip(vscode.l10n.t('Outcome unknown: {0}', move.what), [
      [vscode.l10n.t('Sent'), time(String(move.sent.sentAt))],
      [vscode.l10n.t('Key'), move.key],
      [vscode.l10n.t('Checks so far'), String(move.checks)],
      [vscode.l10n.t('Last check'), move.lastDetail],
      [vscode.l10n.t('What to do'), vscode.l10n.t("Don't send it again. It is checked in the background; you are told once OKX's records settle it. Click to check now.")],
    ]),
    contextValue: resendable ? 'okxEarn.pendingMove.resendable' : 'okxEarn.pendingMove',
    payload,
    command: { command: 'okxEarn.pending.checkNow', title: vscode.l10n.t('Check Now'), arguments: [move.id] },
  });
}

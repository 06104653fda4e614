/**
 * The live LTV as the status bar, the Loans view and the LTV panel show it: OKX's confirmed figure, or, while
 * OKX's index prices flow over its public WebSocket, the calibrated estimate between polls, marked as such
 * ("LTV ≈ 66.4% live"). Never a stale price as live: the watch reports an order live only while every price
 * it rests on is fresh (../portfolio/liveLoanWatch).
 */
import * as vscode from 'vscode';
import type { LoanInfo } from '../okx/types';
import type { LiveLoanWatch, LiveLtvUpdate, LiveWatchStatus } from '../portfolio/liveLoanWatch';
import type { WhatIfOrder } from '../portfolio/ltvWhatIf';
import { loanKey } from '../portfolio/risk';
import { ltv, time } from './nodes';

let watch: LiveLoanWatch | undefined;
const changed = new vscode.EventEmitter<void>();
const changedNow = new vscode.EventEmitter<void>();
/** For the trees and panels: at most once a second, and only when a figure as shown (0.1 %) changes. */
export const onDidChangeLive = changed.event;
/** For the status bar: at once, on every change of the estimate or the watch's state. */
export const onDidChangeLiveNow = changedNow.event;

/** At most this often the trees and panels re-render for live prices (OKX pushes up to every 100 ms). */
const RENDER_EVERY_MS = 1000;

/** What the trees show of the live figures: a change below that is not worth a re-render. */
function shownFigures(): string {
  return (watch?.estimates() ?? []).map((u) => `${u.key}:${u.live ? ltv(u.ltv) : '-'}:${u.level}`).join('|') + `|${watch?.status.state ?? ''}`;
}

export function setLiveWatch(next: LiveLoanWatch): vscode.Disposable {
  watch = next;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  let shown = '';
  const fire = (): void => {
    changedNow.fire();
    if (timer !== undefined) return;
    const wait = Math.max(0, last + RENDER_EVERY_MS - Date.now());
    timer = setTimeout(() => {
      timer = undefined;
      last = Date.now();
      const now = shownFigures();
      if (now === shown) return;
      shown = now;
      changed.fire();
    }, wait);
  };
  const updates = next.onDidUpdate(fire);
  const status = next.onDidChangeStatus(fire);
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    updates.dispose();
    status.dispose();
    if (watch === next) watch = undefined;
  });
}

/** The order's live figure, when it is live now. */
export function liveFigure(loan: LoanInfo): LiveLtvUpdate | undefined {
  const update = watch?.estimate(loanKey(loan));
  return update?.live === true ? update : undefined;
}

/**
 * The order's figures for the what-if and the prices at margin call and liquidation, calibrated so that they
 * start from OKX's LTV (or the live estimate): a price fall then always raises the LTV.
 */
export function calibratedOrder(loan: LoanInfo): WhatIfOrder | undefined {
  return watch?.whatIfOrder(loanKey(loan));
}

export function liveStatus(): LiveWatchStatus | undefined {
  return watch?.status;
}

/** The loans with each live order's LTV in place of OKX's last figure (for ranking and showing them). */
export function withLiveLtv(loans: readonly LoanInfo[]): LoanInfo[] {
  return loans.map((loan) => {
    const live = liveFigure(loan);
    return live === undefined ? loan : { ...loan, curLTV: live.ltv };
  });
}

/**
 * "≈ 66.4%" or "66.0%": an LTV figure in a row, marked when it is the live estimate (the row's tooltip says
 * so in words; the status bar says "live").
 */
export function ltvFigure(loan: LoanInfo): string {
  const live = liveFigure(loan);
  return live === undefined ? ltv(loan.curLTV) : vscode.l10n.t('≈ {0}', ltv(live.ltv));
}

/** One sentence on where the figure comes from: live (price age, OKX's last confirmation) or paused. */
export function liveSentence(loan: LoanInfo): string | undefined {
  const live = liveFigure(loan);
  if (live !== undefined) {
    const age = live.priceAgeMs === undefined ? '' : vscode.l10n.t(' (prices {0} s old)', String(Math.max(0, Math.round(live.priceAgeMs / 1000))));
    return vscode.l10n.t("Live from OKX's index prices{0}; OKX confirmed {1} at {2}.", age, ltv(live.confirmedLtv), time(String(live.confirmedAt)));
  }
  const status = liveStatus();
  if (status?.state === 'paused') return vscode.l10n.t("Live prices paused ({0}): OKX's figure from the last poll.", pausedReason(status));
  return undefined;
}

export function pausedReason(status: Extract<LiveWatchStatus, { state: 'paused' }>): string {
  switch (status.reason) {
    case 'connecting': return vscode.l10n.t('connecting');
    case 'closed': return vscode.l10n.t('the connection closed');
    case 'silent': return vscode.l10n.t('no prices for a while');
    default: return vscode.l10n.t('reconnecting');
  }
}

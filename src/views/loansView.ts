/**
 * Loans: each flexible-loan order (OKX keeps several per account since 2026) with its id, LTV against margin
 * call and liquidation, borrowed amounts, collateral, liquidation price, and its own interest and history.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import { errorText, fullErrorText } from '../messages';
import type { InterestAccrual, LoanInfo } from '../okx/types';
import type { Portfolio } from '../portfolio/portfolio';
import { loanKey, ltvLevel, type LtvLevel } from '../portfolio/risk';
import { liveSentence, ltvFigure, onDidChangeLive, withLiveLtv } from './liveFigures';
import { loanName } from './loanLabels';
import { PortfolioTree } from './portfolioTree';
import { VIEW_AREAS } from './viewAreas';
import { GroupNode, LeafNode, amount, fieldsTooltip, historyNode, ltv, percent, shortAmount, shortWithCcy, time, usd, withCcy, type TreeNode } from './nodes';

export function levelIcon(level: LtvLevel): vscode.ThemeIcon {
  switch (level) {
    case 'safe': return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'warning': return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    default: return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  }
}

export function ltvSummary(loan: LoanInfo): string {
  return vscode.l10n.t('LTV {0} · margin call {1} · liquidation {2}', ltv(loan.curLTV), percent(loan.marginCallLTV), percent(loan.liqLTV));
}

/** A loan order's row label: the LTV and the margin call it must stay under. */
export function ltvShort(loan: LoanInfo): string {
  return vscode.l10n.t('LTV {0} · call {1}', ltvFigure(loan), percent(loan.marginCallLTV));
}

/** Sums per currency, in the order the currencies first appear: "0.0123 USDT + 0.0001 BTC". */
function sums(records: readonly InterestAccrual[], exact: boolean): string {
  const totals = new Map<string, string>();
  for (const r of records) {
    if (D.isPlainDecimal(r.interest)) totals.set(r.ccy, D.add(totals.get(r.ccy) ?? '0', r.interest));
  }
  return [...totals].map(([ccy, total]) => (exact ? withCcy(total, ccy) : shortWithCcy(total, ccy))).join(' + ');
}

const utcDay = (ms: string): string => new Date(Number(ms)).toISOString().slice(0, 10);

/** A UTC day, short enough for a row ("Nov 30"); with its year in tooltips. */
function utcDate(day: string, withYear = false): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(vscode.env.language, { timeZone: 'UTC', month: 'short', day: 'numeric', ...(withYear ? { year: 'numeric' } : {}) });
}

function utcHour(ms: string): string {
  return new Date(Number(ms)).toLocaleTimeString(vscode.env.language, { timeZone: 'UTC', hour: '2-digit', minute: '2-digit' });
}

/**
 * Can any collateral of the order be taken back now? False only when OKX said "0" for every collateral
 * currency; true when it was not asked (the command then asks OKX itself).
 */
export function canReduceCollateral(loan: LoanInfo, maxRedeem: ReadonlyMap<string, ReadonlyMap<string, string>> | undefined): boolean {
  const byCcy = maxRedeem?.get(loanKey(loan));
  if (byCcy === undefined) return true;
  return loan.collateralData.some((c) => {
    const max = byCcy.get(c.ccy);
    return max === undefined || !D.isPlainDecimal(max) || D.isPositive(max);
  });
}

function canReduceCcy(loan: LoanInfo, ccy: string, maxRedeem: ReadonlyMap<string, ReadonlyMap<string, string>> | undefined): boolean {
  const max = maxRedeem?.get(loanKey(loan))?.get(ccy);
  return max === undefined || !D.isPlainDecimal(max) || D.isPositive(max);
}

export class LoansView extends PortfolioTree {
  constructor(
    portfolio: Portfolio,
    private readonly warnDistance: () => string,
  ) {
    super(portfolio, VIEW_AREAS.loans);
    this.liveSubscription = onDidChangeLive(() => this.refresh());
  }

  private readonly liveSubscription: vscode.Disposable;

  override dispose(): void {
    this.liveSubscription.dispose();
    super.dispose();
  }

  protected async roots(): Promise<TreeNode[]> {
    if (!this.portfolio.hasCredentials) return [];
    // What can be taken back decides the menus: read with the orders, while this view shows them.
    await Promise.all([this.portfolio.ensure('loans'), this.portfolio.ensure('loanLimits')]);
    const limits = this.portfolio.get('loanLimits');
    const maxRedeem = 'data' in limits ? limits.data?.maxRedeem : undefined;
    return this.area('loans', ({ loans }) => loans.map((loan) => this.loan(loan, loans, maxRedeem)));
  }

  /** The id of a loan order's node, for reveal(). */
  static nodeId(loanKeyOrLoan: LoanInfo | string): string {
    return `loan:${typeof loanKeyOrLoan === 'string' ? loanKeyOrLoan : loanKey(loanKeyOrLoan)}`;
  }

  private loan(loan: LoanInfo, all: readonly LoanInfo[], maxRedeem: ReadonlyMap<string, ReadonlyMap<string, string>> | undefined): TreeNode {
    const id = LoansView.nodeId(loan);
    const ordId = loan.ordId === '' ? undefined : loan.ordId;
    const [shown = loan] = withLiveLtv([loan]);
    const level = ltvLevel(shown, this.warnDistance());
    const live = liveSentence(loan);
    const borrowed = loan.loanData.map((l) => withCcy(l.amt, l.ccy)).join(' + ');
    // "Reduce Collateral…" is offered only where something can be taken back (contextValue …locked otherwise).
    const locked = (ok: boolean): string => (ok ? '' : '.locked');
    // What decides comes first, so a narrow sidebar keeps it: the LTV against margin call is the label, the
    // order's name (the same everywhere) the description.
    return new GroupNode(id, {
      label: ltvShort(loan),
      description: loanName(loan, all),
      icon: levelIcon(level),
      contextValue: `okxEarn.loan${locked(canReduceCollateral(loan, maxRedeem))}`,
      payload: { kind: 'loan', loan },
      expanded: true,
      tooltip: fieldsTooltip(vscode.l10n.t('Flexible loan'), [
        [vscode.l10n.t('Order ID'), ordId ?? ''],
        [vscode.l10n.t('Current LTV'), ltvFigure(loan)],
        [vscode.l10n.t('Live prices'), live ?? ''],
        [vscode.l10n.t('Margin-call LTV'), percent(loan.marginCallLTV)],
        [vscode.l10n.t('Liquidation LTV'), percent(loan.liqLTV)],
        [vscode.l10n.t('Borrowed'), borrowed],
        [vscode.l10n.t('Loan value'), usd(loan.loanNotionalUsd)],
        [vscode.l10n.t('Collateral'), loan.collateralData.map((c) => withCcy(c.amt, c.ccy)).join(', ')],
        [vscode.l10n.t('Collateral value'), usd(loan.collateralNotionalUsd)],
        [vscode.l10n.t('Liquidation price'), loan.riskWarningData.liqPx === '' ? '' : `${amount(loan.riskWarningData.liqPx)} (${loan.riskWarningData.instId})`],
      ]),
      children: (self) => [
        new LeafNode(`${id}:ltv`, {
          label: vscode.l10n.t('Current LTV'),
          description: vscode.l10n.t('{0} · margin call {1} · liquidation {2}', ltvFigure(loan), percent(loan.marginCallLTV), percent(loan.liqLTV)),
          tooltip: live === undefined ? ltvSummary(loan) : `${ltvSummary(loan)}\n${live}`,
          icon: levelIcon(level),
          payload: { kind: 'loan', loan },
        }, self),
        new GroupNode(`${id}:borrowed`, {
          label: vscode.l10n.t('Borrowed'),
          description: usd(loan.loanNotionalUsd),
          icon: 'arrow-circle-down',
          children: (group) => loan.loanData.map((l) => new LeafNode(`${id}:borrowed:${l.ccy}`, { label: l.ccy, description: shortAmount(l.amt), tooltip: withCcy(l.amt, l.ccy), icon: 'circle-small' }, group)),
        }, self),
        new GroupNode(`${id}:collateral`, {
          label: vscode.l10n.t('Collateral'),
          description: usd(loan.collateralNotionalUsd),
          icon: 'lock',
          expanded: true,
          children: (group) =>
            loan.collateralData.map((c) => new LeafNode(`${id}:collateral:${c.ccy}`, {
              label: c.ccy,
              description: shortAmount(c.amt),
              tooltip: withCcy(c.amt, c.ccy),
              icon: 'circle-small',
              contextValue: `okxEarn.collateral${locked(canReduceCcy(loan, c.ccy, maxRedeem))}`,
              payload: { kind: 'collateral', ccy: c.ccy, loan },
            }, group)),
        }, self),
        ...(loan.riskWarningData.liqPx === ''
          ? []
          : [new LeafNode(`${id}:liqPx`, { label: vscode.l10n.t('Liquidation price'), description: `${amount(loan.riskWarningData.liqPx)} · ${loan.riskWarningData.instId}`, icon: 'flame' }, self)]),
        this.interest(id, ordId, self),
        historyNode(`${id}:history`, vscode.l10n.t('Loan history'), this.portfolio, 'loan', ordId, (r, i, parent) =>
          new LeafNode(`${id}:history:${r.refId}:${i}`, {
            label: `${r.type.replace(/_/g, ' ')} · ${shortWithCcy(r.amt, r.ccy)}`,
            tooltip: `${r.type.replace(/_/g, ' ')} · ${withCcy(r.amt, r.ccy)} · ${time(r.ts)}`,
            description: time(r.ts),
            icon: 'arrow-small-right',
          }, parent),
        self),
      ],
    });
  }

  /**
   * Accrued interest: the total of what is loaded first, then one row per UTC day (newest first) holding that
   * day's hourly records, then "Load more…" (a page is 100 hours). The oldest day shown may be partial while
   * older pages remain; it says so.
   */
  private interest(id: string, ordId: string | undefined, parent: TreeNode): TreeNode {
    const nodeId = `${id}:interest`;
    return new GroupNode(nodeId, {
      label: vscode.l10n.t('Accrued interest'),
      description: vscode.l10n.t('by UTC day'),
      icon: 'history',
      contextValue: 'okxEarn.history',
      children: async (self) => {
        const list = this.portfolio.history('interest', ordId);
        if (list === undefined) return [];
        if (!list.started) await list.loadMore();
        const records = list.items;
        const nodes: TreeNode[] = [];
        if (records.length > 0) {
          const newest = records[0]?.ts ?? '';
          const oldest = records[records.length - 1]?.ts ?? '';
          nodes.push(new LeafNode(`${nodeId}:total`, {
            label: list.done ? vscode.l10n.t('Total') : vscode.l10n.t('Total so far'),
            description: sums(records, false),
            icon: 'symbol-operator',
            tooltip: [
              records.length === 1
                ? vscode.l10n.t('{0} at {1}, 1 hourly record.', sums(records, true), time(newest))
                : vscode.l10n.t('{0} from {1} to {2}, {3} hourly records.', sums(records, true), time(oldest), time(newest), records.length),
              list.done ? '' : vscode.l10n.t('Older interest is not counted until loaded: Load more….'),
            ].filter((t) => t !== '').join(' '),
          }, self));
        }
        const days = new Map<string, InterestAccrual[]>();
        for (const r of records) {
          const day = utcDay(r.ts);
          days.set(day, [...(days.get(day) ?? []), r]);
        }
        const dayKeys = [...days.keys()];
        dayKeys.forEach((day, index) => {
          const ofDay = days.get(day) ?? [];
          const partial = !list.done && index === dayKeys.length - 1;
          nodes.push(new GroupNode(`${nodeId}:${day}`, {
            label: utcDate(day),
            description: partial ? vscode.l10n.t('{0} · partial, load more', sums(ofDay, false)) : sums(ofDay, false),
            tooltip: `${vscode.l10n.t('{0} (UTC)', utcDate(day, true))}: ${sums(ofDay, true)} · ${ofDay.length === 1 ? vscode.l10n.t('1 hourly record') : vscode.l10n.t('{0} hourly records', ofDay.length)}`,
            icon: 'calendar',
            children: (group) => ofDay.map((r, i) => new LeafNode(`${nodeId}:${r.refId}:${i}`, {
              label: shortWithCcy(r.interest, r.ccy),
              description: `${utcHour(r.ts)} · ${vscode.l10n.t('on {0} at {1}', shortWithCcy(r.loan, r.ccy), percent(r.interestRate))}`,
              tooltip: `${withCcy(r.interest, r.ccy)} · ${vscode.l10n.t('on {0} at {1}', withCcy(r.loan, r.ccy), percent(r.interestRate))} · ${time(r.ts)}`,
              icon: 'arrow-small-right',
            }, group)),
          }, self));
        });
        if (list.error !== undefined) {
          nodes.push(new LeafNode(`${nodeId}:error`, {
            label: vscode.l10n.t('Could not load more'),
            description: errorText(list.error),
            icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')),
            tooltip: fullErrorText(list.error),
            command: { command: 'okxEarn.loadMore', title: vscode.l10n.t('Retry'), arguments: ['interest', ordId] },
          }, self));
        } else if (!list.done) {
          nodes.push(new LeafNode(`${nodeId}:more`, {
            label: vscode.l10n.t('Load more…'),
            icon: 'ellipsis',
            command: { command: 'okxEarn.loadMore', title: vscode.l10n.t('Load more'), arguments: ['interest', ordId] },
          }, self));
        } else if (records.length === 0) {
          nodes.push(new LeafNode(`${nodeId}:empty`, { label: vscode.l10n.t('No records'), icon: 'circle-slash' }, self));
        }
        return nodes;
      },
    }, parent);
  }
}

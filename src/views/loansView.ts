/**
 * Loans: each flexible-loan order (OKX keeps several per account since 2026) with its id, LTV against margin
 * call and liquidation, borrowed amounts, collateral, liquidation price, and its own interest and history.
 */
import * as vscode from 'vscode';
import type { LoanInfo } from '../okx/types';
import type { Portfolio } from '../portfolio/portfolio';
import { loanKey, ltvLevel, type LtvLevel } from '../portfolio/risk';
import { loanName } from './loanLabels';
import { PortfolioTree } from './portfolioTree';
import { GroupNode, LeafNode, amount, fieldsTooltip, historyNode, percent, time, usd, withCcy, type TreeNode } from './nodes';

export function levelIcon(level: LtvLevel): vscode.ThemeIcon {
  switch (level) {
    case 'safe': return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'warning': return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    default: return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  }
}

export function ltvSummary(loan: LoanInfo): string {
  return vscode.l10n.t('LTV {0} · margin call {1} · liquidation {2}', percent(loan.curLTV), percent(loan.marginCallLTV), percent(loan.liqLTV));
}

export class LoansView extends PortfolioTree {
  constructor(
    portfolio: Portfolio,
    private readonly warnDistance: () => string,
  ) {
    super(portfolio, ['loans']);
  }

  protected roots(): Promise<TreeNode[]> {
    if (!this.portfolio.hasCredentials) return Promise.resolve([]);
    return this.area('loans', ({ loans }) => loans.map((loan) => this.loan(loan, loans)));
  }

  /** The id of a loan order's node, for reveal(). */
  static nodeId(loanKeyOrLoan: LoanInfo | string): string {
    return `loan:${typeof loanKeyOrLoan === 'string' ? loanKeyOrLoan : loanKey(loanKeyOrLoan)}`;
  }

  private loan(loan: LoanInfo, all: readonly LoanInfo[]): TreeNode {
    const id = LoansView.nodeId(loan);
    const ordId = loan.ordId === '' ? undefined : loan.ordId;
    const level = ltvLevel(loan, this.warnDistance());
    const borrowed = loan.loanData.map((l) => withCcy(l.amt, l.ccy)).join(' + ');
    return new GroupNode(id, {
      label: loanName(loan, all),
      description: ltvSummary(loan),
      icon: levelIcon(level),
      contextValue: 'okxEarn.loan',
      payload: { kind: 'loan', loan },
      expanded: true,
      tooltip: fieldsTooltip(vscode.l10n.t('Flexible loan'), [
        [vscode.l10n.t('Order ID'), ordId ?? ''],
        [vscode.l10n.t('Current LTV'), percent(loan.curLTV)],
        [vscode.l10n.t('Margin-call LTV'), percent(loan.marginCallLTV)],
        [vscode.l10n.t('Liquidation LTV'), percent(loan.liqLTV)],
        [vscode.l10n.t('Borrowed'), borrowed],
        [vscode.l10n.t('Loan value'), usd(loan.loanNotionalUsd)],
        [vscode.l10n.t('Collateral'), loan.collateralData.map((c) => withCcy(c.amt, c.ccy)).join(', ')],
        [vscode.l10n.t('Collateral value'), usd(loan.collateralNotionalUsd)],
        [vscode.l10n.t('Liquidation price'), loan.riskWarningData.liqPx === '' ? '' : `${amount(loan.riskWarningData.liqPx)} (${loan.riskWarningData.instId})`],
      ]),
      children: (self) => [
        new LeafNode(`${id}:ltv`, { label: vscode.l10n.t('Current LTV'), description: percent(loan.curLTV), icon: levelIcon(level) }, self),
        new GroupNode(`${id}:borrowed`, {
          label: vscode.l10n.t('Borrowed'),
          description: usd(loan.loanNotionalUsd),
          icon: 'arrow-circle-down',
          children: (group) => loan.loanData.map((l) => new LeafNode(`${id}:borrowed:${l.ccy}`, { label: l.ccy, description: withCcy(l.amt, l.ccy), icon: 'circle-small' }, group)),
        }, self),
        new GroupNode(`${id}:collateral`, {
          label: vscode.l10n.t('Collateral'),
          description: usd(loan.collateralNotionalUsd),
          icon: 'lock',
          expanded: true,
          children: (group) =>
            loan.collateralData.map((c) => new LeafNode(`${id}:collateral:${c.ccy}`, { label: c.ccy, description: withCcy(c.amt, c.ccy), icon: 'circle-small', contextValue: 'okxEarn.collateral', payload: { kind: 'collateral', ccy: c.ccy, loan } }, group)),
        }, self),
        ...(loan.riskWarningData.liqPx === ''
          ? []
          : [new LeafNode(`${id}:liqPx`, { label: vscode.l10n.t('Liquidation price'), description: `${amount(loan.riskWarningData.liqPx)} · ${loan.riskWarningData.instId}`, icon: 'flame' }, self)]),
        historyNode(`${id}:interest`, vscode.l10n.t('Accrued interest'), this.portfolio, 'interest', ordId, (r, i, parent) =>
          new LeafNode(`${id}:interest:${r.refId}:${i}`, {
            label: withCcy(r.interest, r.ccy),
            description: `${vscode.l10n.t('on {0} at {1}', withCcy(r.loan, r.ccy), percent(r.interestRate))} · ${time(r.ts)}`,
            icon: 'arrow-small-right',
          }, parent),
        self),
        historyNode(`${id}:history`, vscode.l10n.t('Loan history'), this.portfolio, 'loan', ordId, (r, i, parent) =>
          new LeafNode(`${id}:history:${r.refId}:${i}`, {
            label: `${r.type.replace(/_/g, ' ')} · ${withCcy(r.amt, r.ccy)}`,
            description: time(r.ts),
            icon: 'arrow-small-right',
          }, parent),
        self),
      ],
    });
  }
}

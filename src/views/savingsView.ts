/** Savings (Simple Earn flexible): per currency, amount, lent, pending, earnings and the user's minimum rate. */
import * as vscode from 'vscode';
import type { SavingsBalance } from '../okx/types';
import type { Portfolio } from '../portfolio/portfolio';
import { PortfolioTree } from './portfolioTree';
import { GroupNode, LeafNode, fieldsTooltip, historyNode, percent, time, withCcy, type TreeNode } from './nodes';

export class SavingsView extends PortfolioTree {
  constructor(portfolio: Portfolio) {
    super(portfolio, ['savings']);
  }

  protected roots(): Promise<TreeNode[]> {
    if (!this.portfolio.hasCredentials) return Promise.resolve([]);
    return this.area('savings', ({ balances }) => balances.map((b) => this.currency(b)));
  }

  private currency(b: SavingsBalance): TreeNode {
    const rows: [string, string, string][] = [
      [vscode.l10n.t('Amount'), withCcy(b.amt, b.ccy), 'symbol-number'],
      [vscode.l10n.t('Lent'), withCcy(b.loanAmt, b.ccy), 'arrow-swap'],
      [vscode.l10n.t('Pending'), withCcy(b.pendingAmt, b.ccy), 'clock'],
      [vscode.l10n.t('Earnings'), withCcy(b.earnings, b.ccy), 'graph'],
      [vscode.l10n.t('Your minimum lending rate'), percent(b.rate), 'settings'],
    ];
    return new GroupNode(`savings:${b.ccy}`, {
      label: b.ccy,
      description: `${withCcy(b.amt, b.ccy)} · ${vscode.l10n.t('min {0}', percent(b.rate))}`,
      icon: 'briefcase',
      contextValue: 'okxEarn.savings',
      payload: { kind: 'savings', ccy: b.ccy },
      tooltip: fieldsTooltip(vscode.l10n.t('{0} savings', b.ccy), rows.map(([name, value]) => [name, value])),
      children: (self) => [
        ...rows.map(([label, description, icon], i) => new LeafNode(`savings:${b.ccy}:${i}`, { label, description, icon }, self)),
        historyNode(`savings:${b.ccy}:history`, vscode.l10n.t('Lending history'), this.portfolio, 'savings', b.ccy, (r, i, parent) =>
          new LeafNode(`savings:${b.ccy}:history:${r.ts}:${i}`, {
            label: withCcy(r.earnings, r.ccy),
            description: `${vscode.l10n.t('on {0} at {1}', withCcy(r.amt, r.ccy), percent(r.rate))} · ${time(r.ts)}`,
            icon: 'arrow-small-right',
          }, parent),
        self),
      ],
    });
  }
}

/**
 * Savings (Simple Earn flexible): per currency, amount, lent, pending, earnings and the user's minimum rate. A
 * currency that lends nothing because its minimum is above what the market pays is flagged, with the fix (set a
 * lower minimum) one click away. Below them, auto-earn per currency of the trading account (./autoEarnRows).
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import type { LendingRatePoint, SavingsBalance } from '../okx/types';
import { autoEarnGroup } from './autoEarnRows';
import type { Portfolio } from '../portfolio/portfolio';
import { PortfolioTree } from './portfolioTree';
import { VIEW_AREAS } from './viewAreas';
import { GroupNode, LeafNode, fieldsTooltip, historyNode, percent, shortAmount, shortWithCcy, time, withCcy, type TreeNode } from './nodes';

/**
 * The market rate when the balance lends nothing because the user's minimum is above it (undefined otherwise):
 * something to lend, none of it lent, and a minimum above the last hour's lending rate. Compared as decimals.
 */
export function notLendingBelow(b: SavingsBalance, marketRate: string | undefined): string | undefined {
  if (marketRate === undefined || ![b.amt, b.loanAmt, b.rate, marketRate].every(D.isPlainDecimal)) return undefined;
  return D.isPositive(b.amt) && D.isZero(b.loanAmt) && D.gt(b.rate, marketRate) ? marketRate : undefined;
}

export class SavingsView extends PortfolioTree {
  constructor(portfolio: Portfolio) {
    super(portfolio, VIEW_AREAS.savings);
  }

  protected async roots(): Promise<TreeNode[]> {
    if (!this.portfolio.hasCredentials) return [];
    // The market's lending rates only add the "not lending" flag: a failure there leaves the savings as they are.
    const [nodes] = await Promise.all([this.area('savings', ({ balances }) => balances.map((b) => this.currency(b))), this.portfolio.ensure('market')]);
    const autoEarn = await this.area('trading', ({ details }) => [autoEarnGroup(details, this.latestRates())]);
    return [...nodes, ...autoEarn];
  }

  private latestRates(): readonly LendingRatePoint[] | undefined {
    const market = this.portfolio.get('market');
    return 'data' in market ? market.data?.latestRates : undefined;
  }

  private marketRate(ccy: string): string | undefined {
    const market = this.portfolio.get('market');
    const rate = 'data' in market ? market.data?.latestRates.find((p) => p.ccy === ccy)?.lendingRate : undefined;
    return rate === '' ? undefined : rate;
  }

  private currency(b: SavingsBalance): TreeNode {
    const market = this.marketRate(b.ccy);
    const below = notLendingBelow(b, market);
    const rows: [string, string, string, string][] = [
      [vscode.l10n.t('Amount'), shortWithCcy(b.amt, b.ccy), withCcy(b.amt, b.ccy), 'symbol-number'],
      [vscode.l10n.t('Lent'), shortWithCcy(b.loanAmt, b.ccy), withCcy(b.loanAmt, b.ccy), 'arrow-swap'],
      [vscode.l10n.t('Pending'), shortWithCcy(b.pendingAmt, b.ccy), withCcy(b.pendingAmt, b.ccy), 'clock'],
      [vscode.l10n.t('Earnings'), shortWithCcy(b.earnings, b.ccy), withCcy(b.earnings, b.ccy), 'graph'],
      [vscode.l10n.t('Your minimum lending rate'), percent(b.rate), percent(b.rate), 'settings'],
    ];
    const payload = { kind: 'savings' as const, ccy: b.ccy };
    const setRate: vscode.Command = { command: 'okxEarn.savings.setRate', title: vscode.l10n.t('Set Lending Rate…'), arguments: [{ payload }] };
    const flag = below === undefined ? undefined : vscode.l10n.t('Not lending: your minimum ({0}) is above the market rate ({1}).', percent(b.rate), percent(below));
    return new GroupNode(`savings:${b.ccy}`, {
      label: b.ccy,
      // The label names the currency; the row leads with what decides: not lending, or the amount.
      description: below === undefined
        ? `${shortAmount(b.amt)} · ${vscode.l10n.t('min {0}', percent(b.rate))}`
        : vscode.l10n.t('not lending · min {0} > {1}', percent(b.rate), percent(below)),
      icon: below === undefined ? 'briefcase' : new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
      contextValue: 'okxEarn.savings',
      payload,
      expanded: below !== undefined,
      tooltip: fieldsTooltip(vscode.l10n.t('{0} savings', b.ccy), [
        ...(flag === undefined ? [] : [[vscode.l10n.t('Warning'), flag] as [string, string]]),
        ...rows.map(([name, , exact]): [string, string] => [name, exact]),
        [vscode.l10n.t('Market lending rate, last hour'), market === undefined ? '' : percent(market)],
      ]),
      children: (self) => [
        ...(flag === undefined
          ? []
          : [new LeafNode(`savings:${b.ccy}:notLending`, {
              label: vscode.l10n.t('Not lending'),
              description: vscode.l10n.t('minimum above the market: set a lower one'),
              icon: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
              tooltip: `${flag} ${vscode.l10n.t('Click to set a lower minimum lending rate.')}`,
              contextValue: 'okxEarn.savings.notLending',
              payload,
              command: setRate,
            }, self)]),
        ...rows.map(([label, description, exact, icon], i) => new LeafNode(`savings:${b.ccy}:${i}`, { label, description, tooltip: exact, icon }, self)),
        historyNode(`savings:${b.ccy}:history`, vscode.l10n.t('Lending history'), this.portfolio, 'savings', b.ccy, (r, i, parent) =>
          new LeafNode(`savings:${b.ccy}:history:${r.ts}:${i}`, {
            label: shortWithCcy(r.earnings, r.ccy),
            description: `${vscode.l10n.t('on {0} at {1}', shortWithCcy(r.amt, r.ccy), percent(r.rate))} · ${time(r.ts)}`,
            tooltip: `${withCcy(r.earnings, r.ccy)} · ${vscode.l10n.t('on {0} at {1}', withCcy(r.amt, r.ccy), percent(r.rate))} · ${time(r.ts)}`,
            icon: 'arrow-small-right',
          }, parent),
        self),
      ],
    });
  }
}

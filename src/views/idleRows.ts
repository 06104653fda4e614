/**
 * The Overview's idle money: for each currency held in the funding and trading accounts that earns nothing, a
 * row "25,600 USDT idle" → "Simple Earn pays 3.78% now (lending rate)": the best product that keeps the money in
 * its currency (../portfolio/compare), with which rate it is. A click opens the Compare panel for the currency.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import { bestKeepingCurrency, rankOptions, type CompareOption, type RateKind } from '../portfolio/compare';
import { idleMoney, type IdleMoney } from '../portfolio/idleMoney';
import type { AreaId, Portfolio } from '../portfolio/portfolio';
import { compareInputOf, optionName, rateKindText } from '../panels/compareState';
import { daysText } from './stakingView';
import { GroupNode, LeafNode, fieldsTooltip, percent, shortWithCcy, usd, withCcy, type TreeNode } from './nodes';
import type { Money } from './unitText';

/** What the idle rows are built from, beyond the Overview's own areas. */
export const IDLE_ROW_AREAS: readonly AreaId[] = ['funding', 'trading', 'offers'];

/** Each idle currency with its best product, from what the portfolio holds now. */
export function idleOf(portfolio: Portfolio, now: number): IdleMoney[] | undefined {
  const get = <K extends 'funding' | 'trading' | 'prices' | 'stable'>(area: K) => {
    const state = portfolio.get(area);
    return 'data' in state ? state.data : undefined;
  };
  const funding = get('funding');
  const trading = get('trading');
  // Neither account read (yet, or at all): no row rather than a guess.
  if (funding === undefined && trading === undefined) return undefined;
  const input = compareInputOf(portfolio, now);
  return idleMoney({
    funding: funding?.balances,
    trading: trading?.details,
    prices: get('prices')?.usd,
    earning: new Set((get('stable')?.holdings ?? []).filter((h) => h.state === 'earning').map((h) => h.ccy)),
    best: (ccy) => bestKeepingCurrency(rankOptions(ccy, input)),
  });
}

/** "lending rate", "estimated APY": which rate, short enough for a row. */
function shortRateKind(kind: RateKind): string {
  switch (kind) {
    case 'lendingRate': return vscode.l10n.t('lending rate');
    case 'estimatedApy': return vscode.l10n.t('estimated APY');
    case 'stakingApy': return vscode.l10n.t('staking APY');
    case 'okusdApr': return vscode.l10n.t('APR');
    case 'dualYield': return vscode.l10n.t('yield if the strike is not reached');
  }
}

function shortName(best: CompareOption): string {
  switch (best.product) {
    case 'savings': return vscode.l10n.t('Simple Earn');
    case 'onchain': return best.offer.term === '0' || best.offer.term === '' ? vscode.l10n.t('On-chain earn') : vscode.l10n.t('On-chain earn ({0})', daysText(best.offer.term));
    case 'eth': return vscode.l10n.t('ETH staking');
    case 'sol': return vscode.l10n.t('SOL staking');
    case 'okusd': return vscode.l10n.t('OKUSD');
    case 'dual': return vscode.l10n.t('Dual Investment');
  }
}

/** "Simple Earn pays 3.78% now (lending rate)". */
export function bestText(best: CompareOption): string {
  return vscode.l10n.t('{0} pays {1} now ({2})', shortName(best), percent(best.rate ?? '0'), shortRateKind(best.rateKind));
}

function idleRow(row: IdleMoney, parent: TreeNode, money: Money | undefined): TreeNode {
  return new LeafNode(`overview:idle:${row.ccy}`, {
    label: vscode.l10n.t('{0} idle', shortWithCcy(row.amt, row.ccy)),
    description: bestText(row.best),
    icon: 'lightbulb',
    contextValue: 'okxEarn.idle',
    payload: { kind: 'idle', ccy: row.ccy },
    tooltip: fieldsTooltip(vscode.l10n.t('{0} idle: earning nothing', withCcy(row.amt, row.ccy)), [
      [vscode.l10n.t('Funding account'), D.isPositive(row.funding) ? withCcy(row.funding, row.ccy) : ''],
      [vscode.l10n.t('Trading account'), D.isPositive(row.trading) ? withCcy(row.trading, row.ccy) : ''],
      [vscode.l10n.t('Value'), row.usd === undefined ? vscode.l10n.t('no price') : (money?.text ?? usd)(row.usd)],
      [vscode.l10n.t('Best now'), `${optionName(row.best)} · ${percent(row.best.rate ?? '0')} · ${rateKindText(row.best.rateKind)}`],
      [vscode.l10n.t('Note'), vscode.l10n.t("Today's rate; it changes. Dual Investment is left out here (it may pay back in another currency): the Compare panel shows it.")],
    ]),
    command: { command: 'okxEarn.compare', title: vscode.l10n.t('Compare Products'), arguments: [{ ccy: row.ccy }] },
  }, parent);
}

/**
 * The "Idle money" group, or undefined when the accounts were not read or nothing is idle. Values in the user's
 * unit (`money`, ./unitText; USD without it).
 */
export function idleNode(rows: readonly IdleMoney[] | undefined, money?: Money): TreeNode | undefined {
  if (rows === undefined || rows.length === 0) return undefined;
  const priced = rows.flatMap((r) => (r.usd === undefined ? [] : [r.usd]));
  return new GroupNode('overview:idle', {
    label: priced.length === 0 ? vscode.l10n.t('Idle money') : (money?.text ?? usd)(D.sum(priced)),
    description: vscode.l10n.t('Idle money: {0}', rows.map((r) => r.ccy).join(', ')),
    icon: 'lightbulb',
    expanded: true,
    tooltip: vscode.l10n.t('Held in the funding and trading accounts and earning nothing (what auto-earn has lent is not counted), valued at OKX\'s index prices. Click a row to compare the products that take it.'),
    children: (self) => rows.map((r) => idleRow(r, self, money)),
  });
}

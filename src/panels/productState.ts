/** What the product panel shows, built from the portfolio and the public rate histories. */
import * as vscode from 'vscode';
import * as D from '../decimal';
import { errorText } from '../messages';
import type { AreaId, Portfolio } from '../portfolio/portfolio';
import { stakingRateFraction } from '../portfolio/stakingRate';
import { percent, time } from '../views/nodes';
import { figureRow } from './figures';
import { daysText, orderStateLabel, termLabel } from '../views/stakingView';
import { offerBuyableNow, offerStateText, redeemPeriodText } from '../views/productsView';
import { dualProductName } from '../views/dualLabels';
import { chartFor, type ChartEntry } from './productChart';
import type { MoreEarnTarget, ProductTarget } from './productTarget';
import type { ProductAction, ProductState, RangeDays, Row } from './protocol';

/** The portfolio areas a product panel is built from. */
export const PRODUCT_AREAS: readonly AreaId[] = ['offers', 'onchain', 'eth', 'sol', 'savings', 'market'];

export { isMoreEarn, productKey, type DualTarget, type MoreEarnTarget, type ProductTarget } from './productTarget';

/** The portfolio areas a product's page is built from (a change in one of them redraws it). */
export function productAreas(target: ProductTarget): readonly AreaId[] {
  return target.kind === 'okusd' ? ['okusd'] : target.kind === 'stable' ? ['stable'] : target.kind === 'dual' ? ['dual'] : PRODUCT_AREAS;
}

export function productTitle(target: ProductTarget): string {
  switch (target.kind) {
    case 'onchain': return vscode.l10n.t('On-chain earn {0}', target.productId);
    case 'eth': return vscode.l10n.t('ETH staking');
    case 'sol': return vscode.l10n.t('SOL staking');
    case 'savings': return vscode.l10n.t('{0} savings', target.ccy);
    case 'okusd': return vscode.l10n.t('OKUSD');
    case 'stable': return vscode.l10n.t('{0} · Stable Rewards', target.ccy);
    case 'dual': {
      const of = 'order' in target ? target.order : target.product;
      return of === undefined ? vscode.l10n.t('Dual Investment') : dualProductName(of);
    }
  }
}

export function buildProductState(target: Exclude<ProductTarget, MoreEarnTarget>, portfolio: Portfolio, chart: ChartEntry | undefined, range: RangeDays): ProductState {
  const data = <K extends 'offers' | 'onchain' | 'eth' | 'sol' | 'savings' | 'market'>(area: K) => {
    const state = portfolio.get(area);
    return 'data' in state ? state.data : undefined;
  };
  const failed = PRODUCT_AREAS.map((a) => portfolio.get(a)).find((s) => s.status === 'error');
  const error = failed?.status === 'error' ? errorText(failed.error) : undefined;
  const updated = time(String(Date.now()));
  let title = productTitle(target);
  let subtitle = '';
  let facts: Row[] = [];
  let position: Row[] = [];
  const actions: ProductAction[] = [];

  if (target.kind === 'onchain') {
    const offer = data('offers')?.offers.find((o) => o.productId === target.productId);
    const orders = data('onchain')?.orders.filter((o) => o.productId === target.productId) ?? [];
    if (offer !== undefined) {
      title = `${offer.ccy} · ${offer.protocol}`;
      subtitle = vscode.l10n.t('On-chain earn · {0}', termLabel(offer.term));
      facts = [
        [vscode.l10n.t('Estimated APY'), percent(offer.apy)],
        [vscode.l10n.t('Term'), termLabel(offer.term)],
        figureRow(vscode.l10n.t('Subscription limits'), (f) => offer.investData.map((i) => vscode.l10n.t('{0} to {1}', f.amount(i.minAmt, i.ccy), f.amount(i.maxAmt, i.ccy))).join(', ')),
        figureRow(vscode.l10n.t('Available to invest'), (f) => offer.investData.map((i) => f.amount(i.bal, i.ccy)).join(', ')),
        [vscode.l10n.t('Redemption period'), redeemPeriodText(offer.redeemPeriod)],
        [vscode.l10n.t('Early redemption'), offer.term === '0' ? vscode.l10n.t('not applicable (flexible)') : offer.earlyRedeem ? vscode.l10n.t('allowed') : vscode.l10n.t('not allowed')],
        figureRow(vscode.l10n.t('Fast redemption daily limit'), (f) => (offer.fastRedemptionDailyLimit === '' ? vscode.l10n.t('none') : f.amount(offer.fastRedemptionDailyLimit, offer.ccy))),
        [vscode.l10n.t('Earns'), offer.earningData.map((e) => e.ccy).join(', ')],
        [vscode.l10n.t('State'), offerStateText(offer)],
        [vscode.l10n.t('Protocol'), offer.protocol],
        [vscode.l10n.t('Product ID'), offer.productId],
      ];
      if (offerBuyableNow(offer)) actions.push('purchase');
    }
    // An order whose offer is no longer listed still names its product.
    const [named] = orders;
    if (offer === undefined && named !== undefined) title = `${named.ccy} · ${named.protocol}`;
    for (const order of orders) {
      position.push(figureRow(
        vscode.l10n.t('Order {0} · {1}', order.ordId, orderStateLabel(order.state)),
        (f) => `${order.investData.map((i) => f.amount(i.amt, i.ccy)).join(' + ')} · ${vscode.l10n.t('earned {0}', order.earningData.map((e) => f.amount(e.earnings, e.ccy)).join(', '))}`,
      ));
    }
    if (orders.some((o) => o.state === '1')) actions.push('redeem');
  } else if (target.kind === 'eth' || target.kind === 'sol') {
    const token = target.kind === 'eth' ? 'BETH' : 'OKSOL';
    const base = target.kind === 'eth' ? 'ETH' : 'SOL';
    const market = data('market');
    const apy = target.kind === 'eth' ? market?.ethApy : market?.solApy;
    const product = target.kind === 'eth' ? data('eth')?.product : data('sol')?.product;
    const latest = stakingRateFraction(product?.rate, apy?.rate);
    subtitle = vscode.l10n.t('Stake {0}, receive {1} 1:1', base, token);
    facts = [
      [vscode.l10n.t('APY today'), apy === undefined ? '' : percent(apy.rate)],
      [vscode.l10n.t('Latest APY (product info)'), latest === undefined ? '' : percent(latest)],
      [vscode.l10n.t('You receive'), vscode.l10n.t('{0}, 1:1, with daily rewards', token)],
      figureRow(vscode.l10n.t('Minimum stake'), (f) => (product?.minAmt === undefined || product.minAmt === '' ? '' : f.amount(product.minAmt, base))),
      [vscode.l10n.t('Standard redemption takes'), product?.redemptDays === undefined || product.redemptDays === '' ? '' : daysText(product.redemptDays)],
    ];
    if (target.kind === 'eth') {
      const eth = data('eth');
      if (eth?.product !== undefined) facts.push(figureRow(vscode.l10n.t('Fast redemption daily limit'), (f) => f.amount(eth.product?.fastRedemptionDailyLimit ?? '', token)));
      if (eth?.balance !== undefined) {
        position = [
          figureRow(vscode.l10n.t('Staked'), (f) => f.amount(eth.balance?.amt ?? '', token)),
          figureRow(vscode.l10n.t('Latest reward'), (f) => f.amount(eth.balance?.latestInterestAccrual ?? '', token)),
          figureRow(vscode.l10n.t('Total rewards'), (f) => f.amount(eth.balance?.totalInterestAccrual ?? '', token)),
          ...eth.pendingRedemptions.map((r): Row => figureRow(vscode.l10n.t('Redeeming'), (f) => `${f.amount(r.amt, token)} · ${vscode.l10n.t('expected {0}', time(r.estCompletedTime))}`)),
        ];
      }
    } else {
      const sol = data('sol');
      if (sol !== undefined) {
        facts.push(figureRow(vscode.l10n.t('Fast redemption'), (f) => vscode.l10n.t('{0} of {1} available today', f.amount(sol.product.fastRedemptionAvail, base), f.amount(sol.product.fastRedemptionDailyLimit, base))));
        if (sol.balance !== undefined) {
          position = [
            figureRow(vscode.l10n.t('Staked'), (f) => f.amount(sol.balance?.amt ?? '', token)),
            figureRow(vscode.l10n.t('Latest reward'), (f) => f.amount(sol.balance?.latestInterestAccrual ?? '', token)),
            figureRow(vscode.l10n.t('Total rewards'), (f) => f.amount(sol.balance?.totalInterestAccrual ?? '', token)),
          ];
        }
      }
    }
    actions.push('purchase');
    const staked = target.kind === 'eth' ? data('eth')?.balance?.amt : data('sol')?.balance?.amt;
    if (staked !== undefined && D.isPlainDecimal(staked) && D.isPositive(staked)) actions.push('redeem');
  } else {
    const market = data('market');
    const rate = market?.lendingRates.find((r) => r.ccy === target.ccy);
    const latest = market?.latestRates.find((r) => r.ccy === target.ccy);
    const balance = data('savings')?.balances.find((b) => b.ccy === target.ccy);
    subtitle = vscode.l10n.t('Simple Earn flexible: lent to margin traders, hourly interest');
    // What savers earn (lending rate) first; OKX's summary figures are what borrowers pay, and say so.
    facts = [
      [vscode.l10n.t('Lending rate, last hour (what savers earn)'), latest?.lendingRate === undefined || latest.lendingRate === '' ? '' : percent(latest.lendingRate)],
      ...(rate === undefined ? [] : [
        [vscode.l10n.t('Borrowing rate, next (estimated)'), percent(rate.estRate)] as Row,
        [vscode.l10n.t('Borrowing rate, last'), percent(rate.preRate)] as Row,
        [vscode.l10n.t('Borrowing rate, 24-hour average'), percent(rate.avgRate)] as Row,
      ]),
    ];
    if (balance !== undefined) {
      position = [
        figureRow(vscode.l10n.t('Amount'), (f) => f.amount(balance.amt, balance.ccy)),
        figureRow(vscode.l10n.t('Lent'), (f) => f.amount(balance.loanAmt, balance.ccy)),
        figureRow(vscode.l10n.t('Pending'), (f) => f.amount(balance.pendingAmt, balance.ccy)),
        figureRow(vscode.l10n.t('Earnings'), (f) => f.amount(balance.earnings, balance.ccy)),
        [vscode.l10n.t('Your minimum lending rate'), percent(balance.rate)],
      ];
    }
    actions.push('purchase');
    if (balance !== undefined && D.isPositive(balance.amt)) actions.push('redeem');
  }
  // The buttons carry the names the menus and the palette give the same actions.
  const actionLabels =
    target.kind === 'eth' ? { purchase: vscode.l10n.t('Stake ETH for BETH…'), redeem: vscode.l10n.t('Redeem BETH…') }
    : target.kind === 'sol' ? { purchase: vscode.l10n.t('Stake SOL for OKSOL…'), redeem: vscode.l10n.t('Redeem OKSOL…') }
    : target.kind === 'savings' ? { purchase: vscode.l10n.t('Subscribe…'), redeem: vscode.l10n.t('Redeem…') }
    : undefined;
  return { kind: 'product', title, subtitle, facts, position, chart: chartFor(target, range, chart), actions, ...(actionLabels === undefined ? {} : { actionLabels }), updated, error };
}

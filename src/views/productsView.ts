/** Products on offer: on-chain earn offers by currency, ETH and SOL staking, and the savings market rates. */
import * as vscode from 'vscode';
import * as D from '../decimal';
import type { Offer } from '../okx/types';
import { offerBuyableNow, offerHasNoRoom } from '../portfolio/offers';
import type { Portfolio } from '../portfolio/portfolio';
import { PortfolioTree } from './portfolioTree';
import { VIEW_AREAS } from './viewAreas';
import { GroupNode, LeafNode, fieldsTooltip, percent, time, withCcy, type TreeNode } from './nodes';
import { termLabel } from './stakingView';

function offerStateLabel(state: string): string {
  switch (state) {
    case 'purchasable': return vscode.l10n.t('Purchasable');
    case 'sold_out': return vscode.l10n.t('Sold out');
    case 'Stop': return vscode.l10n.t('Suspended');
    default: return state;
  }
}

/** Which on-chain earn offers the Products view lists: a currency (all when absent) and a kind of term. */
export interface ProductsFilter {
  readonly ccy?: string;
  readonly term?: 'flexible' | 'fixed';
}

export function isFiltered(filter: ProductsFilter): boolean {
  return filter.ccy !== undefined || filter.term !== undefined;
}

/** "USDT · flexible only", for the view's message and the offers' description. */
export function filterText(filter: ProductsFilter): string {
  return [
    filter.ccy,
    filter.term === 'flexible' ? vscode.l10n.t('flexible only') : filter.term === 'fixed' ? vscode.l10n.t('fixed term only') : undefined,
  ].filter((part): part is string => part !== undefined).join(' · ');
}

export function matchesFilter(offer: Offer, filter: ProductsFilter): boolean {
  if (filter.ccy !== undefined && offer.ccy !== filter.ccy) return false;
  if (filter.term === 'flexible') return offer.term === '0';
  if (filter.term === 'fixed') return offer.term !== '0';
  return true;
}

/** An APY as a decimal to compare, or undefined when OKX sent something that is not one. */
const apyOf = (offer: Offer): string | undefined => (D.isPlainDecimal(offer.apy) ? offer.apy : undefined);

/** Highest APY first (compared as decimals); an APY that is not a number last; ties keep OKX's order. */
export function byApy(offers: readonly Offer[]): Offer[] {
  return [...offers].sort((a, b) => {
    const x = apyOf(a);
    const y = apyOf(b);
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
    return D.cmp(y, x);
  });
}

/** Why a purchasable offer cannot be bought now: its maximum is below its minimum ("2 DOT to 0 DOT"). */
export function noRoomText(offer: Offer): string {
  const limits = offer.investData.map((i) => vscode.l10n.t('{0} to {1}', withCcy(i.minAmt, i.ccy), withCcy(i.maxAmt, i.ccy))).join(', ');
  return vscode.l10n.t('Nothing can be subscribed now: OKX allows {0}, a maximum below the minimum.', limits);
}

/** An offer's state in words, saying so when a purchasable offer has no room ("Sold out", "Nothing can be subscribed now: …"). */
export function offerStateText(offer: Offer): string {
  return offer.state === 'purchasable' && offerHasNoRoom(offer) ? noRoomText(offer) : offerStateLabel(offer.state);
}

export { offerBuyableNow };

/** The highest APY among the offers that can be bought now, or undefined when none can. */
export function bestApy(offers: readonly Offer[]): string | undefined {
  return offers
    .filter(offerBuyableNow)
    .map(apyOf)
    .reduce<string | undefined>((best, apy) => (apy === undefined || (best !== undefined && D.gte(best, apy)) ? best : apy), undefined);
}

/** "21D" → 21 days, "24H" → 24 hours; what OKX sends otherwise, as it came. */
function periodPart(part: string): { n: string; unit: 'D' | 'H' } | undefined {
  const match = /^(\d+)([DH])$/.exec(part);
  return match === null ? undefined : { n: match[1] ?? '', unit: match[2] === 'D' ? 'D' : 'H' };
}

/** OKX's redemption period (["21D", "21D"], ["1H", "24H"]) in words: "21 days", "1 to 24 hours". */
export function redeemPeriodText(period: readonly string[]): string {
  const [from = '', to = from] = period;
  if (from === '') return '';
  const a = periodPart(from);
  const b = periodPart(to);
  const one = (p: { n: string; unit: 'D' | 'H' }): string =>
    p.unit === 'D'
      ? (p.n === '1' ? vscode.l10n.t('1 day') : vscode.l10n.t('{0} days', p.n))
      : (p.n === '1' ? vscode.l10n.t('1 hour') : vscode.l10n.t('{0} hours', p.n));
  if (a === undefined || b === undefined) return from === to ? from : vscode.l10n.t('{0} to {1}', from, to);
  if (a.n === b.n && a.unit === b.unit) return one(a);
  if (a.unit === b.unit) return a.unit === 'D' ? vscode.l10n.t('{0} to {1} days', a.n, b.n) : vscode.l10n.t('{0} to {1} hours', a.n, b.n);
  return vscode.l10n.t('{0} to {1}', one(a), one(b));
}

/**
 * An offer's row. The deciding figure comes first so that a narrow sidebar cuts only the rest: "Sold out" or
 * "Suspended" when it cannot be bought, then the APY, then the term. Under its currency's folder the label is
 * the protocol; a currency with one offer has no folder: its label is the currency, the protocol comes last.
 */
function offerNode(offer: Offer, best: boolean, parent: TreeNode, inFolder: boolean): TreeNode {
  const limits = offer.investData.map((i) => vscode.l10n.t('{0} to {1}', withCcy(i.minAmt, i.ccy), withCcy(i.maxAmt, i.ccy))).join(', ');
  // The APY is the row's only percentage (its name is in the tooltip): "Sold out · 9.5% · 30 days".
  const parts = [percent(offer.apy), termLabel(offer.term)];
  const noRoom = offer.state === 'purchasable' && offerHasNoRoom(offer);
  if (offer.state !== 'purchasable') parts.unshift(offerStateLabel(offer.state));
  else if (noRoom) parts.unshift(vscode.l10n.t('Full for now'));
  // Alone, the row is its currency's: the short currency as its label, the protocol last.
  if (!inFolder) parts.push(offer.protocol);
  return new LeafNode(`offer:${offer.productId}`, {
    label: inFolder ? offer.protocol : offer.ccy,
    description: parts.join(' · '),
    icon: best ? 'star-full' : offerBuyableNow(offer) ? 'circle-large-filled' : offer.state === 'sold_out' || noRoom ? 'circle-slash' : 'debug-pause',
    contextValue: `okxEarn.offer.${offerBuyableNow(offer) ? 'purchasable' : 'closed'}`,
    payload: { kind: 'offer', offer },
    tooltip: fieldsTooltip(`${offer.ccy} · ${offer.protocol}`, [
      [vscode.l10n.t('Product ID'), offer.productId],
      [vscode.l10n.t('State'), offerStateText(offer)],
      [vscode.l10n.t('Estimated APY'), percent(offer.apy)],
      [vscode.l10n.t('Term'), termLabel(offer.term)],
      [vscode.l10n.t('Subscription limits'), limits],
      [vscode.l10n.t('Available to invest'), offer.investData.map((i) => withCcy(i.bal, i.ccy)).join(', ')],
      [vscode.l10n.t('Redemption period'), redeemPeriodText(offer.redeemPeriod)],
      [vscode.l10n.t('Early redemption'), offer.earlyRedeem ? vscode.l10n.t('Yes') : vscode.l10n.t('No')],
      [vscode.l10n.t('Fast redemption daily limit'), offer.fastRedemptionDailyLimit],
      [vscode.l10n.t('Earns'), offer.earningData.map((e) => e.ccy).join(', ')],
      [vscode.l10n.t('Best offer'), best ? vscode.l10n.t('the highest APY of the {0} offers you can buy now', offer.ccy) : ''],
    ]),
  }, parent);
}

export class ProductsView extends PortfolioTree {
  protected override readonly showsPending = false;
  private current: ProductsFilter = {};

  constructor(portfolio: Portfolio) {
    super(portfolio, VIEW_AREAS.products);
  }

  /** The on-chain earn offers listed (the ETH, SOL and savings parts are never filtered). */
  get filter(): ProductsFilter {
    return this.current;
  }

  set filter(filter: ProductsFilter) {
    this.current = filter;
    this.refresh();
  }

  protected async roots(): Promise<TreeNode[]> {
    if (!this.portfolio.hasClient) return [];
    const [offers, market] = await Promise.all([
      this.portfolio.hasCredentials
        ? this.area('offers', ({ offers: list }) => [this.offers(list)])
        : Promise.resolve([
            new LeafNode('offers:needKey', {
              label: vscode.l10n.t('Set an API key to see on-chain earn offers'),
              icon: 'key',
              command: { command: 'okxEarn.setApiKey', title: vscode.l10n.t('Set API Key…') },
            }),
          ]),
      this.area('market', (data) => {
        const apy = (point: { rate: string; ts: string } | undefined, id: string, label: string, ccy: string): TreeNode =>
          new LeafNode(id, {
            label,
            description: point === undefined ? '' : vscode.l10n.t('APY {0}', percent(point.rate)),
            icon: 'flame',
            tooltip: point === undefined ? undefined : fieldsTooltip(label, [[vscode.l10n.t('APY'), percent(point.rate)], [vscode.l10n.t('As of'), time(point.ts)], [vscode.l10n.t('Receive'), ccy]]),
          });
        return [
          apy(data.ethApy, 'market:eth', vscode.l10n.t('ETH staking'), 'BETH'),
          apy(data.solApy, 'market:sol', vscode.l10n.t('SOL staking'), 'OKSOL'),
          new GroupNode('market:savings', {
            label: vscode.l10n.t('Savings rates'),
            icon: 'graph-line',
            children: (self) =>
              data.lendingRates.map((r) => {
                // What savers earn is the lending rate; OKX's summary gives what borrowers pay.
                const lending = data.latestRates.find((p) => p.ccy === r.ccy)?.lendingRate;
                const earns = lending === undefined || lending === '' ? undefined : percent(lending);
                return new LeafNode(`market:savings:${r.ccy}`, {
                  label: r.ccy,
                  description:
                    earns === undefined
                      ? vscode.l10n.t('borrowers pay {0}', percent(r.estRate))
                      : vscode.l10n.t('savers earn {0} · borrowers pay {1}', earns, percent(r.estRate)),
                  icon: 'circle-small',
                  contextValue: 'okxEarn.marketRate',
                  payload: { kind: 'savings', ccy: r.ccy },
                  tooltip: fieldsTooltip(vscode.l10n.t('{0} savings rates', r.ccy), [
                    [vscode.l10n.t('Lending rate, last hour (what savers earn)'), earns ?? ''],
                    [vscode.l10n.t('Borrowing rate, next (estimated)'), percent(r.estRate)],
                    [vscode.l10n.t('Borrowing rate, last'), percent(r.preRate)],
                    [vscode.l10n.t('Borrowing rate, 24-hour average'), percent(r.avgRate)],
                  ]),
                }, self);
              }),
          }),
        ];
      }),
    ]);
    return [...offers, ...market];
  }

  /**
   * Offers by currency, each currency's highest APY first and its best offer you can buy marked (more than one
   * when they tie); only those the filter lets through, saying so.
   */
  private offers(all: Offer[]): TreeNode {
    const filter = this.current;
    const offers = all.filter((o) => matchesFilter(o, filter));
    const currencies = [...new Set(offers.map((o) => o.ccy))].sort();
    const filtered = isFiltered(filter);
    return new GroupNode('offers', {
      label: vscode.l10n.t('On-chain earn offers'),
      description: filtered
        ? (all.length === 1
            ? vscode.l10n.t('{0} of 1 product · filtered: {1}', offers.length, filterText(filter))
            : vscode.l10n.t('{0} of {1} products · filtered: {2}', offers.length, all.length, filterText(filter)))
        : offers.length === 1 ? vscode.l10n.t('1 product') : vscode.l10n.t('{0} products', offers.length),
      icon: filtered ? 'filter-filled' : 'link',
      expanded: true,
      children: (self) => {
        if (offers.length === 0 && filtered) {
          return [
            new LeafNode('offers:none', {
              label: vscode.l10n.t('No offer matches the filter'),
              description: filterText(filter),
              icon: 'filter',
              command: { command: 'okxEarn.clearProductsFilter', title: vscode.l10n.t('Clear Filter') },
            }, self),
          ];
        }
        return currencies.map((ccy) => {
          const ofCcy = byApy(offers.filter((o) => o.ccy === ccy));
          const best = bestApy(ofCcy);
          const isBest = (o: Offer): boolean => best !== undefined && offerBuyableNow(o) && apyOf(o) !== undefined && D.cmp(o.apy, best) === 0;
          // A currency with a single offer is that offer, not a folder of one.
          const [only] = ofCcy;
          if (ofCcy.length === 1 && only !== undefined) return offerNode(only, isBest(only), self, false);
          return new GroupNode(`offers:${ccy}`, {
            label: ccy,
            description: best === undefined
              ? vscode.l10n.t('{0} offers, none open', ofCcy.length)
              : vscode.l10n.t('best APY {0} · {1} offers', percent(best), ofCcy.length),
            icon: 'folder',
            // Filtered down to one currency: its offers are what the user asked to see.
            expanded: filter.ccy !== undefined,
            children: (group) => ofCcy.map((o) => offerNode(o, isBest(o), group, true)),
          }, self);
        });
      },
    });
  }
}

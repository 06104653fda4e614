/** Products on offer: on-chain earn offers by currency, ETH and SOL staking, and the savings market rates. */
import * as vscode from 'vscode';
import type { Offer } from '../okx/types';
import type { Portfolio } from '../portfolio/portfolio';
import { PortfolioTree } from './portfolioTree';
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

function offerNode(offer: Offer, parent: TreeNode): TreeNode {
  const limits = offer.investData.map((i) => vscode.l10n.t('{0} to {1}', withCcy(i.minAmt, i.ccy), withCcy(i.maxAmt, i.ccy))).join(', ');
  return new LeafNode(`offer:${offer.productId}`, {
    label: offer.protocol,
    description: `${vscode.l10n.t('APY {0}', percent(offer.apy))} · ${termLabel(offer.term)}${offer.state === 'purchasable' ? '' : ` · ${offerStateLabel(offer.state)}`}`,
    icon: offer.state === 'purchasable' ? 'circle-large-filled' : offer.state === 'sold_out' ? 'circle-slash' : 'debug-pause',
    contextValue: `okxEarn.offer.${offer.state === 'purchasable' ? 'purchasable' : 'closed'}`,
    payload: { kind: 'offer', offer },
    command: { command: 'okxEarn.openProduct', title: vscode.l10n.t('Show Details'), arguments: [{ payload: { kind: 'offer', offer } }] },
    tooltip: fieldsTooltip(`${offer.ccy} · ${offer.protocol}`, [
      [vscode.l10n.t('Product ID'), offer.productId],
      [vscode.l10n.t('State'), offerStateLabel(offer.state)],
      [vscode.l10n.t('Estimated APY'), percent(offer.apy)],
      [vscode.l10n.t('Term'), termLabel(offer.term)],
      [vscode.l10n.t('Subscription limits'), limits],
      [vscode.l10n.t('Available to invest'), offer.investData.map((i) => withCcy(i.bal, i.ccy)).join(', ')],
      [vscode.l10n.t('Redemption period'), offer.redeemPeriod.join(' – ')],
      [vscode.l10n.t('Early redemption'), offer.earlyRedeem ? vscode.l10n.t('Yes') : vscode.l10n.t('No')],
      [vscode.l10n.t('Fast redemption daily limit'), offer.fastRedemptionDailyLimit],
      [vscode.l10n.t('Earns'), offer.earningData.map((e) => e.ccy).join(', ')],
    ]),
  }, parent);
}

export class ProductsView extends PortfolioTree {
  constructor(portfolio: Portfolio) {
    super(portfolio, ['offers', 'market']);
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

  private offers(offers: Offer[]): TreeNode {
    const currencies = [...new Set(offers.map((o) => o.ccy))].sort();
    return new GroupNode('offers', {
      label: vscode.l10n.t('On-chain earn offers'),
      description: vscode.l10n.t('{0} products', offers.length),
      icon: 'link',
      expanded: true,
      children: (self) =>
        currencies.map((ccy) => new GroupNode(`offers:${ccy}`, {
          label: ccy,
          description: String(offers.filter((o) => o.ccy === ccy).length),
          icon: 'folder',
          children: (group) => offers.filter((o) => o.ccy === ccy).map((o) => offerNode(o, group)),
        }, self)),
    });
  }
}

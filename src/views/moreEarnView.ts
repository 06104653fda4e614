/**
 * More Earn: the products OKX added in 2026. OKUSD (the holding, its earnings and APR, today's quotas, standard
 * redemptions on their way, the histories); Stable Rewards (each rewards-bearing stablecoin held, its APY, and
 * the plain fact that one now subscribes and redeems by trading the coin); Dual Investment (orders by state,
 * each with both outcomes in amounts, the pairs on offer and the order history).
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import { errorText } from '../messages';
import type { DualCurrencyPair, DualOrder, DualProduct, OkusdLimits, OkusdQuota, OkusdRedemption, StableRewardsHolding } from '../okx/types';
import { dualOrderOpen, type AreaData, type Portfolio } from '../portfolio/portfolio';
import { PortfolioTree } from './portfolioTree';
import { VIEW_AREAS } from './viewAreas';
import { dualDirectionLabel, dualOrderStateLabel, dualOutcomeLines, dualOutcomeRows, dualProductLabel } from './dualLabels';
import { GroupNode, LeafNode, errorNode, feeRate, fieldsTooltip, historyNode, percent, shortAmount, shortWithCcy, time, withCcy, type TreeNode } from './nodes';
import { relativeTime } from './overviewView';

/** What is left of a daily quota: the user's and the platform's, whichever is less (never below zero). */
export function quotaLeft(q: OkusdQuota): string | undefined {
  const figures = [q.personalDailyLimit, q.personalUsedAmt, q.platformDailyLimit, q.platformUsedAmt];
  if (!figures.every(D.isPlainDecimal)) return undefined;
  return D.max('0', D.min(D.sub(q.personalDailyLimit, q.personalUsedAmt), D.sub(q.platformDailyLimit, q.platformUsedAmt)));
}

export class MoreEarnView extends PortfolioTree {
  constructor(portfolio: Portfolio) {
    super(portfolio, VIEW_AREAS.moreEarn);
  }

  protected async roots(): Promise<TreeNode[]> {
    if (!this.portfolio.hasCredentials) return [];
    const [okusd, stable, dual] = await Promise.all([
      this.area('okusd', (data) => [this.okusd(data)]),
      this.area('stable', (data) => [this.stable(data)]),
      this.area('dual', (data) => [this.dual(data)]),
    ]);
    return [...okusd, ...stable, ...dual];
  }

  // ------------------------------------------------------------------------------------------------ OKUSD

  private okusd(data: AreaData['okusd']): TreeNode {
    const { account, limits, apr, latestReward, pendingRedemptions } = data;
    const amt = account?.amt ?? '0';
    const payload = { kind: 'okusd' as const };
    const parts = [shortWithCcy(amt, 'OKUSD'), ...(apr === undefined ? [] : [vscode.l10n.t('APR {0}', percent(apr.apr))])];
    return new GroupNode('okusd', {
      label: vscode.l10n.t('OKUSD'),
      description: parts.join(' · '),
      icon: 'credit-card',
      contextValue: D.isPlainDecimal(amt) && D.isPositive(amt) ? 'okxEarn.okusd.held' : 'okxEarn.okusd',
      payload,
      expanded: true,
      tooltip: fieldsTooltip(vscode.l10n.t('OKUSD'), [
        [vscode.l10n.t('Held'), withCcy(amt, 'OKUSD')],
        [vscode.l10n.t('Earned in total'), account === undefined ? '' : withCcy(account.totalEarnAccrual, 'USDT')],
        [vscode.l10n.t('APR'), apr === undefined ? '' : `${percent(apr.apr)} · ${time(apr.ts)}`],
        [vscode.l10n.t('What it is'), vscode.l10n.t('A USD stablecoin issued 1:1 against USDT that pays a daily yield in USDT.')],
      ]),
      children: (self) => [
        new LeafNode('okusd:held', { label: vscode.l10n.t('Held'), description: shortWithCcy(amt, 'OKUSD'), tooltip: withCcy(amt, 'OKUSD'), icon: 'symbol-number' }, self),
        ...(account === undefined ? [] : [new LeafNode('okusd:earned', {
          label: vscode.l10n.t('Earned in total'), description: shortWithCcy(account.totalEarnAccrual, 'USDT'), tooltip: withCcy(account.totalEarnAccrual, 'USDT'), icon: 'graph',
        }, self)]),
        ...(latestReward === undefined ? [] : [new LeafNode('okusd:latestReward', {
          label: vscode.l10n.t('Latest daily reward'),
          description: `${shortWithCcy(latestReward.earnAmt, 'USDT')} · ${time(latestReward.ts)}`,
          tooltip: vscode.l10n.t('{0} on {1} at {2} APR', withCcy(latestReward.earnAmt, 'USDT'), withCcy(latestReward.amt, 'OKUSD'), percent(latestReward.apr)),
          icon: 'calendar',
        }, self)]),
        ...(limits === undefined ? [] : [this.quotas(limits, self)]),
        ...pendingRedemptions.map((r) => this.pendingRedemption(r, self)),
        historyNode('okusd:subscriptions', vscode.l10n.t('Subscriptions'), this.portfolio, 'okusdSubscribe', undefined, (r, i, parent) =>
          new LeafNode(`okusd:subscriptions:${r.ordId}:${i}`, {
            label: shortWithCcy(r.amt, r.ccy),
            description: `→ ${shortWithCcy(r.settleCcyAmt, r.settleCcy)} · ${okusdStatusLabel(r.status)} · ${time(r.ts)}`,
            tooltip: `${withCcy(r.amt, r.ccy)} → ${withCcy(r.settleCcyAmt, r.settleCcy)} · ${okusdStatusLabel(r.status)} · ${time(r.ts)} · ${r.ordId}`,
            icon: 'arrow-small-right',
          }, parent), self),
        historyNode('okusd:redemptions', vscode.l10n.t('Standard redemptions'), this.portfolio, 'okusdRedeem', 'standard', (r, i, parent) => this.redemption(r, i, parent, 'okusd:redemptions'), self),
        historyNode('okusd:fastRedemptions', vscode.l10n.t('Fast redemptions'), this.portfolio, 'okusdRedeem', 'fast', (r, i, parent) => this.redemption(r, i, parent, 'okusd:fastRedemptions'), self),
        historyNode('okusd:rewards', vscode.l10n.t('Daily rewards'), this.portfolio, 'okusdRewards', undefined, (r, i, parent) =>
          new LeafNode(`okusd:rewards:${r.ts}:${i}`, {
            label: shortWithCcy(r.earnAmt, r.ccy),
            description: `${vscode.l10n.t('on {0} at {1}', shortWithCcy(r.amt, 'OKUSD'), percent(r.apr))} · ${time(r.ts)}`,
            tooltip: `${withCcy(r.earnAmt, r.ccy)} · ${vscode.l10n.t('on {0} at {1}', withCcy(r.amt, 'OKUSD'), percent(r.apr))} · ${time(r.ts)}`,
            icon: 'arrow-small-right',
          }, parent), self),
      ],
    });
  }

  private quotas(limits: OkusdLimits, parent: TreeNode): TreeNode {
    const sub = quotaLeft(limits.subLimit);
    const fast = quotaLeft(limits.fastRedeemLimit);
    const std = quotaLeft(limits.stdRedeemLimit);
    const row = (name: string, left: string | undefined, ccy: string, fee: string | undefined, q: OkusdQuota): [string, string, string] => [
      name,
      left === undefined ? '' : fee === undefined ? vscode.l10n.t('{0} left', shortWithCcy(left, ccy)) : vscode.l10n.t('{0} left · fee {1}', shortWithCcy(left, ccy), feeRate(fee)),
      vscode.l10n.t('yours: {0} of {1} used; OKX: {2} of {3} used', withCcy(q.personalUsedAmt, ccy), withCcy(q.personalDailyLimit, ccy), withCcy(q.platformUsedAmt, ccy), withCcy(q.platformDailyLimit, ccy)),
    ];
    const rows = [
      row(vscode.l10n.t('Subscription'), sub, 'USDT', undefined, limits.subLimit),
      row(vscode.l10n.t('Fast redemption (at once)'), fast, 'OKUSD', limits.fastRedeemLimit.feeRate, limits.fastRedeemLimit),
      row(vscode.l10n.t('Standard redemption (D+5)'), std, 'OKUSD', limits.stdRedeemLimit.feeRate, limits.stdRedeemLimit),
    ];
    return new GroupNode('okusd:quotas', {
      label: vscode.l10n.t("Today's quotas"),
      description: sub === undefined ? '' : vscode.l10n.t('subscribe up to {0}', shortWithCcy(sub, 'USDT')),
      icon: 'dashboard',
      tooltip: fieldsTooltip(vscode.l10n.t("Today's quotas (reset daily)"), rows.map(([name, , detail]) => [name, detail])),
      children: (self) => rows.map(([label, description, detail], i) => new LeafNode(`okusd:quotas:${i}`, { label, description, tooltip: detail, icon: 'circle-small' }, self)),
    }, parent);
  }

  private pendingRedemption(r: OkusdRedemption, parent: TreeNode): TreeNode {
    const at = /^\d+$/.test(r.estSettlementTime) ? Number(r.estSettlementTime) : undefined;
    return new LeafNode(`okusd:pending:${r.ordId}`, {
      label: vscode.l10n.t('Redemption on its way'),
      description: `${shortWithCcy(r.settleCcyAmt, r.settleCcy)} · ${at === undefined ? '' : relativeTime(at, Date.now())}`,
      tooltip: fieldsTooltip(vscode.l10n.t('Standard redemption'), [
        [vscode.l10n.t('Amount redeemed'), withCcy(r.amt, r.ccy)],
        [vscode.l10n.t('Fee'), withCcy(r.fee, r.settleCcy)],
        [vscode.l10n.t('You receive'), withCcy(r.settleCcyAmt, r.settleCcy)],
        [vscode.l10n.t('Asked'), time(r.ts)],
        [vscode.l10n.t('Expected'), time(r.estSettlementTime)],
        [vscode.l10n.t('Order ID'), r.ordId],
      ]),
      icon: 'arrow-circle-down',
      contextValue: 'okxEarn.okusd.pendingRedemption',
    }, parent);
  }

  private redemption(r: OkusdRedemption, i: number, parent: TreeNode, prefix: string): TreeNode {
    return new LeafNode(`${prefix}:${r.ordId}:${i}`, {
      label: shortWithCcy(r.amt, r.ccy),
      description: `→ ${shortWithCcy(r.settleCcyAmt, r.settleCcy)} · ${okusdStatusLabel(r.status)} · ${time(r.ts)}`,
      tooltip: `${withCcy(r.amt, r.ccy)} → ${withCcy(r.settleCcyAmt, r.settleCcy)} (${vscode.l10n.t('fee {0}', withCcy(r.fee, r.settleCcy))}) · ${okusdStatusLabel(r.status)} · ${time(r.ts)} · ${r.ordId}`,
      icon: 'arrow-small-left',
    }, parent);
  }

  // ------------------------------------------------------------------------------------------------ Stable Rewards

  private stable(data: AreaData['stable']): TreeNode {
    const held = data.holdings.filter((h) => D.isPlainDecimal(h.amt) && D.isPositive(h.amt));
    return new GroupNode('stable', {
      label: vscode.l10n.t('Stable Rewards'),
      description: held.length === 0 ? vscode.l10n.t('nothing held') : held.map((h) => shortWithCcy(h.amt, h.ccy)).join(', '),
      icon: 'shield',
      expanded: true,
      tooltip: new vscode.MarkdownString(vscode.l10n.t('Stablecoins that earn while you hold them. Since 14 July 2026 OKX has no API to subscribe or redeem: you buy or sell the stablecoin on OKX, and what you hold earns.')),
      children: (self) => [
        ...data.holdings.map((h) => this.stableHolding(h, data.apy.get(h.ccy)?.rate, self)),
        new LeafNode('stable:howto', {
          label: vscode.l10n.t('Subscribe or redeem'),
          description: vscode.l10n.t('by trading the coin on OKX'),
          icon: 'info',
          tooltip: vscode.l10n.t('OKX removed Stable Rewards subscription and redemption from its API on 14 July 2026. Buying the stablecoin subscribes it; selling it redeems. This extension shows holdings, rewards and the APY.'),
        }, self),
      ],
    });
  }

  private stableHolding(h: StableRewardsHolding, apy: string | undefined, parent: TreeNode): TreeNode {
    const payload = { kind: 'stable' as const, ccy: h.ccy };
    const earning = h.state === 'earning';
    return new GroupNode(`stable:${h.ccy}`, {
      label: h.ccy,
      description: [shortAmount(h.amt), ...(apy === undefined ? [] : [vscode.l10n.t('APY {0}', percent(apy))]), ...(earning ? [] : [vscode.l10n.t('not earning')])].join(' · '),
      icon: earning ? 'pulse' : new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
      contextValue: 'okxEarn.stable',
      payload,
      tooltip: fieldsTooltip(vscode.l10n.t('{0} · Stable Rewards', h.ccy), [
        [vscode.l10n.t('Held'), withCcy(h.amt, h.ccy)],
        [vscode.l10n.t('Earned in total'), withCcy(h.totalEarnAccrual, h.ccy)],
        [vscode.l10n.t('APY (latest day)'), apy === undefined ? '' : percent(apy)],
        [vscode.l10n.t('State'), stableStateLabel(h.state)],
      ]),
      children: (self) => [
        new LeafNode(`stable:${h.ccy}:held`, { label: vscode.l10n.t('Held'), description: shortWithCcy(h.amt, h.ccy), tooltip: withCcy(h.amt, h.ccy), icon: 'symbol-number' }, self),
        new LeafNode(`stable:${h.ccy}:earned`, { label: vscode.l10n.t('Earned in total'), description: shortWithCcy(h.totalEarnAccrual, h.ccy), tooltip: withCcy(h.totalEarnAccrual, h.ccy), icon: 'graph' }, self),
        new LeafNode(`stable:${h.ccy}:state`, {
          label: vscode.l10n.t('State'), description: stableStateLabel(h.state), icon: earning ? 'pulse' : 'warning',
          tooltip: earning ? undefined : vscode.l10n.t('Not earning: auto-earn is off for this coin, or the amount is below the activation threshold.'),
        }, self),
        new LeafNode(`stable:${h.ccy}:apy`, { label: vscode.l10n.t('APY history'), description: apy === undefined ? '' : percent(apy), icon: 'graph-line', payload }, self),
      ],
    }, parent);
  }

  // ------------------------------------------------------------------------------------------------ Dual Investment

  private dual(data: AreaData['dual']): TreeNode {
    const open = data.orders.filter(dualOrderOpen);
    const closed = data.orders.filter((o) => !dualOrderOpen(o));
    return new GroupNode('dual', {
      label: vscode.l10n.t('Dual Investment'),
      description: open.length === 0 ? vscode.l10n.t('no open orders') : open.length === 1 ? vscode.l10n.t('1 open order') : vscode.l10n.t('{0} open orders', open.length),
      icon: 'git-compare',
      expanded: true,
      contextValue: 'okxEarn.dual',
      tooltip: new vscode.MarkdownString(vscode.l10n.t('Dual Investment: a higher yield for a fixed term, paid in one of two currencies depending on where the price settles against the strike at expiry.')),
      children: (self) => [
        ...open.sort((a, b) => Number(a.expTime) - Number(b.expTime)).map((o) => this.dualOrder(o, self)),
        ...(closed.length === 0 ? [] : [new GroupNode('dual:settled', {
          label: vscode.l10n.t('Settled and redeemed'),
          description: String(closed.length),
          icon: 'check-all',
          children: (group) => closed.map((o) => this.dualOrder(o, group)),
        }, self)]),
        new GroupNode('dual:offers', {
          label: vscode.l10n.t('On offer'),
          icon: 'tag',
          contextValue: 'okxEarn.dualOffers',
          children: (group) => this.dualPairs(group),
        }, self),
        historyNode('dual:history', vscode.l10n.t('Order history'), this.portfolio, 'dual', undefined, (o, i, parent) =>
          new LeafNode(`dual:history:${o.ordId}:${i}`, {
            label: dualProductLabel(o),
            description: `${shortWithCcy(o.notionalSz, o.notionalCcy)} · ${dualOrderStateLabel(o.state)} · ${time(o.cTime)}`,
            tooltip: `${o.productId} · ${withCcy(o.notionalSz, o.notionalCcy)} · ${dualOrderStateLabel(o.state)} · ${o.ordId}`,
            icon: 'arrow-small-right',
            payload: { kind: 'dualOrder', order: o },
          }, parent), self),
      ],
    });
  }

  private dualOrder(o: DualOrder, parent: TreeNode): TreeNode {
    const open = dualOrderOpen(o);
    const exp = /^\d+$/.test(o.expTime) ? Number(o.expTime) : undefined;
    const lines = dualOutcomeLines(o);
    const settled = o.settleSz !== '' && o.settleCcy !== '';
    const payload = { kind: 'dualOrder' as const, order: o };
    return new GroupNode(`dual:order:${o.ordId}`, {
      label: dualProductLabel(o),
      description: [
        shortWithCcy(o.notionalSz, o.notionalCcy),
        percent(o.annualizedYield),
        open ? (exp === undefined ? dualOrderStateLabel(o.state) : vscode.l10n.t('expires {0}', relativeTime(exp, Date.now()))) : settled ? vscode.l10n.t('paid {0}', shortWithCcy(o.settleSz, o.settleCcy)) : dualOrderStateLabel(o.state),
      ].join(' · '),
      icon: open ? 'pulse' : 'check',
      contextValue: o.state === 'live' ? 'okxEarn.dualOrder.live' : 'okxEarn.dualOrder',
      payload,
      tooltip: fieldsTooltip(`${o.baseCcy}/${o.quoteCcy} · ${dualDirectionLabel(o)} · ${withCcy(o.strike, o.quoteCcy)}`, [
        [vscode.l10n.t('Order ID'), o.ordId],
        [vscode.l10n.t('Product ID'), o.productId],
        [vscode.l10n.t('State'), dualOrderStateLabel(o.state)],
        [vscode.l10n.t('Invested'), withCcy(o.notionalSz, o.notionalCcy)],
        [vscode.l10n.t('Strike'), withCcy(o.strike, o.quoteCcy)],
        [vscode.l10n.t('APY'), percent(o.annualizedYield)],
        [vscode.l10n.t('Yield'), withCcy(o.yieldSz, o.yieldCcy)],
        [vscode.l10n.t('Expires'), time(o.expTime)],
        ...(settled ? [[vscode.l10n.t('Settled at'), withCcy(o.settlePx, o.quoteCcy)] as [string, string], [vscode.l10n.t('Paid'), withCcy(o.settleSz, o.settleCcy)] as [string, string]] : lines.map((l, i): [string, string] => [i === 0 ? vscode.l10n.t('Outcomes') : '', l])),
      ]),
      children: (self) => [
        ...(settled
          ? [new LeafNode(`dual:order:${o.ordId}:paid`, { label: vscode.l10n.t('Paid'), description: vscode.l10n.t('{0} (settled at {1})', withCcy(o.settleSz, o.settleCcy), withCcy(o.settlePx, o.quoteCcy)), icon: 'check' }, self)]
          : dualOutcomeRows(o).map((row, i) => new LeafNode(`dual:order:${o.ordId}:outcome:${i}`, { label: row.label, description: row.description, tooltip: row.sentence, icon: 'arrow-right' }, self))),
        new LeafNode(`dual:order:${o.ordId}:expires`, { label: vscode.l10n.t('Expires'), description: time(o.expTime), icon: 'watch' }, self),
        ...(o.state === 'live' && /^\d+$/.test(o.redeemEndTime)
          ? [new LeafNode(`dual:order:${o.ordId}:redeem`, {
              label: vscode.l10n.t('Early redemption'),
              description: vscode.l10n.t('until {0}', time(o.redeemEndTime)),
              icon: 'debug-step-back',
              tooltip: vscode.l10n.t('Ask OKX for a redemption quote: it says what you would get back now, before anything is sent.'),
              command: { command: 'okxEarn.dual.redeemEarly', title: vscode.l10n.t('Redeem Early…'), arguments: [{ payload }] },
            }, self)]
          : []),
      ],
    }, parent);
  }

  private async dualPairs(parent: TreeNode): Promise<TreeNode[]> {
    await this.portfolio.ensure('dualPairs');
    const state = this.portfolio.get('dualPairs');
    if (state.status === 'error') return [errorNode('dualPairs', state.error, parent)];
    const pairs = 'data' in state ? (state.data?.pairs ?? []) : [];
    return pairs.map((pair) => this.dualPair(pair, parent));
  }

  private dualPair(pair: DualCurrencyPair, parent: TreeNode): TreeNode {
    const key = `${pair.baseCcy}-${pair.quoteCcy}-${pair.optType}`;
    return new GroupNode(`dual:pair:${key}`, {
      label: `${pair.baseCcy}/${pair.quoteCcy}`,
      description: dualDirectionLabel({ optType: pair.optType }),
      icon: pair.optType === 'C' ? 'arrow-up' : 'arrow-down',
      contextValue: 'okxEarn.dualPair',
      payload: { kind: 'dualPair', pair },
      children: async (self) => {
        const result = await this.portfolio.dualProducts(pair);
        if (result instanceof Error) {
          return [new LeafNode(`dual:pair:${key}:error`, { label: vscode.l10n.t('Could not load the products'), description: errorText(result), icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')) }, self)];
        }
        if (result.length === 0) return [new LeafNode(`dual:pair:${key}:none`, { label: vscode.l10n.t('No product on offer now'), icon: 'circle-slash' }, self)];
        return result.map((p) => this.dualProduct(p, self));
      },
    }, parent);
  }

  private dualProduct(p: DualProduct, parent: TreeNode): TreeNode {
    const exp = /^\d+$/.test(p.expTime) ? Number(p.expTime) : undefined;
    return new LeafNode(`dual:product:${p.productId}`, {
      label: withCcy(p.strike, p.quoteCcy),
      description: [percent(p.annualizedYield), exp === undefined ? '' : vscode.l10n.t('expires {0}', relativeTime(exp, Date.now()))].join(' · '),
      icon: 'circle-small',
      contextValue: 'okxEarn.dualProduct',
      payload: { kind: 'dualProduct', product: p },
      tooltip: fieldsTooltip(p.productId, [
        [vscode.l10n.t('Direction'), dualDirectionLabel(p)],
        [vscode.l10n.t('Strike'), withCcy(p.strike, p.quoteCcy)],
        [vscode.l10n.t('APY'), percent(p.annualizedYield)],
        [vscode.l10n.t('Yield for the term'), percent(p.absYield, 4)],
        [vscode.l10n.t('Invest'), vscode.l10n.t('{0} to {1}, in steps of {2}', withCcy(p.minSize, p.notionalCcy), withCcy(p.maxSize, p.notionalCcy), p.stepSz)],
        [vscode.l10n.t('Expires'), time(p.expTime)],
        [vscode.l10n.t('Can be bought until'), time(p.tradeEndTime)],
        // What each outcome pays, and in which currency, for the smallest amount that can be bought.
        ...dualOutcomeLines({ ...p, notionalSz: p.minSize }).map((line, i): [string, string] => [i === 0 ? vscode.l10n.t('For {0}', withCcy(p.minSize, p.notionalCcy)) : '', line]),
      ]),
    }, parent);
  }
}

export function okusdStatusLabel(status: string): string {
  const labels: Record<string, string> = {
    pending: vscode.l10n.t('pending'), processing: vscode.l10n.t('processing'), success: vscode.l10n.t('done'), failed: vscode.l10n.t('failed'),
    canceled: vscode.l10n.t('cancelled'), cancelled: vscode.l10n.t('cancelled'),
  };
  return labels[status] ?? status;
}

export function stableStateLabel(state: string): string {
  return state === 'earning' ? vscode.l10n.t('earning') : state === 'pending' ? vscode.l10n.t('not earning yet') : state;
}

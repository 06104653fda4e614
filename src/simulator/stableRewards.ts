/**
 * The simulator's Stable Rewards as OKX documents them since 2026-07-14: product info, balance and APY history
 * only (quote, trade and their history were decommissioned; stablecoins are bought on the order book). A
 * holding earns by itself once enrolled: each UTC midnight pays the day's APY on what is held, in the same
 * stablecoin, while auto-earn is on and the balance is at least the activation threshold ("earning"; otherwise
 * "pending"). The simulator has only a funding account, so "across the entire account" is the funding balance.
 */
import * as D from '../decimal';
import type * as T from '../okx/types';
import { DAY, dayOf } from './clock';
import { stableRewardsApy } from './market';
import { required, text, type RawParams } from './params';
import { badParam } from './simError';
import type { SimState, SimStableRewards } from './state';
import type { Funding } from './loans';


export class StableRewardsDesk {
  constructor(
    private readonly state: SimState,
    private readonly funding: Funding,
  ) {}

  private get stable(): SimStableRewards {
    return this.state.stableRewards;
  }

  private stablecoin(p: RawParams, optional: boolean): string | undefined {
    const ccy = optional ? text(p, 'ccy') : required(p, 'ccy');
    if (ccy !== undefined && this.stable.products[ccy] === undefined) badParam('ccy');
    return ccy;
  }

  productInfo(p: RawParams, now: number): T.StableRewardsProductInfo[] {
    const ccy = this.stablecoin(p, false) ?? '';
    const routes = this.stable.products[ccy] ?? [];
    return [{
      details: routes.map((r) => ({
        ccy, settleCcy: r.settleCcy, subFeeRate: r.subFeeRate, minSubAmt: r.minSubAmt, remainingSubQuota: r.remainingSubQuota, canRedeem: r.canRedeem,
        // What redemption to a settlement currency that is not available leaves empty.
        redemptFeeRate: r.canRedeem ? r.redemptFeeRate : '',
        minRedeemAmt: r.canRedeem ? r.minRedeemAmt : '',
        remainingRedemptQuota: r.canRedeem ? r.remainingRedemptQuota : '',
      })),
      ts: String(now),
    }];
  }

  private earning(ccy: string): boolean {
    const holding = this.stable.holdings[ccy];
    return holding !== undefined && holding.autoEarn && D.gte(this.funding.balance(ccy), this.stable.activationThreshold);
  }

  balance(p: RawParams, now: number): T.StableRewardsBalance[] {
    const ccy = this.stablecoin(p, true);
    const details = Object.keys(this.stable.products)
      .filter((c) => ccy === undefined || c === ccy)
      .filter((c) => this.stable.holdings[c] !== undefined || D.isPositive(this.funding.balance(c)))
      .map((c) => ({
        ccy: c,
        amt: D.roundDown(this.funding.balance(c), 8),
        totalEarnAccrual: this.stable.holdings[c]?.totalEarnAccrual ?? '0',
        state: this.earning(c) ? 'earning' : 'pending',
      }));
    return [{ details, ts: String(now) }];
  }

  /** One daily APY per UTC day, today's first; `days` at most (and by default) 100. */
  apyHistory(p: RawParams, now: number): T.StableRewardsApyPoint[] {
    const ccy = this.stablecoin(p, false) ?? '';
    const days = text(p, 'days') ?? '100';
    if (!/^\d+$/.test(days) || Number(days) < 1 || Number(days) > 100) badParam('days');
    const today = dayOf(now) * DAY;
    return Array.from({ length: Number(days) }, (_, i) => ({ rate: stableRewardsApy(ccy, today - i * DAY), ts: String(today - i * DAY) }));
  }

  /** Each UTC midnight: the day's reward on every earning holding. */
  catchUp(now: number): void {
    for (const [ccy, holding] of Object.entries(this.stable.holdings)) {
      for (let day = Math.max(holding.lastRewardDay + 1, dayOf(now) - 30); day <= dayOf(now); day++) {
        holding.lastRewardDay = day;
        if (!this.earning(ccy)) continue;
        const reward = D.roundDown(D.div(D.mul(this.funding.balance(ccy), stableRewardsApy(ccy, (day - 1) * DAY)), '365'), 8);
        this.funding.credit(ccy, reward);
        holding.totalEarnAccrual = D.add(holding.totalEarnAccrual, reward);
      }
    }
  }
}

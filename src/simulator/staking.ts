/**
 * The simulator's ETH and SOL staking: a purchase turns ETH/SOL into BETH/OKSOL after a minute; a redemption is
 * fast (at once, within a daily limit) or waits the product's redemption delay; ETH's pending redemption can be
 * cancelled; a reward is paid each UTC day at the day's APY on what is staked (held and still redeeming).
 */
import * as D from '../decimal';
import type { DataOf } from '../okx/endpoints';
import type * as T from '../okx/types';
import { DAY, dayOf, MINUTE, msText } from './clock';
import type { Funding } from './loans';
import { stakingApy } from './market';
import { page } from './paging';
import { amount, oneOf, pageQuery, required, type RawParams } from './params';
import { badParam, fail } from './simError';
import { nextId, type SimStaking, type SimState } from './state';

export class StakingDesk {
  constructor(
    private readonly state: SimState,
    private readonly funding: Funding,
  ) {}

  ethProductInfo(now: number): DataOf<'ethProductInfo'> {
    return [{ fastRedemptionDailyLimit: this.fastLeft(this.state.eth, now, true), ...this.productFields(this.state.eth, 'eth', now) }];
  }

  solProductInfo(now: number): DataOf<'solProductInfo'> {
    return {
      fastRedemptionDailyLimit: this.state.sol.fastDailyLimit,
      fastRedemptionAvail: this.fastLeft(this.state.sol, now, false),
      ...this.productFields(this.state.sol, 'sol', now),
    };
  }

  /** ETH only: a redemption still pending is cancelled and its BETH returned. */
  cancelEthRedeem(p: RawParams, now: number): DataOf<'ethCancelRedeem'> {
    const ordId = required(p, 'ordId');
    const record = this.state.eth.history.find((r) => r.ordId === ordId && r.type === 'redeem') ?? badParam('ordId');
    if (record.status === 'success') fail('51722', 'The redemption has already completed');
    if (record.status !== 'pending') fail('51725', 'Cancellation is not supported at this time');
    record.status = 'cancelled';
    record.completedTime = now;
    record.redeemingAmt = '';
    this.funding.credit(this.state.eth.ccy, record.amt);
    return [{ ordId }];
  }

  /**
   * The product-info fields OKX added in 2026. `rate` is in PERCENT, as OKX's examples give it ("2.23" for
   * 2.23 %), while apy-history gives fractions: the simulator's documented choice for an undocumented unit.
   */
  private productFields(s: SimStaking, product: 'eth' | 'sol', now: number): Required<T.StakingProductFields> {
    return {
      rate: D.roundDown(D.mul(stakingApy(product, now), '100'), 2),
      redemptDays: String(Math.round(s.redeemDelayMs / DAY)),
      minAmt: s.minPurchase,
    };
  }

  private fastLeft(s: SimStaking, now: number, eth: boolean): string {
    const used = s.fastUsedDay === dayOf(now) ? s.fastUsed : '0';
    // ETH's product-info reports the daily limit itself; SOL's also says how much is left today.
    return eth ? s.fastDailyLimit : D.max('0', D.sub(s.fastDailyLimit, used));
  }

  stake(s: SimStaking, p: RawParams, now: number): [] {
    const amt = amount(p, 'amt');
    if (D.lt(amt, s.minPurchase)) fail('51727', `The minimum subscription amount is ${s.minPurchase} ${s.base}`);
    this.funding.debit(s.base, amt, '51008');
    s.history.push({ ordId: nextId(this.state), type: 'purchase', amt, redeemingAmt: '', status: 'pending', requestTime: now, estCompletedTime: now + MINUTE });
    return [];
  }

  unstake(s: SimStaking, p: RawParams, now: number): [] {
    const amt = amount(p, 'amt');
    this.funding.debit(s.ccy, amt, '51008');
    if (s.fastUsedDay !== dayOf(now)) {
      s.fastUsedDay = dayOf(now);
      s.fastUsed = '0';
    }
    const fast = D.lte(D.add(s.fastUsed, amt), s.fastDailyLimit);
    if (fast) {
      s.fastUsed = D.add(s.fastUsed, amt);
      this.funding.credit(s.base, amt);
      s.history.push({ ordId: nextId(this.state), type: 'redeem', amt, redeemingAmt: '', status: 'success', requestTime: now, completedTime: now });
    } else {
      s.history.push({
        ordId: nextId(this.state), type: 'redeem', amt, redeemingAmt: amt, status: 'pending', requestTime: now, estCompletedTime: now + s.redeemDelayMs,
      });
    }
    return [];
  }

  private redeeming(s: SimStaking): string {
    return D.sum(s.history.filter((r) => r.type === 'redeem' && r.status === 'pending').map((r) => r.amt));
  }

  balance(s: SimStaking, now: number, withTs: boolean): T.StakingBalance[] {
    const amt = D.add(this.funding.balance(s.ccy), this.redeeming(s));
    if (D.isZero(amt) && D.isZero(s.totalInterest)) return [];
    return [{
      ccy: s.ccy, amt: D.roundDown(amt, 8), latestInterestAccrual: s.latestInterest, totalInterestAccrual: s.totalInterest,
      ...(withTs ? { ts: String(dayOf(now) * DAY) } : {}),
    }];
  }

  history(s: SimStaking, p: RawParams, eth: boolean): T.StakingHistoryRecord[] {
    const type = oneOf(p, 'type', ['purchase', 'redeem']);
    const status = oneOf(p, 'status', eth ? ['pending', 'success', 'failed', 'cancelled'] : ['pending', 'success', 'failed']);
    const records = s.history.filter((r) => (type === undefined || r.type === type) && (status === undefined || r.status === status));
    return page(records, (r) => String(r.requestTime), pageQuery(p)).map((r) => ({
      type: r.type, amt: r.amt, redeemingAmt: r.redeemingAmt, status: r.status,
      ...(eth ? { ordId: r.ordId } : {}),
      requestTime: String(r.requestTime), completedTime: msText(r.completedTime), estCompletedTime: msText(r.estCompletedTime),
    }));
  }

  apyHistory(product: 'eth' | 'sol', p: RawParams, now: number): T.RatePoint[] {
    const days = required(p, 'days');
    if (!/^\d+$/.test(days) || Number(days) < 1 || Number(days) > 365) badParam('days');
    const today = dayOf(now) * DAY;
    return Array.from({ length: Number(days) }, (_, i) => {
      const ts = today - i * DAY;
      return { rate: stakingApy(product, ts), ts: String(ts) };
    });
  }

  /** Settles what is due (purchases, redemptions) and pays each day's reward, up to `now`. */
  catchUp(now: number): void {
    for (const s of [this.state.eth, this.state.sol]) this.advance(s, now, s === this.state.eth ? 'eth' : 'sol');
  }

  private advance(s: SimStaking, now: number, product: 'eth' | 'sol'): void {
    for (const record of s.history) {
      if (record.status !== 'pending' || (record.estCompletedTime ?? 0) > now) continue;
      record.status = 'success';
      record.completedTime = record.estCompletedTime;
      record.redeemingAmt = '';
      // A purchase turns ETH/SOL into BETH/OKSOL; a redemption the other way round.
      this.funding.credit(record.type === 'purchase' ? s.ccy : s.base, record.amt);
    }
    for (let day = s.lastRewardDay + 1; day <= dayOf(now); day++) {
      const staked = D.add(this.funding.balance(s.ccy), this.redeeming(s));
      const reward = D.roundDown(D.div(D.mul(staked, stakingApy(product, day * DAY)), '365'), 8);
      this.funding.credit(s.ccy, reward);
      s.latestInterest = reward;
      s.totalInterest = D.add(s.totalInterest, reward);
      s.lastRewardDay = day;
    }
  }
}

/**
 * The simulator's OKUSD, as OKX documents it in 2026: USDT in, OKUSD out at 1:1 with no fee, credited to the
 * funding account at once; redemption fast (settled at once, with a fee and from an instant pool) or standard
 * (D+5 calendar days, D+6 when asked at or after 16:00 UTC+8, with a smaller fee); daily quotas for each, the
 * user's and the platform's, that run out (51765–51772); a clOrdId that returns the original order when sent
 * again; a daily yield paid in USDT at the day's APR.
 *
 * The simulator's choices where the page says nothing: quotas are per UTC day; the yield is paid at 00:00 UTC
 * on the OKUSD held then; a standard redemption settles exactly 5 (or 6) days after it was asked, at the same
 * time of day.
 */
import * as D from '../decimal';
import type * as T from '../okx/types';
import { DAY, dayOf, msText } from './clock';
import { okusdApr } from './market';
import { timeRange } from './paging';
import { oneOf, required, text, type RawParams } from './params';
import { badParam, fail } from './simError';
import { nextId, standardSettlement, type SimOkusd, type SimOkusdOrder, type SimOkusdQuota, type SimState } from './state';
import type { Funding } from './loans';

const CLIENT_ORDER_ID = /^[A-Za-z0-9_-]{1,32}$/;
/** Eight decimal places at most, no exponent: OKX's rule for OKUSD amounts. */
const OKUSD_AMOUNT = /^\d+(\.\d{1,8})?$/;
const SIX_MONTHS_MS = 183 * DAY;
/** The first APR snapshot the simulator has. */
export const OKUSD_LAUNCH = Date.UTC(2025, 5, 2);


export class OkusdDesk {
  constructor(
    private readonly state: SimState,
    private readonly funding: Funding,
  ) {}

  private get okusd(): SimOkusd {
    return this.state.okusd;
  }

  /** The quota as of `now`: what was used on an earlier day no longer counts. */
  private quota<Q extends SimOkusdQuota>(q: Q, now: number): Q {
    if (q.day !== dayOf(now)) {
      q.day = dayOf(now);
      q.personalUsed = '0';
      q.platformUsed = q.platformBaseline;
    }
    return q;
  }

  private left(q: SimOkusdQuota): { personal: string; platform: string } {
    return {
      personal: D.max('0', D.sub(q.personalDailyLimit, q.personalUsed)),
      platform: D.max('0', D.sub(q.platformDailyLimit, q.platformUsed)),
    };
  }

  private use(q: SimOkusdQuota, amt: string): void {
    q.personalUsed = D.add(q.personalUsed, amt);
    q.platformUsed = D.add(q.platformUsed, amt);
  }

  private quotaFields(q: SimOkusdQuota): T.OkusdQuota {
    return { personalDailyLimit: q.personalDailyLimit, personalUsedAmt: q.personalUsed, platformDailyLimit: q.platformDailyLimit, platformUsedAmt: q.platformUsed };
  }

  private open(): void {
    if (this.okusd.maintenance) fail('51774', 'OKUSD API is under maintenance');
  }

  private okusdAmount(p: RawParams): string {
    const amt = required(p, 'amt');
    if (!OKUSD_AMOUNT.test(amt)) badParam('amt');
    return amt;
  }

  /**
   * The clOrdId of a subscription or redemption. The same one again returns the order it made (nothing is
   * done twice); one used by the other kind of order is a duplicate (51016).
   */
  private previous(p: RawParams, kinds: readonly SimOkusdOrder['kind'][]): { clOrdId: string; order: SimOkusdOrder | undefined } {
    const clOrdId = required(p, 'clOrdId');
    if (!CLIENT_ORDER_ID.test(clOrdId)) badParam('clOrdId');
    const order = this.okusd.orders.find((o) => o.clOrdId === clOrdId);
    if (order !== undefined && !kinds.includes(order.kind)) fail('51016', 'Duplicated clOrdId');
    return { clOrdId, order };
  }

  // ------------------------------------------------------------------ endpoints

  limits(now: number): T.OkusdLimits[] {
    this.open();
    const sub = this.quota(this.okusd.sub, now);
    const fast = this.quota(this.okusd.fast, now);
    const std = this.quota(this.okusd.std, now);
    const subLeft = this.left(sub);
    return [{
      subLimit: { maxSubAmt: D.min(subLeft.personal, subLeft.platform), ...this.quotaFields(sub) },
      fastRedeemLimit: { ...this.quotaFields(fast), feeRate: fast.feeRate },
      stdRedeemLimit: { ...this.quotaFields(std), feeRate: std.feeRate },
      ts: String(now),
    }];
  }

  subscribe(p: RawParams, now: number): T.OkusdSubscribeAck[] {
    this.open();
    const amt = this.okusdAmount(p);
    const { clOrdId, order: earlier } = this.previous(p, ['subscribe']);
    if (earlier !== undefined) return [this.subscribeAck(earlier)];
    if (D.lt(amt, '1')) fail('51727', 'The minimum subscription amount is 1 USDT');
    const quota = this.quota(this.okusd.sub, now);
    const { personal, platform } = this.left(quota);
    if (D.gt(amt, personal)) fail('51765', `Exceed your remaining daily quota of ${personal} USDT`);
    if (D.gt(amt, platform)) fail('51766', 'Platform daily subscription limit reached');
    if (D.lt(this.funding.balance('USDT'), amt)) fail('51764', 'Insufficient balance');
    this.funding.debit('USDT', amt, '51764');
    this.funding.credit('OKUSD', amt);
    this.use(quota, amt);
    const order: SimOkusdOrder = { ordId: nextId(this.state), clOrdId, kind: 'subscribe', amt, fee: '0', net: amt, status: 'success', ts: now };
    this.okusd.orders.push(order);
    return [this.subscribeAck(order)];
  }

  private subscribeAck(o: SimOkusdOrder): T.OkusdSubscribeAck {
    return { ordId: o.ordId, clOrdId: o.clOrdId, ccy: 'USDT', amt: D.toFixedDown(o.amt, 8), okusdAmt: D.toFixedDown(o.net, 8), state: o.status, ts: String(o.ts) };
  }

  redeem(p: RawParams, now: number): T.OkusdRedeemAck[] {
    this.open();
    const amt = this.okusdAmount(p);
    const redeemType = oneOf(p, 'redeemType', ['1', '2'] as const) ?? badParam('redeemType');
    const { clOrdId, order: earlier } = this.previous(p, ['fast', 'standard']);
    if (earlier !== undefined) return [this.redeemAck(earlier)];
    if (D.lt(amt, '1')) badParam('amt');
    const fast = redeemType === '1';
    const quota = this.quota(fast ? this.okusd.fast : this.okusd.std, now);
    const { personal, platform } = this.left(quota);
    if (fast) {
      if (D.gt(amt, personal)) fail('51768', `Exceed your remaining fast redemption quota of ${personal} OKUSD`);
      if (D.gt(amt, platform)) fail('51769', 'Platform fast redemption limit reached');
      if (D.gt(amt, this.okusd.fastPool)) fail('51772', 'Instant redemption pool insufficient');
    } else {
      if (D.gt(amt, personal)) fail('51770', `Exceed your remaining standard redemption quota of ${personal} OKUSD`);
      if (D.gt(amt, platform)) fail('51771', 'Platform standard redemption limit reached');
    }
    if (D.lt(this.funding.balance('OKUSD'), amt)) fail('51764', 'Insufficient balance');
    this.funding.debit('OKUSD', amt, '51764');
    this.use(quota, amt);
    const fee = D.roundDown(D.mul(amt, quota.feeRate), 8);
    const net = D.roundDown(D.sub(amt, fee), 8);
    const order: SimOkusdOrder = {
      ordId: nextId(this.state), clOrdId, kind: fast ? 'fast' : 'standard', amt, fee, net, status: fast ? 'success' : 'pending', ts: now,
      ...(fast ? {} : { settleAt: standardSettlement(now) }),
    };
    if (fast) {
      this.okusd.fastPool = D.sub(this.okusd.fastPool, amt);
      this.funding.credit('USDT', net);
    }
    this.okusd.orders.push(order);
    return [this.redeemAck(order)];
  }

  private redeemAck(o: SimOkusdOrder): T.OkusdRedeemAck {
    return {
      ordId: o.ordId, clOrdId: o.clOrdId, ccy: 'OKUSD', amt: D.toFixedDown(o.amt, 8), fee: D.toFixedDown(o.fee, 8), usdtAmt: D.toFixedDown(o.net, 8),
      redeemType: o.kind === 'fast' ? '1' : '2',
      // The acknowledgement says "processing" where the history says "pending".
      state: o.status === 'pending' ? 'processing' : 'success',
      estSettlementTime: String(o.settleAt ?? o.ts), ts: String(o.ts),
    };
  }

  account(now: number): T.OkusdAccount[] {
    this.open();
    return [{ ccy: 'OKUSD', amt: D.toFixedDown(this.funding.balance('OKUSD'), 8), totalEarnAccrual: D.toFixedDown(this.okusd.totalEarnAccrual, 8), ts: String(now) }];
  }

  subscribeHistory(p: RawParams): T.OkusdSubscription[] {
    this.open();
    return timeRange(this.okusd.orders.filter((o) => o.kind === 'subscribe'), (o) => o.ts, this.rangeQuery(p), 100).map((o) => ({
      ordId: o.ordId, clOrdId: o.clOrdId, ccy: 'USDT', amt: D.toFixedDown(o.amt, 8), settleCcy: 'OKUSD', settleCcyAmt: D.toFixedDown(o.net, 8),
      status: o.status, ts: String(o.ts),
    }));
  }

  redeemHistory(p: RawParams): T.OkusdRedemption[] {
    this.open();
    const type = oneOf(p, 'type', ['fast', 'standard'] as const) ?? 'standard';
    return timeRange(this.okusd.orders.filter((o) => o.kind === type), (o) => o.ts, this.rangeQuery(p), 100).map((o) => ({
      ordId: o.ordId, clOrdId: o.clOrdId, ccy: 'OKUSD', amt: D.toFixedDown(o.amt, 8), fee: D.toFixedDown(o.fee, 8), settleCcy: 'USDT',
      settleCcyAmt: D.toFixedDown(o.net, 8), type: o.kind === 'fast' ? 'fast' : 'standard', status: o.status,
      estSettlementTime: msText(o.settleAt), ts: String(o.ts),
    }));
  }

  rewardsHistory(p: RawParams, now: number): T.OkusdReward[] {
    this.open();
    return timeRange(this.okusd.rewards, (r) => r.ts, this.rangeQuery(p, now), 30, SIX_MONTHS_MS).map((r) => ({
      ccy: 'USDT', earnAmt: r.earnAmt, amt: r.amt, apr: r.apr, ts: String(r.ts),
    }));
  }

  /** Daily APR snapshots at 00:00 UTC, from the simulator's launch day to today. */
  aprHistory(p: RawParams, now: number): T.OkusdAprPoint[] {
    this.open();
    const query = this.rangeQuery(p, now);
    const end = Math.min(Number(query.end ?? now), now);
    const begin = Math.max(query.begin === undefined ? OKUSD_LAUNCH : Number(query.begin), OKUSD_LAUNCH);
    const days: number[] = [];
    // Enough snapshots for one page, newest first (the page is cut by timeRange below).
    for (let day = dayOf(end); day * DAY >= begin && days.length < 100; day--) days.push(day * DAY);
    return timeRange(days, (ts) => ts, query, 30, SIX_MONTHS_MS).map((ts) => ({ apr: okusdApr(ts), ts: String(ts) }));
  }

  private rangeQuery(p: RawParams, now?: number): { limit?: string; begin?: string; end?: string } {
    const query: { limit?: string; begin?: string; end?: string } = {};
    for (const name of ['limit', 'begin', 'end'] as const) {
      const value = text(p, name);
      if (value !== undefined) query[name] = value;
    }
    // Rewards and APR: `end` defaults to now (and the six-month span is counted from it).
    if (now !== undefined && query.end === undefined && query.begin !== undefined) query.end = String(now);
    return query;
  }

  // ------------------------------------------------------------------ time

  /** Standard redemptions that are due pay out; each UTC midnight pays the day's yield on the OKUSD held. */
  catchUp(now: number): void {
    const okusd = this.okusd;
    for (const order of okusd.orders) {
      if (order.status !== 'pending' || (order.settleAt ?? Number.POSITIVE_INFINITY) > now) continue;
      order.status = 'success';
      this.funding.credit('USDT', order.net);
    }
    for (let day = Math.max(okusd.lastRewardDay + 1, dayOf(now) - 30); day <= dayOf(now); day++) {
      const held = this.funding.balance('OKUSD');
      const apr = okusdApr((day - 1) * DAY);
      const earnAmt = D.roundDown(D.div(D.mul(held, apr), '365'), 8);
      okusd.lastRewardDay = day;
      if (!D.isPositive(earnAmt)) continue;
      this.funding.credit('USDT', earnAmt);
      okusd.totalEarnAccrual = D.add(okusd.totalEarnAccrual, earnAmt);
      okusd.rewards.push({ earnAmt, amt: D.toFixedDown(held, 8), apr, ts: day * DAY });
    }
    okusd.rewards = okusd.rewards.filter((r) => r.ts >= now - SIX_MONTHS_MS);
  }
}

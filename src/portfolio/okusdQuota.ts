/**
 * OKUSD's rules for an amount, checked before anything is sent: at least 1, at most 8 decimal places, within
 * what is left today of the user's own daily quota and of OKX's platform-wide one (and which of the two binds),
 * and within what the user has (USDT in the funding account to subscribe, OKUSD held to redeem). Also what a
 * redemption costs (the fee and the USDT net, floored to 8 places as OKX does) and when a standard redemption
 * settles. Each refusal is a reason code with its figures; the command turns it into words. No `vscode` import.
 */
import * as D from '../decimal';
import type { OkusdLimits, OkusdQuota } from '../okx/types';

/** What is done with OKUSD: subscribe (USDT in), or a fast or standard redemption (OKUSD out). */
export type OkusdOperation = 'subscribe' | 'fast' | 'standard';

/** OKX's minimum for a subscription and a redemption, and the decimal places it accepts. */
export const OKUSD_MIN = '1';
export const OKUSD_DECIMALS = 8;

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The currency an amount of `op` is in: USDT subscribed, OKUSD redeemed. */
export function amountCcy(op: OkusdOperation): 'USDT' | 'OKUSD' {
  return op === 'subscribe' ? 'USDT' : 'OKUSD';
}

/** The daily quota of `op` in OKX's limits (with the fee rate, for a redemption). */
export function quotaOf(limits: OkusdLimits, op: OkusdOperation): OkusdQuota & { feeRate?: string } {
  return op === 'subscribe' ? limits.subLimit : op === 'fast' ? limits.fastRedeemLimit : limits.stdRedeemLimit;
}

/** What is left today of a quota: the user's own, OKX's platform-wide, the lesser of the two and which that is. */
export interface QuotaLeft {
  readonly personal: string;
  readonly platform: string;
  readonly left: string;
  /** Which quota is the smaller ('personal' when they are equal: the user's own is the one to name). */
  readonly binds: 'personal' | 'platform';
}

/** What is left of `q` (never below zero), or undefined when OKX's figures are not plain decimals. */
export function quotaLeft(q: OkusdQuota): QuotaLeft | undefined {
  const figures = [q.personalDailyLimit, q.personalUsedAmt, q.platformDailyLimit, q.platformUsedAmt];
  if (!figures.every((f) => typeof f === 'string' && D.isPlainDecimal(f))) return undefined;
  const personal = D.max('0', D.sub(q.personalDailyLimit, q.personalUsedAmt));
  const platform = D.max('0', D.sub(q.platformDailyLimit, q.platformUsedAmt));
  const binds = D.lte(personal, platform) ? 'personal' : 'platform';
  return { personal, platform, left: binds === 'personal' ? personal : platform, binds };
}

/** Why an amount cannot be sent. */
export type OkusdRefusal =
  /** Not a plain positive decimal (an exponent, a sign, separators, letters, zero). */
  | 'not-an-amount'
  /** More than 8 decimal places. */
  | 'too-many-decimals'
  /** Less than 1 (USDT or OKUSD). */
  | 'below-minimum'
  /** More than is left of the user's own daily quota. */
  | 'personal-quota'
  /** More than is left of OKX's platform-wide daily quota (the user's own would allow it). */
  | 'platform-quota'
  /** Subscribe: more USDT than the funding account has available. */
  | 'insufficient-usdt'
  /** Redeem: more OKUSD than is held. */
  | 'insufficient-okusd'
  /** OKX's limits could not be read as figures: nothing can be checked, so nothing is sent. */
  | 'limits-unreadable';

export type OkusdCheck =
  | {
      readonly ok: true;
      readonly amount: string;
      readonly quota: QuotaLeft;
      /** What is left today of the binding quota once this is done. */
      readonly leftAfter: string;
    }
  | {
      readonly ok: false;
      readonly reason: OkusdRefusal;
      /** The figure the refusal is about: the minimum, the decimals, what is left of the quota or available. */
      readonly limit: string;
      /** The quota, when it could be read. */
      readonly quota?: QuotaLeft;
    };

const refuse = (reason: OkusdRefusal, limit: string, quota?: QuotaLeft): OkusdCheck => ({ ok: false, reason, limit, ...(quota === undefined ? {} : { quota }) });

/**
 * Checks `input` for `op` against OKX's limits and what the user has (`available`: USDT in the funding account
 * to subscribe, OKUSD held to redeem; undefined when it is not known, then left to OKX). In this order: a plain
 * amount, its decimals, the minimum, the quota (the binding one named), then the balance.
 */
export function checkOkusdAmount(input: string, op: OkusdOperation, limits: OkusdLimits, available: string | undefined): OkusdCheck {
  const amount = input.trim();
  if (!D.isPlainDecimal(amount) || /^0\d/.test(amount) || D.isZero(amount)) return refuse('not-an-amount', '');
  if (D.decimalPlaces(amount) > OKUSD_DECIMALS) return refuse('too-many-decimals', String(OKUSD_DECIMALS));
  if (D.lt(amount, OKUSD_MIN)) return refuse('below-minimum', OKUSD_MIN);
  const quota = quotaLeft(quotaOf(limits, op));
  if (quota === undefined) return refuse('limits-unreadable', '');
  if (D.gt(amount, quota.left)) return refuse(quota.binds === 'personal' ? 'personal-quota' : 'platform-quota', quota.left, quota);
  if (available !== undefined && D.isPlainDecimal(available) && D.gt(amount, available)) {
    return refuse(op === 'subscribe' ? 'insufficient-usdt' : 'insufficient-okusd', available, quota);
  }
  return { ok: true, amount, quota, leftAfter: D.sub(quota.left, amount) };
}

/**
 * The most that can be sent for `op` now: the lesser of what is left of the quota and what is available,
 * floored to 8 places; with what bounds it. Undefined when the limits cannot be read.
 */
export function headroom(op: OkusdOperation, limits: OkusdLimits, available: string | undefined): { max: string; bound: 'personal' | 'platform' | 'balance'; quota: QuotaLeft } | undefined {
  const quota = quotaLeft(quotaOf(limits, op));
  if (quota === undefined) return undefined;
  const balance = available !== undefined && D.isPlainDecimal(available) ? available : undefined;
  const byBalance = balance !== undefined && D.lt(balance, quota.left);
  return { max: D.roundDown(byBalance ? balance : quota.left, OKUSD_DECIMALS), bound: byBalance ? 'balance' : quota.binds, quota };
}

/** A redemption's fee in USDT and the USDT that arrives: `amt × feeRate` and `amt − fee`, each floored to 8 places. */
export function redemptionCost(amt: string, feeRate: string): { fee: string; net: string } {
  const rate = D.isPlainDecimal(feeRate) ? feeRate : '0';
  const fee = D.roundDown(D.mul(amt, rate), OKUSD_DECIMALS);
  return { fee, net: D.roundDown(D.sub(amt, fee), OKUSD_DECIMALS) };
}

/**
 * When a standard redemption asked at `now` (OKX's time, Unix ms) settles: D+5 calendar days, or D+6 when asked
 * at or after 16:00 UTC+8, at the same time of day (as OKX's estimate and the simulator have it).
 */
export function standardSettlement(now: number): { days: 5 | 6; at: number; late: boolean } {
  const late = new Date(now + 8 * HOUR).getUTCHours() >= 16;
  const days = late ? 6 : 5;
  return { days, at: now + days * DAY, late };
}

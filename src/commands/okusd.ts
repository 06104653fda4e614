/**
 * OKUSD: subscribe (USDT from the funding account, OKUSD back 1:1 with no fee) and redeem (fast, settled at
 * once, or standard, settled D+5 or D+6; each with its fee and its own daily quotas). Every amount is checked
 * against today's quotas as it is typed, and again against the limits read anew just before the confirmation
 * (../portfolio/okusdQuota): at least 1, at most 8 decimal places, within the user's own quota and OKX's
 * platform-wide one (naming the one that binds), within the balance. One client order id per user action is
 * OKX's idempotency key and what an unknown outcome is looked up by: such a look-up is certain.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import type { OkxClient } from '../okx/client';
import type { OkusdLimits, OkusdRedeemAck, OkusdSubscribeAck } from '../okx/types';
import { fundingAvailable } from '../portfolio/funding';
import {
  OKUSD_DECIMALS, OKUSD_MIN, amountCcy, checkOkusdAmount, headroom, quotaLeft, quotaOf, redemptionCost, standardSettlement,
  type OkusdCheck, type OkusdOperation, type QuotaLeft,
} from '../portfolio/okusdQuota';
import { clientOrderId } from '../validation';
import { okusdStatusLabel } from '../views/moreEarnView';
import { feeRate as feeRateText, time, withCcy } from '../views/nodes';
import { oneAtATime } from './flowGuard';
import { registerLookups } from './lookups';
import { requireClient, runMoneyAction, serverNow, type FlowContext } from './moneyAction';
import type { Finding } from './outcome';
import { askAmount, pick } from './prompts';
import { findInHistory, type SendWindow } from './reconcile';
import { ui } from './ui';

const SHOW_MORE_EARN: vscode.Command = { command: 'okxEarn.moreEarn.focus', title: vscode.l10n.t('Show in More Earn') };

type Redemption = Exclude<OkusdOperation, 'subscribe'>;

/** What a flow checks an amount against: OKX's limits now, and what the user has (undefined: not known). */
interface Figures {
  readonly limits: OkusdLimits;
  readonly available: string | undefined;
}

async function readLimits(client: OkxClient): Promise<OkusdLimits> {
  const [limits] = await client.okusd.limits();
  if (limits === undefined) throw new Error(vscode.l10n.t("OKX did not say what is left of today's OKUSD quotas."));
  return limits;
}

/** The OKUSD held, as OKX's OKUSD account states it. */
async function okusdHeld(client: OkxClient): Promise<string> {
  const [account] = await client.okusd.account();
  return account !== undefined && D.isPlainDecimal(account.amt) ? account.amt : '0';
}

/** The limits and, to subscribe, the USDT in the funding account (left to OKX when it cannot be read); to redeem, the OKUSD held. */
async function readFigures(context: FlowContext, client: OkxClient, op: OkusdOperation): Promise<Figures> {
  const balance =
    op === 'subscribe'
      ? fundingAvailable(client, 'USDT').catch((error: unknown) => {
          context.log.debug(`No funding balance for USDT: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        })
      : okusdHeld(client);
  const [limits, available] = await Promise.all([readLimits(client), balance]);
  return { limits, available };
}

function quotaName(op: OkusdOperation): string {
  switch (op) {
    case 'subscribe': return vscode.l10n.t('subscription quota');
    case 'fast': return vscode.l10n.t('fast-redemption quota');
    case 'standard': return vscode.l10n.t('standard-redemption quota');
  }
}

/** Why an amount is refused, in words, with what to do instead. */
export function refusalText(check: Extract<OkusdCheck, { ok: false }>, op: OkusdOperation, limits: OkusdLimits): string {
  const ccy = amountCcy(op);
  const quota = check.quota;
  switch (check.reason) {
    case 'not-an-amount':
      return vscode.l10n.t('Enter an amount of {0}, like 100 or 12.5.', ccy);
    case 'too-many-decimals':
      return vscode.l10n.t('OKUSD takes amounts with at most {0} decimal places.', check.limit);
    case 'below-minimum':
      return vscode.l10n.t('The minimum is {0}.', withCcy(check.limit, ccy));
    case 'personal-quota': {
      const daily = withCcy(quotaOf(limits, op).personalDailyLimit, ccy);
      if (op === 'fast') {
        const standard = quotaLeft(limits.stdRedeemLimit);
        return vscode.l10n.t(
          'That is more than your own fast-redemption quota left today: {0} (of {1} a day). Redeem at most that fast, or use standard redemption ({2} left today).',
          withCcy(check.limit, ccy), daily, standard === undefined ? '?' : withCcy(standard.left, ccy),
        );
      }
      return op === 'subscribe'
        ? vscode.l10n.t('That is more than your own subscription quota left today: {0} (of {1} a day). Subscribe at most that, or the rest tomorrow.', withCcy(check.limit, ccy), daily)
        : vscode.l10n.t('That is more than your own standard-redemption quota left today: {0} (of {1} a day). Redeem at most that, or the rest tomorrow.', withCcy(check.limit, ccy), daily);
    }
    case 'platform-quota': {
      const yours = quota === undefined ? '?' : withCcy(quota.personal, ccy);
      switch (op) {
        case 'subscribe':
          return vscode.l10n.t("That is more than OKX's platform-wide subscription quota left today: {0} (your own quota would allow {1}). Subscribe at most that, or try tomorrow.", withCcy(check.limit, ccy), yours);
        case 'fast':
          return vscode.l10n.t("That is more than OKX's platform-wide fast-redemption quota left today: {0} (your own quota would allow {1}). Redeem at most that fast, or use standard redemption.", withCcy(check.limit, ccy), yours);
        case 'standard':
          return vscode.l10n.t("That is more than OKX's platform-wide standard-redemption quota left today: {0} (your own quota would allow {1}). Redeem at most that, or try tomorrow.", withCcy(check.limit, ccy), yours);
      }
      break;
    }
    case 'insufficient-usdt':
      return vscode.l10n.t('That is more than the {0} available in your funding account.', withCcy(check.limit, 'USDT'));
    case 'insufficient-okusd':
      return vscode.l10n.t('That is more than the {0} you hold.', withCcy(check.limit, 'OKUSD'));
    case 'limits-unreadable':
      return vscode.l10n.t("OKX's figures for today's OKUSD quotas could not be read, so the amount cannot be checked. Try again later.");
  }
  return '';
}

/** Why nothing at all can be sent for `op` now (the most that could be is below the minimum), or undefined. */
function nothingLeftText(op: OkusdOperation, figures: Figures): string | undefined {
  const room = headroom(op, figures.limits, figures.available);
  if (room === undefined) return vscode.l10n.t("OKX's figures for today's OKUSD quotas could not be read, so the amount cannot be checked. Try again later.");
  if (D.gte(room.max, OKUSD_MIN)) return undefined;
  const ccy = amountCcy(op);
  switch (room.bound) {
    case 'balance':
      return op === 'subscribe'
        ? vscode.l10n.t('You have {0} in your funding account; OKUSD takes at least {1}.', withCcy(figures.available ?? '0', 'USDT'), withCcy(OKUSD_MIN, 'USDT'))
        : vscode.l10n.t('You hold {0}; a redemption takes at least {1}.', withCcy(figures.available ?? '0', 'OKUSD'), withCcy(OKUSD_MIN, 'OKUSD'));
    case 'personal':
      return op === 'fast'
        ? vscode.l10n.t('Your own fast-redemption quota for today is used up ({0} left). Use standard redemption, or redeem fast tomorrow.', withCcy(room.quota.personal, ccy))
        : vscode.l10n.t('Your own {0} for today is used up ({1} left). Try again tomorrow.', quotaName(op), withCcy(room.quota.personal, ccy));
    case 'platform':
      return op === 'fast'
        ? vscode.l10n.t("OKX's platform-wide fast-redemption quota for today is used up ({0} left). Use standard redemption, or redeem fast tomorrow.", withCcy(room.quota.platform, ccy))
        : vscode.l10n.t("OKX's platform-wide {0} for today is used up ({1} left). Try again tomorrow.", quotaName(op), withCcy(room.quota.platform, ccy));
  }
}

/** What is left of the quota once `amt` is done: the lesser, and each of the two. */
function leftAfterText(quota: QuotaLeft, amt: string, ccy: string): string {
  const after = (left: string): string => withCcy(D.max('0', D.sub(left, amt)), ccy);
  return vscode.l10n.t("{0} today (yours: {1}; OKX's: {2})", after(quota.left), after(quota.personal), after(quota.platform));
}

/** What "max" is, by what bounds it: all that is held, or what is left of one of today's quotas. */
function maxMeaning(bound: 'personal' | 'platform' | 'balance'): string {
  switch (bound) {
    case 'balance': return vscode.l10n.t('all of it');
    case 'personal': return vscode.l10n.t("today's quota");
    case 'platform': return vscode.l10n.t("OKX's platform-wide quota left today");
  }
}

/** Asks for the amount of `op`, checked as it is typed against `figures` (read as the flow began). */
function askOkusdAmount(op: OkusdOperation, figures: Figures, title: string, prompt: string, preview: (amount: string) => string | undefined): Promise<string | undefined> {
  const ccy = amountCcy(op);
  const room = headroom(op, figures.limits, figures.available);
  return askAmount(title, prompt, { ccy, min: OKUSD_MIN, decimals: OKUSD_DECIMALS }, 'amount', {
    // Where the quota and what is held are the same, "max" is all of it.
    ...(room === undefined ? {} : { max: room.max, maxMeans: maxMeaning(figures.available !== undefined && D.isPlainDecimal(figures.available) && D.cmp(room.max, figures.available) === 0 ? 'balance' : room.bound) }),
    check: (amount) => {
      const checked = checkOkusdAmount(amount, op, figures.limits, figures.available);
      return checked.ok ? undefined : refusalText(checked, op, figures.limits);
    },
    preview,
  });
}

/**
 * The limits and the balance read again just before the confirmation, and the amount checked against them:
 * the check that counts (the quotas are shared with every sub-account and the whole platform). Says why and
 * returns undefined when it fails: nothing is sent then.
 */
async function recheck(context: FlowContext, client: OkxClient, op: OkusdOperation, amt: string, verb: string): Promise<{ check: Extract<OkusdCheck, { ok: true }>; figures: Figures } | undefined> {
  const figures = await readFigures(context, client, op);
  const check = checkOkusdAmount(amt, op, figures.limits, figures.available);
  if (!check.ok) {
    context.log.info(`OKUSD ${op} of ${amt} refused before sending: ${check.reason} (${check.limit})`);
    void ui.error(vscode.l10n.t('{0}: {1} Nothing was sent.', verb, refusalText(check, op, figures.limits)));
    return undefined;
  }
  return { check, figures };
}

// ------------------------------------------------------------------ look-ups by client order id

/** OKX keeps a client order id for good: resending the same one returns the original order, never a second. */
const FOREVER = Number.MAX_SAFE_INTEGER;

async function findSubscription(client: OkxClient, clOrdId: string, sent: SendWindow): Promise<Finding> {
  const match = await findInHistory(client.okusd.subscribeHistory({ limit: '100' }), { since: sent.since, timeOf: (r) => r.ts, byId: (r) => r.clOrdId === clOrdId });
  // Not there yet is not "not done": OKX may complete it late, and its history may lag.
  if (match === undefined) return { state: 'unknown', detail: vscode.l10n.t('OKX\'s OKUSD subscriptions show no client order id {0} yet.', clOrdId) };
  const r = match.record;
  return {
    state: r.status === 'failed' ? 'not-done' : 'done',
    detail: vscode.l10n.t('subscription {0} (client order id {1}): {2} → {3}, {4}.', r.ordId, clOrdId, withCcy(r.amt, r.ccy), withCcy(r.settleCcyAmt, r.settleCcy), okusdStatusLabel(r.status)),
  };
}

async function findRedemption(client: OkxClient, type: Redemption, clOrdId: string, sent: SendWindow): Promise<Finding> {
  const match = await findInHistory(client.okusd.redeemHistory({ type, limit: '100' }), { since: sent.since, timeOf: (r) => r.ts, byId: (r) => r.clOrdId === clOrdId });
  if (match === undefined) return { state: 'unknown', detail: vscode.l10n.t('OKX\'s OKUSD redemptions show no client order id {0} yet.', clOrdId) };
  const r = match.record;
  const settles = r.status === 'pending' && /^\d+$/.test(r.estSettlementTime) ? ` ${vscode.l10n.t('Expected in your funding account: {0}.', time(r.estSettlementTime))}` : '';
  return {
    state: r.status === 'failed' || r.status === 'canceled' ? 'not-done' : 'done',
    detail: vscode.l10n.t('redemption {0} (client order id {1}): {2} → {3} after a fee of {4}, {5}.', r.ordId, clOrdId, withCcy(r.amt, r.ccy), withCcy(r.settleCcyAmt, r.settleCcy), withCcy(r.fee, r.settleCcy), okusdStatusLabel(r.status)) + settles,
  };
}

registerLookups({
  'okusd.subscribe': (c, p, sent) => findSubscription(c, p.clOrdId ?? '', sent),
  'okusd.redeem': (c, p, sent) => findRedemption(c, p.type === 'standard' ? 'standard' : 'fast', p.clOrdId ?? '', sent),
});

/** An acknowledgement that names no order is not a "done"; one whose state is failed is a "not done". */
function ackFinding(ack: { ordId?: string; state?: string } | undefined, failed: readonly string[], what: string): Finding | undefined {
  if (ack === undefined || typeof ack.ordId !== 'string' || ack.ordId === '') return { state: 'unknown', detail: vscode.l10n.t('no order id') };
  if (ack.state !== undefined && failed.includes(ack.state)) {
    return { state: 'not-done', detail: vscode.l10n.t('OKX recorded the {0} {1} as {2}: nothing was exchanged.', what, ack.ordId, okusdStatusLabel(ack.state)) };
  }
  return undefined;
}

// ------------------------------------------------------------------ subscribe

async function subscribeFlow(context: FlowContext): Promise<boolean> {
  const client = requireClient(context);
  if (client === undefined) return false;
  const figures = await readFigures(context, client, 'subscribe');
  const nothing = nothingLeftText('subscribe', figures);
  if (nothing !== undefined) {
    void ui.warn(nothing);
    return false;
  }
  const quota = quotaLeft(figures.limits.subLimit);
  const left = quota === undefined ? '' : ` ${vscode.l10n.t('Your subscription quota left today: {0}{1}.', withCcy(quota.left, 'USDT'), quota.binds === 'platform' ? ` ${vscode.l10n.t("(OKX's platform-wide quota is the limit)")}` : '')}`;
  const amt = await askOkusdAmount(
    'subscribe',
    figures,
    vscode.l10n.t('Subscribe to OKUSD'),
    (figures.available === undefined
      ? vscode.l10n.t('Amount of USDT to exchange 1:1 for OKUSD, from your funding account; no fee.')
      : vscode.l10n.t('Amount of USDT to exchange 1:1 for OKUSD; you have {0} in your funding account; no fee.', withCcy(figures.available, 'USDT'))) + left,
    (amount) => vscode.l10n.t('You receive {0}.', withCcy(amount, 'OKUSD')),
  );
  if (amt === undefined) return false;
  const verb = vscode.l10n.t('Subscribe');
  const fresh = await recheck(context, client, 'subscribe', amt, verb);
  if (fresh === undefined) return false;
  const clOrdId = clientOrderId();
  return runMoneyAction<OkusdSubscribeAck[]>(context, {
    what: vscode.l10n.t('OKUSD subscription of {0}', withCcy(amt, 'USDT')),
    question: vscode.l10n.t('Subscribe {0} to OKUSD?', withCcy(amt, 'USDT')),
    verb,
    rows: [
      [vscode.l10n.t('Amount'), vscode.l10n.t('{0} from your funding account', withCcy(amt, 'USDT'))],
      [vscode.l10n.t('You receive'), vscode.l10n.t('{0} (1:1, no fee), in your funding account at once', withCcy(amt, 'OKUSD'))],
      [vscode.l10n.t('Subscription quota left after'), leftAfterText(fresh.check.quota, amt, 'USDT')],
    ],
    amount: { value: amt, ccy: 'USDT' },
    send: (c) => c.okusd.subscribe({ amt, clOrdId }),
    ack: ([ack]) => ackFinding(ack, ['failed'], vscode.l10n.t('OKUSD subscription')),
    done: ([ack]) => {
      if (ack?.state === 'pending') return vscode.l10n.t('OKX is processing the OKUSD subscription of {0} (order {1}).', withCcy(amt, 'USDT'), ack.ordId);
      return vscode.l10n.t('Subscribed {0}: {1} is in your funding account (order {2}).', withCcy(amt, 'USDT'), withCcy(ack?.okusdAmt ?? amt, 'OKUSD'), ack?.ordId ?? '');
    },
    lookup: { kind: 'okusd.subscribe', params: { clOrdId } },
    key: vscode.l10n.t('client order id {0}', clOrdId),
    sameKeyUntil: () => FOREVER,
    refresh: ['okusd'],
    histories: ['okusdSubscribe'],
    show: SHOW_MORE_EARN,
  });
}

// ------------------------------------------------------------------ redeem

function redemptionLabel(type: Redemption): string {
  return type === 'fast' ? vscode.l10n.t('Fast redemption') : vscode.l10n.t('Standard redemption');
}

/** When a standard redemption asked now settles, in words. */
function standardTiming(now: number): string {
  const { days, at, late } = standardSettlement(now);
  return late
    ? vscode.l10n.t('Settled in {0} days, as it is asked at or after 16:00 UTC+8: expected {1}.', days, time(String(at)))
    : vscode.l10n.t('Settled in {0} days (6 when asked from 16:00 UTC+8): expected {1}.', days, time(String(at)));
}

async function chooseRedemption(figures: Figures, now: number): Promise<Redemption | undefined> {
  const describe = (type: Redemption): vscode.QuickPickItem => {
    const q = quotaOf(figures.limits, type);
    const left = quotaLeft(q);
    const fee = q.feeRate !== undefined && D.isPlainDecimal(q.feeRate) ? feeRateText(q.feeRate) : '?';
    const binding = left?.binds === 'platform' ? ` ${vscode.l10n.t("(OKX's platform-wide quota is the limit)")}` : '';
    return {
      label: redemptionLabel(type),
      description: left === undefined
        ? vscode.l10n.t('fee {0}', fee)
        : D.lt(left.left, OKUSD_MIN)
          ? vscode.l10n.t('none left today · fee {0}', fee)
          : vscode.l10n.t('{0} left today{1} · fee {2}', withCcy(left.left, 'OKUSD'), binding, fee),
      detail: type === 'fast' ? vscode.l10n.t('Settled at once: the USDT is in your funding account right away.') : standardTiming(now),
    };
  };
  return pick(
    vscode.l10n.t('Redeem OKUSD: fast or standard?'),
    ['fast', 'standard'] as const,
    describe,
    '',
    'redeemType',
    (type, answer) => answer.trim().toLowerCase() === type || answer === redemptionLabel(type),
  );
}

async function redeemFlow(context: FlowContext): Promise<boolean> {
  const client = requireClient(context);
  if (client === undefined) return false;
  const figures = await readFigures(context, client, 'fast');
  const held = figures.available ?? '0';
  if (!D.isPositive(held)) {
    void ui.info(vscode.l10n.t('You hold no OKUSD.'));
    return false;
  }
  const type = await chooseRedemption(figures, serverNow(context));
  if (type === undefined) return false;
  const nothing = nothingLeftText(type, figures);
  if (nothing !== undefined) {
    void ui.warn(nothing);
    return false;
  }
  const feeRate = quotaOf(figures.limits, type).feeRate ?? '0';
  const quota = quotaLeft(quotaOf(figures.limits, type));
  const amt = await askOkusdAmount(
    type,
    figures,
    vscode.l10n.t('Redeem OKUSD: {0}', redemptionLabel(type)),
    vscode.l10n.t('Amount of OKUSD to redeem for USDT; you hold {0}. Fee {1}. {2} left today.', withCcy(held, 'OKUSD'), feeRateText(feeRate), quota === undefined ? '?' : withCcy(quota.left, 'OKUSD')),
    (amount) => {
      const { fee, net } = redemptionCost(amount, feeRate);
      return vscode.l10n.t('Fee {0}; you receive {1}.', withCcy(fee, 'USDT'), withCcy(net, 'USDT'));
    },
  );
  if (amt === undefined) return false;
  const verb = vscode.l10n.t('Redeem');
  const fresh = await recheck(context, client, type, amt, verb);
  if (fresh === undefined) return false;
  // The fee as OKX states it now (it may have changed since the pick), and when a standard redemption settles.
  const rate = quotaOf(fresh.figures.limits, type).feeRate ?? '0';
  const { fee, net } = redemptionCost(amt, rate);
  const settlement = standardSettlement(serverNow(context));
  const clOrdId = clientOrderId();
  const fast = type === 'fast';
  return runMoneyAction<OkusdRedeemAck[]>(context, {
    what: vscode.l10n.t('OKUSD {0} of {1}', fast ? vscode.l10n.t('fast redemption') : vscode.l10n.t('standard redemption'), withCcy(amt, 'OKUSD')),
    question: fast ? vscode.l10n.t('Redeem {0} now (fast)?', withCcy(amt, 'OKUSD')) : vscode.l10n.t('Redeem {0} (standard, {1} days)?', withCcy(amt, 'OKUSD'), settlement.days),
    verb,
    rows: [
      [vscode.l10n.t('Redemption'), redemptionLabel(type)],
      [vscode.l10n.t('Amount'), withCcy(amt, 'OKUSD')],
      [vscode.l10n.t('Fee'), vscode.l10n.t('{0} ({1})', withCcy(fee, 'USDT'), feeRateText(rate))],
      [vscode.l10n.t('You receive'), vscode.l10n.t('{0} in your funding account', withCcy(net, 'USDT'))],
      [vscode.l10n.t('Settlement'), fast ? vscode.l10n.t('at once') : vscode.l10n.t('expected {0} (D+{1})', time(String(settlement.at)), settlement.days)],
      [vscode.l10n.t('{0} quota left after', redemptionLabel(type)), leftAfterText(fresh.check.quota, amt, 'OKUSD')],
    ],
    amount: { value: amt, ccy: 'OKUSD' },
    send: (c) => c.okusd.redeem({ amt, redeemType: fast ? '1' : '2', clOrdId }),
    ack: ([ack]) => ackFinding(ack, ['failed', 'cancelled'], vscode.l10n.t('OKUSD redemption')),
    done: ([ack]) => {
      const usdt = withCcy(ack?.usdtAmt ?? net, 'USDT');
      const ordId = ack?.ordId ?? '';
      if (fast && ack?.state !== 'processing') return vscode.l10n.t('Redeemed {0}: {1} is in your funding account (fee {2}; order {3}).', withCcy(amt, 'OKUSD'), usdt, withCcy(ack?.fee ?? fee, 'USDT'), ordId);
      const at = ack !== undefined && /^\d+$/.test(ack.estSettlementTime) ? ack.estSettlementTime : String(settlement.at);
      return vscode.l10n.t('Redemption of {0} accepted: {1} arrives in your funding account around {2} (order {3}).', withCcy(amt, 'OKUSD'), usdt, time(at), ordId);
    },
    lookup: { kind: 'okusd.redeem', params: { clOrdId, type } },
    key: vscode.l10n.t('client order id {0}', clOrdId),
    sameKeyUntil: () => FOREVER,
    refresh: ['okusd'],
    histories: ['okusdRedeem'],
    show: SHOW_MORE_EARN,
  });
}

export const subscribe = oneAtATime('okusd.subscribe', subscribeFlow);
export const redeem = oneAtATime('okusd.redeem', redeemFlow);

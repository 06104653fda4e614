/** ETH and SOL staking: stake for BETH/OKSOL 1:1, redeem (fast up to a daily limit), cancel a pending ETH redemption. */
import * as vscode from 'vscode';
import * as D from '../decimal';
import type { OkxClient } from '../okx/client';
import type { StakingHistoryRecord, StakingProductFields } from '../okx/types';
import { fundingAvailable } from '../portfolio/funding';
import { percent, time, withCcy } from '../views/nodes';
import { stakingStatusLabel } from '../views/stakingView';
import { requireClient, runMoneyAction, type FlowContext } from './moneyAction';
import { oneAtATime } from './flowGuard';
import { registerLookups } from './lookups';
import type { Finding } from './outcome';
import { findInHistory, recentRecordIds, type SendWindow } from './reconcile';
import { areaData, askAmount, payloadOf, pick } from './prompts';
import { ui } from './ui';

type Product = 'eth' | 'sol';
const NAMES = { eth: { base: 'ETH', token: 'BETH' }, sol: { base: 'SOL', token: 'OKSOL' } } as const;
const SHOW_STAKING: vscode.Command = { command: 'okxEarn.staking.focus', title: vscode.l10n.t('Show in Staking') };

/** What the funding account has available of `ccy` (GET /api/v5/asset/balances), or undefined when it cannot be read. */
async function fundingBalance(context: FlowContext, client: OkxClient, ccy: string): Promise<string | undefined> {
  try {
    return await fundingAvailable(client, ccy);
  } catch (error) {
    context.log.debug(`No funding balance for ${ccy}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** OKX's ETH or SOL product info (minimum stake, redemption days), or undefined when it cannot be read. */
async function productInfo(client: OkxClient, product: Product): Promise<StakingProductFields | undefined> {
  try {
    return product === 'eth' ? (await client.eth.productInfo())[0] : await client.sol.productInfo();
  } catch {
    return undefined;
  }
}

/** The staking history's records of `type` dated in the window: their ids, to tell a new record from an earlier one. */
function recordIds(client: OkxClient, product: Product, type: 'purchase' | 'redeem'): Promise<string> {
  const history = product === 'eth' ? client.eth.history({ type }) : client.sol.history({ type });
  return recentRecordIds(history, Date.now() + client.clockOffsetMs, (r) => r.requestTime, (r) => r.ordId ?? '');
}

/**
 * Finds our request in the staking history: OKX keeps no id of ours for it (the request carries only the
 * amount), so a record of the same type and amount that was not there before it was sent is only probably ours.
 * Not there (yet) is unknown, never "not done": OKX may complete it late, and its history may lag.
 */
async function findRecord(client: OkxClient, product: Product, p: Readonly<Record<string, string>>, sent: SendWindow): Promise<Finding> {
  const type = p.type === 'redeem' ? 'redeem' : 'purchase';
  const amt = p.amt ?? '';
  const before = new Set((p.before ?? '').split(',').filter((id) => id !== ''));
  const history = product === 'eth' ? client.eth.history({ type }) : client.sol.history({ type });
  const match = await findInHistory(history, {
    since: sent.since,
    timeOf: (r) => r.requestTime,
    byAmount: (r) => r.type === type && !before.has(r.ordId ?? '') && D.isPlainDecimal(r.amt) && D.cmp(r.amt, amt) === 0,
  });
  if (match === undefined) {
    return { state: 'unknown', detail: vscode.l10n.t('no new {0} of {1} appears in the history yet.', type === 'purchase' ? vscode.l10n.t('purchase') : vscode.l10n.t('redemption'), amt) };
  }
  const { record, lookalikes } = match;
  const detail = vscode.l10n.t('recorded at {0}, {1}.', time(record.requestTime), stakingStatusLabel(record.status));
  return {
    state: record.status === 'failed' ? 'not-done' : 'done',
    certainty: 'probable',
    detail: lookalikes > 1 ? `${detail} ${vscode.l10n.t('{0} records of the same amount were made in that time.', lookalikes)}` : detail,
  };
}

registerLookups({
  'eth.history': (c, p, sent) => findRecord(c, 'eth', p, sent),
  'sol.history': (c, p, sent) => findRecord(c, 'sol', p, sent),
  'eth.cancelRedeem': async (c, p) => {
    const ordId = p.ordId ?? '';
    const found = await findInHistory(c.eth.history({ type: 'redeem' }), { since: Number(p.requestTime) || 0, timeOf: (r) => r.requestTime, byId: (r) => r.ordId === ordId });
    const now = found?.record;
    if (now === undefined) return { state: 'unknown', detail: vscode.l10n.t('redemption {0} is not in the history.', ordId) };
    if (now.status === 'cancelled') return { state: 'done', detail: vscode.l10n.t('redemption {0} is cancelled.', ordId) };
    // Completed: it can no longer be cancelled.
    if (now.status === 'success') return { state: 'not-done', detail: vscode.l10n.t('redemption {0} is {1}.', ordId, stakingStatusLabel(now.status)) };
    return { state: 'unknown', detail: vscode.l10n.t('redemption {0} is {1}.', ordId, stakingStatusLabel(now.status)) };
  },
});

/** A purchase or redemption, sent with what its look-up needs: the ids of the records there before it. */
function stakingSend(product: Product, type: 'purchase' | 'redeem', amt: string, params: Record<string, string>): (c: OkxClient) => Promise<unknown> {
  return async (c) => {
    try {
      params.before = await recordIds(c, product, type);
    } catch {
      params.before = '';
    }
    const api = product === 'eth' ? c.eth : c.sol;
    return type === 'purchase' ? api.purchase({ amt }) : api.redeem({ amt });
  };
}

async function stakeFlow(context: FlowContext, product: Product): Promise<boolean> {
  const client = requireClient(context);
  if (client === undefined) return false;
  const { base, token } = NAMES[product];
  const [available, info] = await Promise.all([fundingBalance(context, client, base), productInfo(client, product)]);
  // OKX's minimum stake (product-info's minAmt, since 2026), checked before anything is sent.
  const min = info?.minAmt !== undefined && D.isPlainDecimal(info.minAmt) && D.isPositive(info.minAmt) ? info.minAmt : undefined;
  const minimum = min === undefined ? '' : ` ${vscode.l10n.t('The minimum is {0}.', withCcy(min, base))}`;
  // Today's APY, as the Products view shows it (read with the portfolio, once, if it has not been yet).
  await context.portfolio.ensure('market');
  const market = context.portfolio.get('market');
  const apy = market.status === 'ready' ? (product === 'eth' ? market.data.ethApy : market.data.solApy)?.rate : undefined;
  const earns = apy === undefined || !D.isPlainDecimal(apy) ? '' : ` ${vscode.l10n.t('APY today: {0}.', percent(apy))}`;
  const amt = await askAmount(
    vscode.l10n.t('Stake {0} for {1}', base, token),
    (available === undefined
      ? vscode.l10n.t('Amount of {0} to stake from your funding account; you receive {1} 1:1.', base, token)
      : vscode.l10n.t('Amount of {0} to stake; you have {1} in your funding account and receive {2} 1:1.', base, withCcy(available, base), token)) + minimum + earns,
    { ccy: base, ...(min === undefined ? {} : { min }), ...(available === undefined ? {} : { available, availableWhere: vscode.l10n.t('in your funding account') }) },
  );
  if (amt === undefined) return false;
  const params: Record<string, string> = { type: 'purchase', amt };
  return runMoneyAction(context, {
    what: vscode.l10n.t('staking of {0}', withCcy(amt, base)),
    question: vscode.l10n.t('Stake {0} for {1}?', withCcy(amt, base), token),
    verb: vscode.l10n.t('Stake'),
    rows: [
      [vscode.l10n.t('Product'), product === 'eth' ? vscode.l10n.t('ETH staking') : vscode.l10n.t('SOL staking')],
      [vscode.l10n.t('Amount'), withCcy(amt, base)],
      [vscode.l10n.t('You receive'), withCcy(amt, token)],
    ],
    amount: { value: amt, ccy: base },
    send: stakingSend(product, 'purchase', amt, params),
    done: () => vscode.l10n.t('Staked {0}: {1} arrives 1:1 once the purchase settles.', withCcy(amt, base), token),
    lookup: { kind: `${product}.history`, params },
    refresh: [product],
    histories: [product],
    show: SHOW_STAKING,
  });
}

/** How long a standard redemption takes, from product-info's redemptDays (since 2026), when OKX says. */
function redemptionDays(info: StakingProductFields | undefined): string {
  const days = info?.redemptDays;
  return days !== undefined && /^\d+$/.test(days) ? ` ${vscode.l10n.t('A standard redemption takes {0} days.', days)}` : '';
}

/** What can be redeemed, and what fast redemption allows, for ETH or SOL staking. */
async function redeemable(context: FlowContext, product: Product): Promise<{ available: string; fast: string } | undefined> {
  if (product === 'eth') {
    const data = await areaData(context.portfolio, 'eth');
    if (data === undefined) return undefined;
    const pending = D.sum(data.pendingRedemptions.map((r) => r.amt));
    const limit = data.product?.fastRedemptionDailyLimit;
    return {
      available: D.max('0', D.sub(data.balance?.amt ?? '0', pending)),
      fast: (limit === undefined ? '' : vscode.l10n.t('Up to {0} a day (shared with sub-accounts) is redeemed at once; more waits for the network to unstake.', withCcy(limit, 'BETH'))) + redemptionDays(data.product),
    };
  }
  const data = await areaData(context.portfolio, 'sol');
  if (data === undefined) return undefined;
  return {
    available: data.balance?.amt ?? '0',
    fast: vscode.l10n.t('{0} can be redeemed at once today; more waits for the network to unstake.', withCcy(data.product.fastRedemptionAvail, 'OKSOL')) + redemptionDays(data.product),
  };
}

async function unstakeFlow(context: FlowContext, product: Product): Promise<boolean> {
  const found = await redeemable(context, product);
  if (found === undefined) return false;
  const { available, fast } = found;
  const { base, token } = NAMES[product];
  if (D.isZero(available)) {
    void ui.info(vscode.l10n.t('You have no {0} to redeem.', token));
    return false;
  }
  const amt = await askAmount(
    vscode.l10n.t('Redeem {0} for {1}', token, base),
    `${vscode.l10n.t('Amount of {0} to redeem; {1} available.', token, withCcy(available, token))} ${fast}`,
    { ccy: token, available, availableWhere: vscode.l10n.t('to redeem') },
  );
  if (amt === undefined) return false;
  const params: Record<string, string> = { type: 'redeem', amt };
  return runMoneyAction(context, {
    what: vscode.l10n.t('redemption of {0}', withCcy(amt, token)),
    question: vscode.l10n.t('Redeem {0} for {1}?', withCcy(amt, token), base),
    verb: vscode.l10n.t('Redeem'),
    rows: [
      [vscode.l10n.t('Amount'), withCcy(amt, token)],
      [vscode.l10n.t('You receive'), withCcy(amt, base)],
      [vscode.l10n.t('Fast redemption'), fast],
    ],
    amount: { value: amt, ccy: token },
    send: stakingSend(product, 'redeem', amt, params),
    done: () => vscode.l10n.t('Redemption of {0} requested.', withCcy(amt, token)),
    lookup: { kind: `${product}.history`, params },
    refresh: [product],
    histories: [product],
    show: SHOW_STAKING,
  });
}

async function cancelEthRedemptionFlow(context: FlowContext, arg?: unknown): Promise<boolean> {
  const data = await areaData(context.portfolio, 'eth');
  if (data === undefined) return false;
  const given = payloadOf(arg, 'ethRedemption')?.record;
  let record: StakingHistoryRecord | undefined = given === undefined ? undefined : data.pendingRedemptions.find((r) => r.ordId === given.ordId);
  if (given !== undefined && record === undefined) {
    void ui.warn(vscode.l10n.t('That redemption is no longer pending.'));
    return false;
  }
  if (record === undefined) {
    record = await pick(
      vscode.l10n.t('Cancel which ETH redemption?'),
      data.pendingRedemptions,
      (r) => ({ label: withCcy(r.amt, 'BETH'), description: vscode.l10n.t('requested {0}', time(r.requestTime)), detail: vscode.l10n.t('expected {0}', time(r.estCompletedTime)) }),
      vscode.l10n.t('No ETH redemption is pending.'),
    );
    if (record === undefined) return false;
  }
  const chosen = record;
  const ordId = chosen.ordId ?? '';
  return runMoneyAction(context, {
    what: vscode.l10n.t('cancellation of ETH redemption {0}', ordId),
    question: vscode.l10n.t('Cancel the redemption of {0}?', withCcy(chosen.amt, 'BETH')),
    verb: vscode.l10n.t('Cancel Redemption'),
    rows: [
      [vscode.l10n.t('Redemption'), ordId],
      [vscode.l10n.t('Amount'), withCcy(chosen.amt, 'BETH')],
      [vscode.l10n.t('Requested'), time(chosen.requestTime)],
      [vscode.l10n.t('Afterwards'), vscode.l10n.t('the BETH stays staked')],
    ],
    send: (c) => c.eth.cancelRedeem({ ordId }),
    done: () => vscode.l10n.t('Redemption {0} cancelled: the BETH stays staked.', ordId),
    ack: ([ack]) => (ack === undefined || ack.ordId !== ordId ? { state: 'unknown', detail: vscode.l10n.t('no order id') } : undefined),
    // The redemption itself, by its order id, paged back to when it was requested.
    lookup: { kind: 'eth.cancelRedeem', params: { ordId, requestTime: chosen.requestTime } },
    refresh: ['eth'],
    histories: ['eth'],
    show: SHOW_STAKING,
  });
}

const stakeEth = oneAtATime('eth.stake', stakeFlow);
const stakeSol = oneAtATime('sol.stake', stakeFlow);
const unstakeEth = oneAtATime('eth.redeem', unstakeFlow);
const unstakeSol = oneAtATime('sol.redeem', unstakeFlow);
export const stake = (context: FlowContext, product: Product): Promise<boolean> => (product === 'eth' ? stakeEth : stakeSol)(context, product);
export const unstake = (context: FlowContext, product: Product): Promise<boolean> => (product === 'eth' ? unstakeEth : unstakeSol)(context, product);
export const cancelEthRedemption = oneAtATime('eth.cancelRedeem', cancelEthRedemptionFlow);

/** On-chain earn: purchase an offer, redeem an order (early only where allowed), cancel a purchase or a redemption. */
import * as vscode from 'vscode';
import type { ActiveOrder, Offer } from '../okx/types';
import { orderTag } from '../validation';
import { amount, percent, time, withCcy } from '../views/nodes';
import { orderStateLabel, termLabel } from '../views/stakingView';
import { noRoomText, offerBuyableNow, redeemPeriodText } from '../views/productsView';
import { requireClient, runMoneyAction, serverNow, type FlowContext } from './moneyAction';
import { fundingAvailable } from '../portfolio/funding';
import { findInHistory } from './reconcile';
import { oneAtATime } from './flowGuard';
import { registerLookups } from './lookups';
import type { Finding } from './outcome';

const DAY = 86_400_000;
import { areaData, askAmount, payloadOf, pick } from './prompts';
import { ui } from './ui';

const SHOW_STAKING: vscode.Command = { command: 'okxEarn.staking.focus', title: vscode.l10n.t('Show in Staking') };

function describeOffer(offer: Offer): vscode.QuickPickItem {
  return {
    label: `${offer.ccy} · ${offer.protocol}`,
    description: `${vscode.l10n.t('APY {0}', percent(offer.apy))} · ${termLabel(offer.term)}`,
    detail: offer.investData.map((i) => vscode.l10n.t('{0} to {1}; you have {2}', withCcy(i.minAmt, i.ccy), withCcy(i.maxAmt, i.ccy), withCcy(i.bal, i.ccy))).join('; '),
  };
}

function describeOrder(order: ActiveOrder): vscode.QuickPickItem {
  return {
    label: `${order.ccy} · ${order.protocol}`,
    description: `${order.investData.map((i) => withCcy(i.amt, i.ccy)).join(' + ')} · ${orderStateLabel(order.state)}`,
    detail: vscode.l10n.t('Order {0}, purchased {1}', order.ordId, time(order.purchasedTime)),
  };
}

async function purchaseFlow(context: FlowContext, arg?: unknown): Promise<boolean> {
  const data = await areaData(context.portfolio, 'offers');
  if (data === undefined) return false;
  const given = payloadOf(arg, 'offer')?.offer;
  // The offer as it is now (state, limits, available balance), even when it comes from a tree item.
  let offer = given === undefined ? undefined : data.offers.find((o) => o.productId === given.productId);
  if (given !== undefined && offer === undefined) {
    void ui.warn(vscode.l10n.t('{0} · {1} is no longer offered.', given.ccy, given.protocol));
    return false;
  }
  if (offer === undefined) {
    offer = await pick(vscode.l10n.t('Purchase which on-chain earn product?'), data.offers.filter(offerBuyableNow), describeOffer, vscode.l10n.t('No on-chain earn product can be purchased right now.'));
    if (offer === undefined) return false;
  }
  if (offer.state !== 'purchasable') {
    void ui.warn(
      offer.state === 'sold_out'
        ? vscode.l10n.t('{0} · {1} is sold out.', offer.ccy, offer.protocol)
        : vscode.l10n.t('Purchases of {0} · {1} are suspended.', offer.ccy, offer.protocol),
    );
    return false;
  }
  // Purchasable by OKX's word, yet no amount fits ("2 DOT to 0 DOT"): say so rather than ask for one.
  if (!offerBuyableNow(offer)) {
    void ui.warn(`${offer.ccy} · ${offer.protocol}: ${noRoomText(offer)}`);
    return false;
  }
  const client = requireClient(context);
  if (client === undefined) return false;
  const investData: { ccy: string; amt: string }[] = [];
  for (const [index, invest] of offer.investData.entries()) {
    // What the funding account holds now (GET /api/v5/asset/balances), which purchases are paid from.
    const available = await fundingAvailable(client, invest.ccy);
    const amt = await askAmount(
      vscode.l10n.t('Purchase {0} · {1}', offer.ccy, offer.protocol),
      `${vscode.l10n.t('Amount of {0} to invest: from {1} to {2}. You have {3} in your funding account.', invest.ccy, amount(invest.minAmt), amount(invest.maxAmt), withCcy(available, invest.ccy))} ${vscode.l10n.t('APY {0}', percent(offer.apy))} · ${termLabel(offer.term)}.`,
      { ccy: invest.ccy, min: invest.minAmt, max: invest.maxAmt, available, availableWhere: vscode.l10n.t('in your funding account') },
      'amount',
      offer.investData.length > 1 ? { step: { step: index + 1, total: offer.investData.length } } : {},
    );
    if (amt === undefined) return false;
    investData.push({ ccy: invest.ccy, amt });
  }
  const chosen = offer;
  const tag = orderTag();
  const amounts = investData.map((i) => withCcy(i.amt, i.ccy)).join(' + ');
  const fixed = chosen.term !== '0';
  return runMoneyAction(context, {
    what: vscode.l10n.t('purchase of {0} in {1} · {2}', amounts, chosen.ccy, chosen.protocol),
    question: vscode.l10n.t('Purchase {0} of {1} · {2}?', amounts, chosen.ccy, chosen.protocol),
    verb: vscode.l10n.t('Purchase'),
    rows: [
      [vscode.l10n.t('Product'), `${chosen.ccy} · ${chosen.protocol} (${chosen.productId})`],
      [vscode.l10n.t('Amount'), amounts],
      [vscode.l10n.t('Term'), fixed ? vscode.l10n.t('{0} days, fixed', chosen.term) : vscode.l10n.t('Flexible')],
      [vscode.l10n.t('Estimated APY'), percent(chosen.apy)],
      [vscode.l10n.t('Redemption takes'), redeemPeriodText(chosen.redeemPeriod)],
      [vscode.l10n.t('Early redemption'), fixed ? (chosen.earlyRedeem ? vscode.l10n.t('allowed') : vscode.l10n.t('not allowed: the money stays in until the term ends')) : vscode.l10n.t('not applicable')],
    ],
    amount: investData.length === 1 && investData[0] !== undefined ? { value: investData[0].amt, ccy: investData[0].ccy } : undefined,
    send: (client) => client.onchain.purchase({ productId: chosen.productId, investData, ...(fixed ? { term: chosen.term } : {}), tag }),
    ack: ([ack]) => orderAck(ack),
    done: ([ack]) => vscode.l10n.t('Purchased {0} of {1} · {2}: order {3}.', amounts, chosen.ccy, chosen.protocol, ack?.ordId ?? ''),
    // Our tag is unique to this purchase.
    lookup: { kind: 'onchain.purchase', params: { productId: chosen.productId, tag } },
    key: vscode.l10n.t('order tag {0}', tag),
    refresh: ['onchain', 'offers'],
    histories: ['onchain'],
    show: SHOW_STAKING,
  });
}

/** OKX's acknowledgement names the order; one that names none is not a "done". */
function orderAck(ack: { ordId?: string } | undefined): Finding | undefined {
  return ack === undefined || typeof ack.ordId !== 'string' || ack.ordId === '' ? { state: 'unknown', detail: vscode.l10n.t('no order id') } : undefined;
}

registerLookups({
  'onchain.purchase': async (client, p, sent) => {
    const { productId = '', tag = '' } = p;
    const found =
      (await client.onchain.activeOrders({ productId })).find((o) => o.tag === tag) ??
      (await findInHistory(client.onchain.orderHistory({ productId }), { since: sent.since, timeOf: (o) => o.purchasedTime, byId: (o) => o.tag === tag }))?.record;
    return found === undefined
      ? { state: 'unknown', detail: vscode.l10n.t("OKX's on-chain orders show none with tag {0} yet.", tag) }
      : { state: 'done', detail: vscode.l10n.t('order {0} ({1}).', found.ordId, orderStateLabel(found.state)) };
  },
  'onchain.redeem': async (client, p) => {
    const ordId = p.ordId ?? '';
    const now = (await client.onchain.activeOrders()).find((o) => o.ordId === ordId);
    if (now?.state === '2') return { state: 'done', detail: vscode.l10n.t('order {0} is redeeming.', ordId) };
    if (now === undefined) return { state: 'done', detail: vscode.l10n.t('order {0} is already redeemed.', ordId) };
    return { state: 'unknown', detail: vscode.l10n.t('order {0} is still {1}.', ordId, orderStateLabel(now.state)) };
  },
  'onchain.cancel': async (client, p) => {
    const ordId = p.ordId ?? '';
    const now = (await client.onchain.activeOrders()).find((o) => o.ordId === ordId);
    const cancelled = p.of === 'purchase' ? now === undefined || now.state === '13' : now?.state === '1';
    return cancelled
      ? { state: 'done', detail: vscode.l10n.t('order {0} is cancelled.', ordId) }
      : { state: 'unknown', detail: vscode.l10n.t('order {0} is still {1}.', ordId, now === undefined ? '' : orderStateLabel(now.state)) };
  },
});

/** The order as it is now: the tree item's, looked up again, or one picked from the current orders. */
async function pickOrder(context: FlowContext, arg: unknown, title: string, states: readonly string[], empty: string): Promise<ActiveOrder | undefined> {
  const data = await areaData(context.portfolio, 'onchain');
  if (data === undefined) return undefined;
  const given = payloadOf(arg, 'order')?.order;
  if (given !== undefined) {
    const current = data.orders.find((o) => o.ordId === given.ordId);
    if (current === undefined) void ui.warn(vscode.l10n.t('Order {0} is no longer active.', given.ordId));
    return current;
  }
  return pick(title, data.orders.filter((o) => states.includes(o.state)), describeOrder, empty);
}

async function redeemFlow(context: FlowContext, arg?: unknown): Promise<boolean> {
  const order = await pickOrder(context, arg, vscode.l10n.t('Redeem which order?'), ['1'], vscode.l10n.t('No order is earning, so there is nothing to redeem.'));
  if (order === undefined) return false;
  if (order.state !== '1') {
    void ui.warn(vscode.l10n.t('Only an earning order can be redeemed; this one is {0}.', orderStateLabel(order.state)));
    return false;
  }
  const offers = await areaData(context.portfolio, 'offers');
  const offer = offers?.offers.find((o) => o.productId === order.productId);
  const maturity = Number(order.purchasedTime) + Number(order.term) * DAY;
  const early = order.term !== '0' && serverNow(context) < maturity;
  if (early) {
    if (offer?.earlyRedeem !== true) {
      void ui.warn(
        vscode.l10n.t('This {0}-day product cannot be redeemed before its term ends on {1}: OKX does not allow early redemption for it.', order.term, time(String(maturity))),
      );
      return false;
    }
    const yes = vscode.l10n.t('Redeem Early');
    const choice = await ui.warn(
      vscode.l10n.t('The term of this order ends on {0}. Redeem it early?', time(String(maturity))),
      { modal: true, detail: vscode.l10n.t('This product allows early redemption; earnings may be lower than if held to the end.') },
      yes,
    );
    if (choice !== yes) return false;
  }
  const invested = order.investData.map((i) => withCcy(i.amt, i.ccy)).join(' + ');
  return runMoneyAction(context, {
    what: vscode.l10n.t('redemption of order {0}', order.ordId),
    question: vscode.l10n.t('Redeem {0} from {1} · {2}?', invested, order.ccy, order.protocol),
    verb: vscode.l10n.t('Redeem'),
    rows: [
      [vscode.l10n.t('Order'), order.ordId],
      [vscode.l10n.t('Invested'), invested],
      [vscode.l10n.t('Earnings so far'), order.earningData.map((e) => withCcy(e.earnings, e.ccy)).join(', ')],
      [vscode.l10n.t('Early redemption'), early ? vscode.l10n.t('yes') : vscode.l10n.t('no')],
      [vscode.l10n.t('Redemption takes'), offer === undefined ? '' : redeemPeriodText(offer.redeemPeriod)],
    ],
    send: (client) => client.onchain.redeem({ ordId: order.ordId, protocolType: 'defi', ...(early ? { allowEarlyRedeem: true } : {}) }),
    ack: ([ack]) => orderAck(ack),
    done: () => vscode.l10n.t('Redemption of order {0} requested.', order.ordId),
    // The very order's state, by its id.
    lookup: { kind: 'onchain.redeem', params: { ordId: order.ordId } },
    refresh: ['onchain'],
    histories: ['onchain'],
    show: SHOW_STAKING,
  });
}

async function cancelFlow(context: FlowContext, arg?: unknown): Promise<boolean> {
  const order = await pickOrder(context, arg, vscode.l10n.t('Cancel which purchase or redemption?'), ['8', '2'], vscode.l10n.t('No purchase or redemption is waiting to be cancelled.'));
  if (order === undefined) return false;
  const purchase = order.state === '8';
  if (!purchase && order.state !== '2') {
    void ui.warn(vscode.l10n.t('Only a pending purchase or a redemption can be cancelled; this order is {0}.', orderStateLabel(order.state)));
    return false;
  }
  if (!purchase && order.fastRedemptionData.length > 0) {
    void ui.warn(vscode.l10n.t('This redemption is already being paid out (fast redemption) and can no longer be cancelled.'));
    return false;
  }
  if (!purchase && order.cancelRedemptionDeadline !== '' && serverNow(context) > Number(order.cancelRedemptionDeadline)) {
    void ui.warn(vscode.l10n.t('This redemption could be cancelled until {0}; that time has passed.', time(order.cancelRedemptionDeadline)));
    return false;
  }
  const invested = order.investData.map((i) => withCcy(i.amt, i.ccy)).join(' + ');
  return runMoneyAction(context, {
    what: vscode.l10n.t('cancellation of order {0}', order.ordId),
    question: purchase
      ? vscode.l10n.t('Cancel the purchase of {0} in {1} · {2}?', invested, order.ccy, order.protocol)
      : vscode.l10n.t('Cancel the redemption of {0} from {1} · {2}?', invested, order.ccy, order.protocol),
    verb: purchase ? vscode.l10n.t('Cancel Purchase') : vscode.l10n.t('Cancel Redemption'),
    rows: [
      [vscode.l10n.t('Order'), order.ordId],
      [vscode.l10n.t('Amount'), invested],
      [vscode.l10n.t('Afterwards'), purchase ? vscode.l10n.t('the money returns to your funding account') : vscode.l10n.t('the order keeps earning')],
    ],
    send: (client) => client.onchain.cancel({ ordId: order.ordId, protocolType: 'defi' }),
    done: () => (purchase ? vscode.l10n.t('Purchase {0} cancelled: the money returns to your funding account.', order.ordId) : vscode.l10n.t('Redemption of order {0} cancelled: it keeps earning.', order.ordId)),
    ack: ([ack]) => orderAck(ack),
    lookup: { kind: 'onchain.cancel', params: { ordId: order.ordId, of: purchase ? 'purchase' : 'redemption' } },
    refresh: ['onchain', 'offers'],
    histories: ['onchain'],
    show: SHOW_STAKING,
  });
}

export const purchase = oneAtATime('onchain.purchase', purchaseFlow);
export const redeem = oneAtATime('onchain.redeem', redeemFlow);
export const cancel = oneAtATime('onchain.cancel', cancelFlow);

/** Simple Earn savings: subscribe (optionally with a minimum lending rate), redeem, set the lending rate. */
import * as vscode from 'vscode';
import * as D from '../decimal';
import type { OkxClient } from '../okx/client';
import type { SavingsBalance } from '../okx/types';
import { fundingAvailable } from '../portfolio/funding';
import { percent, withCcy } from '../views/nodes';
import { oneAtATime } from './flowGuard';
import { registerLookups } from './lookups';
import { requireClient, runMoneyAction, type FlowContext } from './moneyAction';
import type { Finding } from './outcome';
import { areaData, askAmount, askRatePercent, payloadOf, pick } from './prompts';
import { lendingRateOf, lentOutRow, marketRateLine, subscribedText } from './savingsText';
import { ui } from './ui';

const SHOW_SAVINGS: vscode.Command = { command: 'okxEarn.savings.focus', title: vscode.l10n.t('Show in Savings') };

async function chooseCurrency(context: FlowContext, arg: unknown, title: string, onlyHeld: boolean): Promise<string | undefined> {
  const given = payloadOf(arg, 'savings')?.ccy;
  if (given !== undefined) return given;
  const savings = await areaData(context.portfolio, 'savings');
  const held = savings?.balances.map((b) => b.ccy) ?? [];
  const market = onlyHeld ? undefined : await areaData(context.portfolio, 'market');
  const currencies = [...new Set([...held, ...(market?.lendingRates.map((r) => r.ccy) ?? [])])];
  return pick(
    title,
    currencies,
    (ccy) => {
      const balance = savings?.balances.find((b) => b.ccy === ccy);
      const lending = lendingRateOf(market, ccy);
      return {
        label: ccy,
        description: balance === undefined ? undefined : vscode.l10n.t('you have {0} in savings', withCcy(balance.amt, ccy)),
        detail: lending === undefined ? undefined : vscode.l10n.t('lending rate (what savers earn) {0} in the last hour', percent(lending)),
      };
    },
    onlyHeld ? vscode.l10n.t('You have no savings.') : vscode.l10n.t('No savings currency is available.'),
  );
}

async function balanceOf(client: OkxClient, ccy: string): Promise<SavingsBalance | undefined> {
  return (await client.savings.balance({ ccy })).find((b) => b.ccy === ccy);
}

/** The acknowledgement of a subscription or redemption states the currency and amount; one that does not is no "done". */
function savingsAck(ack: { ccy?: string; amt?: string } | undefined, ccy: string): Finding | undefined {
  return ack === undefined || ack.ccy !== ccy || typeof ack.amt !== 'string' || ack.amt === '' ? { state: 'unknown', detail: vscode.l10n.t('no currency and amount') } : undefined;
}

registerLookups({
  'savings.purchase': async (c, p) => {
    const { ccy = '', amt = '0', before = '0' } = p;
    const after = await balanceOf(c, ccy);
    const grew = after !== undefined && D.gte(D.sub(after.amt, before), amt);
    return grew
      ? { state: 'done', certainty: 'probable', detail: vscode.l10n.t('your {0} savings are now {1}.', ccy, withCcy(after.amt, ccy)) }
      : { state: 'unknown', detail: vscode.l10n.t('your {0} savings are still {1}.', ccy, withCcy(after?.amt ?? before, ccy)) };
  },
  'savings.redeem': async (c, p) => {
    const { ccy = '', amt = '0', before = '0', earnings = '0' } = p;
    const after = await balanceOf(c, ccy);
    // Interest may have been added meanwhile: compare without it.
    const withoutInterest = after === undefined ? '0' : D.sub(after.amt, D.max('0', D.sub(after.earnings, earnings)));
    return D.gte(D.sub(before, withoutInterest), amt)
      ? { state: 'done', certainty: 'probable', detail: vscode.l10n.t('your {0} savings are now {1}.', ccy, withCcy(after?.amt ?? '0', ccy)) }
      : { state: 'unknown', detail: vscode.l10n.t('your {0} savings are still {1}.', ccy, withCcy(after?.amt ?? before, ccy)) };
  },
  'savings.rate': async (c, p) => {
    const { ccy = '', rate = '' } = p;
    const after = await balanceOf(c, ccy);
    return after !== undefined && D.isPlainDecimal(after.rate) && D.cmp(after.rate, rate) === 0
      ? { state: 'done', detail: vscode.l10n.t('the rate of {0} is {1}.', ccy, percent(rate)) }
      : { state: 'unknown', detail: vscode.l10n.t('the rate of {0} is still {1}.', ccy, after === undefined ? '' : percent(after.rate)) };
  },
});

async function subscribeFlow(context: FlowContext, arg?: unknown): Promise<boolean> {
  const client = requireClient(context);
  if (client === undefined) return false;
  const ccy = await chooseCurrency(context, arg, vscode.l10n.t('Subscribe to savings in which currency?'), false);
  if (ccy === undefined) return false;
  let available: string | undefined;
  try {
    available = await fundingAvailable(client, ccy);
  } catch {
    available = undefined;
  }
  // The rates as the currency was chosen (that read is seconds old), or read now when it was chosen in a view.
  const known = context.portfolio.get('market');
  const marketData = known.status === 'ready' ? known.data : await areaData(context.portfolio, 'market');
  const market = marketRateLine(marketData, ccy);
  const withMarket = (text: string): string => (market === undefined ? text : `${text} ${market}`);
  const amt = await askAmount(
    vscode.l10n.t('Subscribe to {0} savings', ccy),
    withMarket(available === undefined ? vscode.l10n.t('Amount of {0} to lend from your funding account.', ccy) : vscode.l10n.t('Amount of {0} to lend; you have {1} in your funding account.', ccy, withCcy(available, ccy))),
    { ccy, ...(available === undefined ? {} : { available, availableWhere: vscode.l10n.t('in your funding account') }) },
    'amount',
    { step: { step: 1, total: 2 } },
  );
  if (amt === undefined) return false;
  const before = (await areaData(context.portfolio, 'savings'))?.balances.find((b) => b.ccy === ccy);
  const rate = await askRatePercent(
    vscode.l10n.t('Minimum lending rate for {0}', ccy),
    withMarket(
      before === undefined
        ? vscode.l10n.t('Your minimum lending rate a year, in percent (1 to 365): your money is lent only while the lending rate is at or above it. Leave empty for 1%.')
        : vscode.l10n.t('Your minimum lending rate a year, in percent (1 to 365). Leave empty to keep {0}.', percent(before.rate)),
    ),
    true,
    'rate',
    { step: 2, total: 2 },
  );
  if (rate === undefined) return false;
  const beforeAmt = before?.amt ?? '0';
  const minimum = rate !== '' ? rate : (before?.rate ?? '0.01');
  const lending = lendingRateOf(marketData, ccy);
  return runMoneyAction(context, {
    what: vscode.l10n.t('savings subscription of {0}', withCcy(amt, ccy)),
    question: vscode.l10n.t('Lend {0} in Simple Earn?', withCcy(amt, ccy)),
    verb: vscode.l10n.t('Subscribe'),
    rows: [
      [vscode.l10n.t('Currency'), ccy],
      [vscode.l10n.t('Amount'), withCcy(amt, ccy)],
      [vscode.l10n.t('Minimum lending rate'), rate === '' ? (before === undefined ? vscode.l10n.t('1% (OKX default)') : vscode.l10n.t('{0} (unchanged)', percent(before.rate))) : percent(rate)],
      [vscode.l10n.t('Lent out'), lentOutRow(minimum, lending)],
    ],
    amount: { value: amt, ccy },
    send: (c) => c.savings.purchaseRedempt({ ccy, amt, side: 'purchase', ...(rate === '' ? {} : { rate }) }),
    done: () => subscribedText(withCcy(amt, ccy), minimum, lending),
    ack: ([ack]) => savingsAck(ack, ccy),
    // OKX keeps no id of a subscription: the balance tells only probably (interest or another change may mix in).
    lookup: { kind: 'savings.purchase', params: { ccy, amt, before: beforeAmt } },
    refresh: ['savings'],
    histories: ['savings'],
    show: SHOW_SAVINGS,
  });
}

async function redeemFlow(context: FlowContext, arg?: unknown): Promise<boolean> {
  const ccy = await chooseCurrency(context, arg, vscode.l10n.t('Redeem savings in which currency?'), true);
  if (ccy === undefined) return false;
  const before = (await areaData(context.portfolio, 'savings'))?.balances.find((b) => b.ccy === ccy);
  if (before === undefined || !D.isPositive(before.amt)) {
    void ui.info(vscode.l10n.t('You have no {0} in savings.', ccy));
    return false;
  }
  const amt = await askAmount(
    vscode.l10n.t('Redeem {0} savings', ccy),
    vscode.l10n.t('Amount of {0} to take back to your funding account; you have {1} in savings.', ccy, withCcy(before.amt, ccy)),
    // All of it is the exact amount OKX states: "max" redeems every last unit.
    { ccy, available: before.amt, availableWhere: vscode.l10n.t('in savings'), whole: before.amt },
  );
  if (amt === undefined) return false;
  return runMoneyAction(context, {
    what: vscode.l10n.t('savings redemption of {0}', withCcy(amt, ccy)),
    question: vscode.l10n.t('Redeem {0} from Simple Earn?', withCcy(amt, ccy)),
    verb: vscode.l10n.t('Redeem'),
    rows: [
      [vscode.l10n.t('Currency'), ccy],
      [vscode.l10n.t('Amount'), withCcy(amt, ccy)],
      [vscode.l10n.t('In savings now'), withCcy(before.amt, ccy)],
      [vscode.l10n.t('Goes to'), vscode.l10n.t('your funding account')],
    ],
    amount: { value: amt, ccy },
    send: (c) => c.savings.purchaseRedempt({ ccy, amt, side: 'redempt' }),
    done: () => vscode.l10n.t('{0} redeemed to your funding account.', withCcy(amt, ccy)),
    ack: ([ack]) => savingsAck(ack, ccy),
    lookup: { kind: 'savings.redeem', params: { ccy, amt, before: before.amt, earnings: before.earnings } },
    refresh: ['savings'],
    histories: ['savings'],
    show: SHOW_SAVINGS,
  });
}

async function setLendingRateFlow(context: FlowContext, arg?: unknown): Promise<boolean> {
  const ccy = await chooseCurrency(context, arg, vscode.l10n.t('Set the lending rate of which currency?'), false);
  if (ccy === undefined) return false;
  const before = (await areaData(context.portfolio, 'savings'))?.balances.find((b) => b.ccy === ccy);
  const market = marketRateLine(await areaData(context.portfolio, 'market'), ccy);
  const prompt =
    before === undefined
      ? vscode.l10n.t('Your minimum lending rate a year, in percent (1 to 365).')
      : vscode.l10n.t('Your minimum lending rate a year, in percent (1 to 365); now {0}.', percent(before.rate));
  const rate = await askRatePercent(vscode.l10n.t('Minimum lending rate for {0}', ccy), market === undefined ? prompt : `${prompt} ${market}`, false);
  if (rate === undefined || rate === '') return false;
  return runMoneyAction(context, {
    what: vscode.l10n.t('lending rate {0} for {1}', percent(rate), ccy),
    question: vscode.l10n.t('Set the minimum lending rate of {0} to {1}?', ccy, percent(rate)),
    verb: vscode.l10n.t('Set Rate'),
    rows: [
      [vscode.l10n.t('Currency'), ccy],
      [vscode.l10n.t('New minimum rate'), percent(rate)],
      [vscode.l10n.t('Sent as'), rate],
      [vscode.l10n.t('Now'), before === undefined ? '' : percent(before.rate)],
    ],
    send: (c) => c.savings.setLendingRate({ ccy, rate }),
    done: () => vscode.l10n.t('The minimum lending rate of {0} is now {1}.', ccy, percent(rate)),
    ack: ([ack]) => (ack === undefined || ack.ccy !== ccy ? { state: 'unknown', detail: vscode.l10n.t('no currency and rate') } : undefined),
    // The rate is what was asked for, or not yet.
    lookup: { kind: 'savings.rate', params: { ccy, rate } },
    // Setting the same rate twice changes nothing: it can always be sent again.
    sameKeyUntil: () => Number.MAX_SAFE_INTEGER,
    refresh: ['savings'],
    show: SHOW_SAVINGS,
  });
}

export const subscribe = oneAtATime('savings.subscribe', subscribeFlow);
export const redeem = oneAtATime('savings.redeem', redeemFlow);
export const setLendingRate = oneAtATime('savings.setRate', setLendingRateFlow);

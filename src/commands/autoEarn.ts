/**
 * Auto-earn (自动赚币): turn it on or off for a currency of the trading account (`POST
 * /api/v5/account/set-auto-earn`). Not a transfer, but it changes what OKX does with the user's money, so it
 * goes the way every money move goes (./moneyAction): the currency's state read anew, a confirmation in OKX
 * Earn's own dialog, sent once, and one of three outcomes. An unclear answer (a timeout, 50004, a 5xx) is settled
 * by the currency's `autoLendStatus` (on: pending or active; off: off), shown as pending until it does. Turning
 * on what is on changes nothing, so sending it again is safe. A currency OKX does not auto-earn is explained
 * before anything is sent, and so is OKX's refusal of one.
 */
import * as vscode from 'vscode';
import type { OkxClient } from '../okx/client';
import { OkxError } from '../okx/errors';
import type * as T from '../okx/types';
import { autoEarnRows, autoEarnState, earnTypeOf, isOn, type AutoEarnRow } from '../portfolio/autoEarn';
import { autoEarnLine, autoEarnStateText, autoEarnWhat, unsupportedText } from '../views/autoEarnLabels';
import { percent, withCcy } from '../views/nodes';
import { oneAtATime } from './flowGuard';
import { registerLookups } from './lookups';
import { requireClient, runMoneyAction, type FlowContext } from './moneyAction';
import type { Finding } from './outcome';
import { areaData, payloadOf, pick } from './prompts';
import { ui } from './ui';

const SHOW_SAVINGS: vscode.Command = { command: 'okxEarn.savings.focus', title: vscode.l10n.t('Show in Savings') };

type Action = T.AutoEarnAction;

/** The code OKX refuses a currency it does not auto-earn with (the page lists none; the simulator answers 51000). */
const REFUSED_CURRENCY_CODES: ReadonlySet<string> = new Set(['51000']);

async function statusOf(client: OkxClient, ccy: string): Promise<T.TradingBalanceDetail | undefined> {
  const [account] = await client.account.tradingBalance({ ccy });
  return account?.details.find((d) => d.ccy === ccy);
}

registerLookups({
  // Settled by the currency's state: on (pending or active) after turning on, off after turning off.
  'autoEarn.set': async (c, p) => {
    const { ccy = '', action = '' } = p;
    const detail = await statusOf(c, ccy);
    const state = detail === undefined ? 'off' : autoEarnState(detail.autoLendStatus);
    if (state === 'unsupported') return { state: 'not-done', detail: unsupportedText(ccy) };
    const wanted = action === 'turn_on' ? isOn(state) : state === 'off';
    const now = vscode.l10n.t('auto-earn for {0} is {1}.', ccy, autoEarnStateText(state, detail?.autoLendStatus ?? ''));
    return wanted ? { state: 'done', detail: now } : { state: 'unknown', detail: now };
  },
});

function typeText(ccy: string): string {
  return earnTypeOf(ccy) === '1' ? vscode.l10n.t('USDG earn (earnType 1)') : vscode.l10n.t('auto lend or auto staking (earnType 0)');
}

/** The acknowledgement names the currency and the action; one that does not is no "done". */
function ack(result: T.SetAutoEarnAck[], ccy: string, action: Action): Finding | undefined {
  const [first] = result;
  return first === undefined || first.ccy !== ccy || first.action !== action ? { state: 'unknown', detail: vscode.l10n.t('no currency and action') } : undefined;
}

/** Which currency: the row's, or one picked (by its code in a chat tool's run) among those the action applies to. */
async function chooseRow(context: FlowContext, arg: unknown, action: Action): Promise<AutoEarnRow | 'none' | undefined> {
  // The lending rate only adds a row to the confirmation: read if it is not there, never waited on if it fails.
  const [trading] = await Promise.all([areaData(context.portfolio, 'trading'), context.portfolio.ensure('market').catch(() => undefined)]);
  if (trading === undefined) return undefined;
  const market = context.portfolio.get('market');
  const rows = autoEarnRows(trading.details, 'data' in market ? market.data?.latestRates : undefined);
  const given = payloadOf(arg, 'autoEarn')?.ccy;
  if (given !== undefined) return rows.find((r) => r.ccy === given) ?? 'none';
  const candidates = rows.filter((r) => (action === 'turn_on' ? !isOn(r.state) : r.state !== 'off' && r.state !== 'unsupported'));
  const chosen = await pick(
    action === 'turn_on' ? vscode.l10n.t('Turn auto-earn on for which currency?') : vscode.l10n.t('Turn auto-earn off for which currency?'),
    candidates,
    (r) => ({ label: r.ccy, description: `${withCcy(r.cashBal, r.ccy)} · ${autoEarnStateText(r.state, r.status)}`, detail: r.state === 'unsupported' ? unsupportedText(r.ccy) : undefined }),
    action === 'turn_on' ? vscode.l10n.t('Auto-earn is on for every currency of your trading account, or it holds nothing.') : vscode.l10n.t('Auto-earn is off for every currency.'),
    'ccy',
    (r, answer) => r.ccy === answer.trim().toUpperCase(),
  );
  return chosen;
}

async function setFlow(context: FlowContext, arg: unknown, action: Action): Promise<boolean> {
  const client = requireClient(context);
  if (client === undefined) return false;
  const row = await chooseRow(context, arg, action);
  if (row === undefined) return false;
  if (row === 'none') {
    const ccy = payloadOf(arg, 'autoEarn')?.ccy ?? '';
    void ui.info(vscode.l10n.t('Your trading account holds no {0}: auto-earn lends what is there. Nothing was sent.', ccy));
    return false;
  }
  const { ccy } = row;
  if (row.state === 'unsupported') {
    void ui.error(`${unsupportedText(ccy)} ${vscode.l10n.t('Nothing was sent.')}`);
    return false;
  }
  if (action === 'turn_on' ? isOn(row.state) : row.state === 'off') {
    void ui.info(`${autoEarnLine(row)} ${vscode.l10n.t('Nothing was sent.')}`);
    return false;
  }
  const earnType = earnTypeOf(ccy);
  const on = action === 'turn_on';
  return runMoneyAction(context, {
    what: on ? vscode.l10n.t('turning auto-earn on for {0}', ccy) : vscode.l10n.t('turning auto-earn off for {0}', ccy),
    question: on ? vscode.l10n.t('Turn auto-earn on for {0}?', ccy) : vscode.l10n.t('Turn auto-earn off for {0}?', ccy),
    verb: on ? vscode.l10n.t('Turn On') : vscode.l10n.t('Turn Off'),
    lines: on
      ? [autoEarnWhat(), vscode.l10n.t('OKX then lends (or stakes) the {0} in your trading account once it is matched; nothing earns until then.', ccy)]
      : [vscode.l10n.t('OKX stops lending (or staking) your {0}: what is matched stops earning. The balance stays in your trading account.', ccy)],
    rows: [
      [vscode.l10n.t('Currency'), ccy],
      [vscode.l10n.t('Auto-earn type'), typeText(ccy)],
      [vscode.l10n.t('In the trading account'), withCcy(row.cashBal, ccy)],
      ...(on ? [] : [[vscode.l10n.t('Matched now'), withCcy(row.matched, ccy)] as const]),
      ...(row.rate === undefined ? [] : [[vscode.l10n.t('Savings lending rate, last hour'), percent(row.rate)] as const]),
      [vscode.l10n.t('Sent as'), `earnType ${earnType}, ccy ${ccy}, action ${action}`],
    ],
    send: async (c) => {
      try {
        return await c.account.setAutoEarn({ earnType, ccy, action });
      } catch (error) {
        // OKX refused the currency: said in words, with what to do instead (the outcome is "not done").
        if (error instanceof OkxError && error.baseCode !== undefined && REFUSED_CURRENCY_CODES.has(error.baseCode)) {
          throw new Error(vscode.l10n.t('OKX refused it (code {0}): {1}', error.code ?? '', unsupportedText(ccy)));
        }
        throw error;
      }
    },
    ack: (result) => ack(result, ccy, action),
    done: () => (on
      ? vscode.l10n.t('Auto-earn is on for {0}. It shows as waiting to be matched until OKX lends it, then as earning in the Savings view.', ccy)
      : vscode.l10n.t('Auto-earn is off for {0}. Its balance stays in your trading account.', ccy)),
    lookup: { kind: 'autoEarn.set', params: { ccy, action } },
    // The same switch twice changes nothing: it can always be sent again.
    sameKeyUntil: () => Number.MAX_SAFE_INTEGER,
    refresh: ['trading'],
    show: SHOW_SAVINGS,
  });
}

export const turnOn = oneAtATime('autoEarn.turnOn', (context: FlowContext, arg?: unknown) => setFlow(context, arg, 'turn_on'));
export const turnOff = oneAtATime('autoEarn.turnOff', (context: FlowContext, arg?: unknown) => setFlow(context, arg, 'turn_off'));

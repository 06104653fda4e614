/**
 * The chat's read tools across products: the portfolio in words, the positions (of one product or all), the offers
 * by APY, a rate history (staking APY, savings lending rate, OKUSD APR, Stable Rewards APY) and the records of a
 * history. Read-only; each product's own tools are beside this file.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import type { Pager } from '../okx/pager';
import type * as T from '../okx/types';
import { portfolioAnswer } from './portfolioAnswer';
import { PATTERNS, need, str } from './toolInput';
import * as text from './toolText';
import { dualOutcomeLines } from '../views/dualLabels';
import type { ToolDefinition, ToolHelpers } from './toolDefinition';

export function readTools(helpers: ToolHelpers): ToolDefinition[] {
  const l10n = vscode.l10n;
  return [
    {
      name: 'okxEarn_portfolio',
      kind: 'read',
      input: {},
      run: () => portfolioAnswer(l10n, helpers.where(), helpers.portfolio()),
    },
    {
      name: 'okxEarn_positions',
      kind: 'read',
      input: { product: { type: 'string', enum: ['onchain', 'eth', 'sol', 'savings', 'loans', 'okusd', 'stable', 'dual'] } },
      run: async (input) => {
        const product = str(input, 'product');
        const want = (p: string): boolean => product === undefined || product === p;
        const data = await helpers.areas(...(['onchain', 'eth', 'sol', 'savings', 'loans', 'okusd', 'stable', 'dual'] as const).filter(want));
        return text.positionsText(l10n, helpers.where(), {
          ...(data.onchain === undefined ? {} : { onchain: data.onchain.orders }),
          ...(data.eth?.balance === undefined ? {} : { eth: data.eth.balance }),
          ...(data.sol?.balance === undefined ? {} : { sol: data.sol.balance }),
          ...(data.savings === undefined ? {} : { savings: data.savings.balances }),
          ...(data.loans === undefined ? {} : { loans: data.loans.loans }),
          ...(data.okusd === undefined ? {} : { okusd: { account: data.okusd.account, apr: data.okusd.apr?.apr } }),
          ...(data.stable === undefined ? {} : { stable: data.stable.holdings.map((h) => ({ ...h, apy: data.stable?.apy.get(h.ccy)?.rate })) }),
          ...(data.dual === undefined ? {} : { dual: data.dual.orders.map((order) => ({ order, outcomes: dualOutcomeLines(order) })) }),
        });
      },
    },
    {
      name: 'okxEarn_offers',
      kind: 'read',
      input: { ccy: { type: 'string', pattern: PATTERNS.ccy } },
      run: async (input) => {
        const ccy = str(input, 'ccy');
        const data = await helpers.areas('offers', 'market');
        const offers = (data.offers?.offers ?? []).filter((o) => ccy === undefined || o.ccy === ccy);
        const market = data.market;
        const savingsRates = (market?.latestRates ?? [])
          .filter((r) => (ccy === undefined || r.ccy === ccy) && typeof r.lendingRate === 'string' && D.isPlainDecimal(r.lendingRate))
          .map((r) => ({ ccy: r.ccy, lendingRate: r.lendingRate ?? '' }));
        const staking = {
          ...(ccy === undefined || ccy === 'ETH' ? { eth: market?.ethApy?.rate } : {}),
          ...(ccy === undefined || ccy === 'SOL' ? { sol: market?.solApy?.rate } : {}),
        };
        return text.offersText(l10n, helpers.where(), ccy, offers, staking, savingsRates);
      },
    },
    {
      name: 'okxEarn_rateHistory',
      kind: 'read',
      input: { product: { type: 'string', required: true, enum: ['eth', 'sol', 'savings', 'okusd', 'stable'] }, ccy: { type: 'string', pattern: PATTERNS.ccy }, days: { type: 'string', pattern: PATTERNS.days } },
      run: async (input) => {
        const client = helpers.client();
        const days = Number(str(input, 'days') ?? '30');
        const product = need(input, 'product');
        if (product === 'okusd') {
          const since = Date.now() + client.clockOffsetMs - days * 86_400_000;
          const { records } = await helpers.history(client.okusd.aprHistory({ limit: '100' }), since, days * 24, (r) => r.ts);
          return text.rateHistoryText(l10n, helpers.where(), l10n.t('OKUSD APR'), records.map((r) => ({ ts: r.ts, rate: r.apr })));
        }
        if (product === 'stable') {
          const ccy = str(input, 'ccy');
          if (ccy === undefined) return l10n.t('"ccy" is needed for the Stable Rewards APY (e.g. USDG).');
          const points = await client.stableRewards.apyHistory({ ccy, days: String(Math.min(days, 100)) });
          return text.rateHistoryText(l10n, helpers.where(), l10n.t('{0} Stable Rewards APY, daily', ccy), points);
        }
        if (product !== 'savings') {
          const points = await (product === 'eth' ? client.eth.apyHistory({ days: String(days) }) : client.sol.apyHistory({ days: String(days) }));
          return text.rateHistoryText(l10n, helpers.where(), l10n.t('{0} staking APY, daily', product.toUpperCase()), points);
        }
        const ccy = str(input, 'ccy');
        if (ccy === undefined) return l10n.t('"ccy" is needed for the savings lending rate.');
        const since = Date.now() + client.clockOffsetMs - days * 86_400_000;
        const { records } = await helpers.history(client.savings.lendingRateHistory({ ccy, limit: '100' }), since, days * 24, (r) => r.ts);
        const points = records.flatMap((r) => (typeof r.lendingRate === 'string' && r.lendingRate !== '' ? [{ ts: r.ts, rate: r.lendingRate }] : []));
        return text.rateHistoryText(l10n, helpers.where(), l10n.t('{0} savings lending rate (what savers earn), hourly', ccy), points);
      },
    },
    {
      name: 'okxEarn_history',
      kind: 'read',
      input: {
        kind: { type: 'string', required: true, enum: ['onchain', 'eth', 'sol', 'savings', 'loan', 'interest', 'okusdSubscribe', 'okusdRedeem', 'okusdFastRedeem', 'okusdRewards', 'dual'] },
        days: { type: 'string', pattern: PATTERNS.days },
        ccy: { type: 'string', pattern: PATTERNS.ccy },
        ordId: { type: 'string', pattern: PATTERNS.id },
        limit: { type: 'string', pattern: PATTERNS.count },
      },
      run: async (input) => {
        const client = helpers.client();
        const days = Number(str(input, 'days') ?? '30');
        const limit = Number(str(input, 'limit') ?? '20');
        const since = Date.now() + client.clockOffsetMs - days * 86_400_000;
        const ordId = str(input, 'ordId');
        const ccy = str(input, 'ccy');
        const kind = need(input, 'kind');
        const page = '50';
        const lines = async <R extends object>(pager: Pager<R>, timeField: keyof R & string): Promise<{ lines: string[]; more: boolean }> => {
          const { records, more } = await helpers.history(pager, since, limit, (r) => String(r[timeField]));
          return { lines: records.map((r) => text.recordLine(r as Readonly<Record<string, unknown>>, timeField)), more };
        };
        const found =
          kind === 'onchain' ? await lines<T.HistoricOrder>(client.onchain.orderHistory({ limit: page, ...(ccy === undefined ? {} : { ccy }) }), 'redeemedTime')
          : kind === 'eth' ? await lines<T.StakingHistoryRecord>(client.eth.history({ limit: page }), 'requestTime')
          : kind === 'sol' ? await lines<T.StakingHistoryRecord>(client.sol.history({ limit: page }), 'requestTime')
          : kind === 'savings' ? await lines<T.LendingRecord>(client.savings.lendingHistory({ limit: page, ...(ccy === undefined ? {} : { ccy }) }), 'ts')
          : kind === 'loan' ? await lines<T.LoanHistoryRecord>(client.loan.history({ limit: page, ...(ordId === undefined ? {} : { ordId }) }), 'ts')
          : kind === 'okusdSubscribe' ? await lines<T.OkusdSubscription>(client.okusd.subscribeHistory({ limit: page }), 'ts')
          : kind === 'okusdRedeem' ? await lines<T.OkusdRedemption>(client.okusd.redeemHistory({ limit: page, type: 'standard' }), 'ts')
          : kind === 'okusdFastRedeem' ? await lines<T.OkusdRedemption>(client.okusd.redeemHistory({ limit: page, type: 'fast' }), 'ts')
          : kind === 'okusdRewards' ? await lines<T.OkusdReward>(client.okusd.rewardsHistory({ limit: page }), 'ts')
          : kind === 'dual' ? await lines<T.DualOrder>(client.dual.orderHistory({ limit: page }), 'cTime')
          : await lines<T.InterestAccrual>(client.loan.interestAccrued({ limit: page, ...(ordId === undefined ? {} : { ordId }), ...(ccy === undefined ? {} : { ccy }) }), 'ts');
        return text.historyText(l10n, helpers.where(), l10n.t('{0} history, last {1} days', kind, String(days)), found.lines, found.more);
      },
    },
  ];
}

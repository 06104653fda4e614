/**
 * Language-model tools for the editor's chat: read tools (portfolio, positions, loan risk with a what-if, offers
 * by APY, rate histories, histories) and action tools (purchase, redeem, cancel, stake, savings, lending rate,
 * collateral, borrow, repay). An action tool never moves money by itself: it runs the very flow the command
 * runs, its questions answered from the tool's input and checked exactly as typed answers are, up to the
 * flow's own confirmation, which only the user's click in OKX Earn's dialog passes; the same one-at-a-time
 * guard, rate limiter and send-once rule apply. The action tools can be switched off
 * (`okxEarn.chat.actionTools`); without a key, no tool works and each says how to set one.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import type { FlowContext } from '../commands/moneyAction';
import * as dual from '../commands/dual';
import * as loan from '../commands/loan';
import * as okusd from '../commands/okusd';
import * as onchain from '../commands/onchain';
import * as savings from '../commands/savings';
import * as staking from '../commands/staking';
import { runForTool } from '../commands/ui';
import { errorText } from '../messages';
import type { OkxClient } from '../okx/client';
import type { Pager } from '../okx/pager';
import type * as T from '../okx/types';
import type { AreaData, AreaId, Portfolio } from '../portfolio/portfolio';
import { usdPrices } from '../portfolio/prices';
import { byRisk, loanKey, ltvLevel } from '../portfolio/risk';
import { environmentLabel, readSettings } from '../settings';
import { optTypeOfProductId } from '../portfolio/dualPayoff';
import { dualDirectionLabel, dualOutcomeLines } from '../views/dualLabels';
import { portfolioAnswer } from './portfolioAnswer';
import { autoEarnTools } from './autoEarnTools';
import { PATTERNS, checkToolInput, type ToolInput } from './toolInput';
import { TOOL_KINDS, type ToolKind as Kind, type ToolName } from './toolNames';
import type { ToolDefinition } from './toolDefinition';
import * as text from './toolText';

export type { ToolDefinition } from './toolDefinition';
import { compareTool } from './compareTool';


const str = (input: ToolInput, name: string): string | undefined => (typeof input[name] === 'string' ? input[name] : undefined);
const need = (input: ToolInput, name: string): string => str(input, name) ?? '';

/**
 * What each tool does, for ./lazyTools, which registers the tools at start-up and loads this module when one is
 * first used. A tool's kind is ./toolNames' (checked here against each definition).
 */
export class ChatToolRunner {
  private readonly tools: ReadonlyMap<string, ToolDefinition>;

  constructor(private readonly flows: FlowContext) {
    this.tools = new Map(this.definitions().map((tool) => [tool.name, tool]));
    for (const [name, tool] of this.tools) {
      if (TOOL_KINDS[name as ToolName] !== tool.kind) throw new Error(`Chat tool ${name}: ${tool.kind} here, ${String(TOOL_KINDS[name as ToolName])} in toolNames`);
    }
  }

  /** The tools defined here, with their kinds (for the unit test that keeps ./toolNames in step). */
  kinds(): [string, Kind][] {
    return [...this.tools.values()].map((tool) => [tool.name, tool.kind]);
  }

  private get portfolio(): Portfolio {
    return this.flows.portfolio;
  }

  private where(): string {
    const { environment, profile } = this.flows.connection.current;
    return text.whereText(vscode.l10n, environmentLabel(environment), profile);
  }

  private client(): OkxClient | undefined {
    const client = this.flows.connection.current.client;
    return client?.hasCredentials === true ? client : undefined;
  }

  private tool(name: string): ToolDefinition {
    const tool = this.tools.get(name);
    if (tool === undefined) throw new Error(`No chat tool ${name}`);
    return tool;
  }

  /** What VS Code shows before the tool runs (for an action tool, the confirmation). */
  prepare(name: string, options: vscode.LanguageModelToolInvocationPrepareOptions<unknown>): vscode.PreparedToolInvocation {
    const tool = this.tool(name);
    const checked = checkToolInput(options.input, tool.input);
    if (tool.kind === 'read' || !checked.ok || this.client() === undefined) {
      return { invocationMessage: vscode.l10n.t('Reading your OKX Earn account ({0})', this.where()) };
    }
    const what = tool.describe?.(checked.input) ?? tool.name;
    const real = ['production', 'us', 'eea'].includes(this.flows.connection.current.environment);
    const message = real
      ? vscode.l10n.t('REAL MONEY: {0}, on {1}. OKX Earn will ask you to confirm it in its own dialog before anything is sent.', what, this.where())
      : vscode.l10n.t('{0}, on {1}. OKX Earn will ask you to confirm it in its own dialog before anything is sent.', what, this.where());
    return {
      invocationMessage: vscode.l10n.t('Preparing: {0}', what),
      confirmationMessages: { title: real ? vscode.l10n.t('OKX Earn (REAL MONEY): {0}', what) : vscode.l10n.t('OKX Earn: {0}', what), message: new vscode.MarkdownString(message) },
    };
  }

  /** Runs the tool: its answer to the model. */
  async invoke(name: string, options: vscode.LanguageModelToolInvocationOptions<unknown>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const tool = this.tool(name);
    const checked = checkToolInput(options.input, tool.input);
    let answer: string;
    if (!checked.ok) {
      answer = vscode.l10n.t('The input was refused, nothing was done: {0}', vscode.l10n.t(checked.problem.template, ...checked.problem.args));
    } else if (this.client() === undefined) {
      answer = text.noKeyText(vscode.l10n);
    } else {
      try {
        answer = await tool.run(checked.input, token);
      } catch (error) {
        answer = vscode.l10n.t('It could not be done ({0}): {1}', this.where(), errorText(error));
      }
    }
    this.flows.log.info(`Chat tool ${tool.name}: ${checked.ok ? 'ran' : 'input refused'}`);
    return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(answer)]);
  }

  // ------------------------------------------------------------------ reading

  private async areas<K extends AreaId>(...areas: K[]): Promise<{ [P in K]?: AreaData[P] }> {
    await this.portfolio.refresh(areas);
    const out: { [P in K]?: AreaData[P] } = {};
    for (const area of areas) {
      const state = this.portfolio.get(area);
      if (state.status === 'ready') out[area] = state.data;
      if (state.status === 'error') throw state.error;
    }
    return out;
  }

  private async history<R>(pager: Pager<R>, since: number, limit: number, timeOf: (r: R) => string): Promise<{ records: R[]; more: boolean }> {
    const records: R[] = [];
    for (let pages = 0; pages < 20 && !pager.done; pages++) {
      const page = await pager.next();
      for (const r of page) {
        if (Number(timeOf(r)) < since) return { records, more: false };
        if (records.length === limit) return { records, more: true };
        records.push(r);
      }
    }
    return { records, more: !pager.done };
  }

  private definitions(): ToolDefinition[] {
    const l10n = vscode.l10n;
    const amountField = { type: 'string', required: true, pattern: PATTERNS.amount } as const;
    const flowFor = <A>(what: string, run: (context: FlowContext) => Promise<A>, answers: Record<string, string>): Promise<string> =>
      runForTool(answers, () => run(this.flows)).then(({ result, run: r }) =>
        text.actionText(l10n, this.where(), what, { done: result === true, confirmation: r.confirmation, problems: r.problems, said: r.said, ...(r.outcome === undefined ? {} : { outcome: r.outcome }) }),
      );
    const notFound = (what: string): string => l10n.t('Not sent ({0}): {1}', this.where(), what);

    return [
      compareTool(() => this.portfolio, () => this.where()),
      ...autoEarnTools({ where: () => this.where(), areas: (...a) => this.areas(...a), flowFor }),
      {
        name: 'okxEarn_portfolio',
        kind: 'read',
        input: {},
        run: () => portfolioAnswer(l10n, this.where(), this.portfolio),
      },
      {
        name: 'okxEarn_positions',
        kind: 'read',
        input: { product: { type: 'string', enum: ['onchain', 'eth', 'sol', 'savings', 'loans', 'okusd', 'stable', 'dual'] } },
        run: async (input) => {
          const product = str(input, 'product');
          const want = (p: string): boolean => product === undefined || product === p;
          const data = await this.areas(...(['onchain', 'eth', 'sol', 'savings', 'loans', 'okusd', 'stable', 'dual'] as const).filter(want));
          return text.positionsText(l10n, this.where(), {
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
        name: 'okxEarn_loanRisk',
        kind: 'read',
        input: { ordId: { type: 'string', pattern: PATTERNS.id }, ccy: { type: 'string', pattern: PATTERNS.ccy }, priceChangePercent: { type: 'string', pattern: PATTERNS.change } },
        run: async (input) => {
          const { loans } = (await this.areas('loans')).loans ?? { loans: [] };
          const ordId = str(input, 'ordId');
          const chosen = ordId === undefined ? loans : loans.filter((l) => l.ordId === ordId);
          if (ordId !== undefined && chosen.length === 0) return l10n.t('No loan order {0} ({1}).', ordId, this.where());
          const ccy = str(input, 'ccy');
          const change = str(input, 'priceChangePercent')?.replace('%', '');
          const warn = readSettings().ltvWarningDistance;
          const prices = ccy === undefined || change === undefined ? undefined : await usdPrices(this.client() as OkxClient);
          const risks = byRisk(chosen, warn).map(({ loan: l, level }): text.LoanRisk => {
            if (ccy === undefined || change === undefined || prices === undefined) return { loan: l, level };
            return { loan: l, level, whatIf: whatIf(l, ccy, change, prices, warn) };
          });
          return text.loanRiskText(l10n, this.where(), risks);
        },
      },
      {
        name: 'okxEarn_offers',
        kind: 'read',
        input: { ccy: { type: 'string', pattern: PATTERNS.ccy } },
        run: async (input) => {
          const ccy = str(input, 'ccy');
          const data = await this.areas('offers', 'market');
          const offers = (data.offers?.offers ?? []).filter((o) => ccy === undefined || o.ccy === ccy);
          const market = data.market;
          const savingsRates = (market?.latestRates ?? [])
            .filter((r) => (ccy === undefined || r.ccy === ccy) && typeof r.lendingRate === 'string' && D.isPlainDecimal(r.lendingRate))
            .map((r) => ({ ccy: r.ccy, lendingRate: r.lendingRate ?? '' }));
          const staking = {
            ...(ccy === undefined || ccy === 'ETH' ? { eth: market?.ethApy?.rate } : {}),
            ...(ccy === undefined || ccy === 'SOL' ? { sol: market?.solApy?.rate } : {}),
          };
          return text.offersText(l10n, this.where(), ccy, offers, staking, savingsRates);
        },
      },
      {
        name: 'okxEarn_dualProducts',
        kind: 'read',
        input: { baseCcy: { type: 'string', required: true, pattern: PATTERNS.ccy }, quoteCcy: { type: 'string', pattern: PATTERNS.ccy }, direction: { type: 'string', required: true, enum: ['sellHigh', 'buyLow'] } },
        run: async (input) => {
          const baseCcy = need(input, 'baseCcy');
          const quoteCcy = str(input, 'quoteCcy') ?? 'USDT';
          const optType = need(input, 'direction') === 'sellHigh' ? 'C' : 'P';
          const products = await this.portfolio.dualProducts({ baseCcy, quoteCcy, optType });
          if (products instanceof Error) throw products;
          return text.dualProductsText(l10n, this.where(), `${baseCcy}/${quoteCcy}`, dualDirectionLabel({ optType }), products);
        },
      },
      {
        name: 'okxEarn_rateHistory',
        kind: 'read',
        input: { product: { type: 'string', required: true, enum: ['eth', 'sol', 'savings', 'okusd', 'stable'] }, ccy: { type: 'string', pattern: PATTERNS.ccy }, days: { type: 'string', pattern: PATTERNS.days } },
        run: async (input) => {
          const client = this.client() as OkxClient;
          const days = Number(str(input, 'days') ?? '30');
          const product = need(input, 'product');
          if (product === 'okusd') {
            const since = Date.now() + client.clockOffsetMs - days * 86_400_000;
            const { records } = await this.history(client.okusd.aprHistory({ limit: '100' }), since, days * 24, (r) => r.ts);
            return text.rateHistoryText(l10n, this.where(), l10n.t('OKUSD APR'), records.map((r) => ({ ts: r.ts, rate: r.apr })));
          }
          if (product === 'stable') {
            const ccy = str(input, 'ccy');
            if (ccy === undefined) return l10n.t('"ccy" is needed for the Stable Rewards APY (e.g. USDG).');
            const points = await client.stableRewards.apyHistory({ ccy, days: String(Math.min(days, 100)) });
            return text.rateHistoryText(l10n, this.where(), l10n.t('{0} Stable Rewards APY, daily', ccy), points);
          }
          if (product !== 'savings') {
            const points = await (product === 'eth' ? client.eth.apyHistory({ days: String(days) }) : client.sol.apyHistory({ days: String(days) }));
            return text.rateHistoryText(l10n, this.where(), l10n.t('{0} staking APY, daily', product.toUpperCase()), points);
          }
          const ccy = str(input, 'ccy');
          if (ccy === undefined) return l10n.t('"ccy" is needed for the savings lending rate.');
          const since = Date.now() + client.clockOffsetMs - days * 86_400_000;
          const { records } = await this.history(client.savings.lendingRateHistory({ ccy, limit: '100' }), since, days * 24, (r) => r.ts);
          const points = records.flatMap((r) => (typeof r.lendingRate === 'string' && r.lendingRate !== '' ? [{ ts: r.ts, rate: r.lendingRate }] : []));
          return text.rateHistoryText(l10n, this.where(), l10n.t('{0} savings lending rate (what savers earn), hourly', ccy), points);
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
          const client = this.client() as OkxClient;
          const days = Number(str(input, 'days') ?? '30');
          const limit = Number(str(input, 'limit') ?? '20');
          const since = Date.now() + client.clockOffsetMs - days * 86_400_000;
          const ordId = str(input, 'ordId');
          const ccy = str(input, 'ccy');
          const kind = need(input, 'kind');
          const page = '50';
          const lines = async <R extends object>(pager: Pager<R>, timeField: keyof R & string): Promise<{ lines: string[]; more: boolean }> => {
            const { records, more } = await this.history(pager, since, limit, (r) => String(r[timeField]));
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
          return text.historyText(l10n, this.where(), l10n.t('{0} history, last {1} days', kind, String(days)), found.lines, found.more);
        },
      },

      // ------------------------------------------------------------------ actions: the command's flow, pre-filled
      {
        name: 'okxEarn_onchainPurchase',
        kind: 'action',
        input: { productId: { type: 'string', required: true, pattern: PATTERNS.id }, amount: amountField },
        describe: (i) => l10n.t('purchase {0} of on-chain earn product {1}', need(i, 'amount'), need(i, 'productId')),
        run: async (i) => {
          const offer = (await this.areas('offers')).offers?.offers.find((o) => o.productId === need(i, 'productId'));
          if (offer === undefined) return notFound(l10n.t('there is no on-chain earn product {0}.', need(i, 'productId')));
          return flowFor(l10n.t('purchase of {0} {1} in {2} · {3}', need(i, 'amount'), offer.ccy, offer.ccy, offer.protocol), (c) => onchain.purchase(c, { payload: { kind: 'offer', offer } }), { amount: need(i, 'amount') });
        },
      },
      ...(['onchainRedeem', 'onchainCancel'] as const).map((name): ToolDefinition => ({
        name: `okxEarn_${name}`,
        kind: 'action',
        input: { ordId: { type: 'string', required: true, pattern: PATTERNS.id } },
        describe: (i) => (name === 'onchainRedeem' ? l10n.t('redeem on-chain earn order {0}', need(i, 'ordId')) : l10n.t('cancel on-chain earn order {0}', need(i, 'ordId'))),
        run: async (i) => {
          const order = (await this.areas('onchain')).onchain?.orders.find((o) => o.ordId === need(i, 'ordId'));
          if (order === undefined) return notFound(l10n.t('there is no active on-chain earn order {0}.', need(i, 'ordId')));
          const what = name === 'onchainRedeem' ? l10n.t('redemption of order {0}', order.ordId) : l10n.t('cancellation of order {0}', order.ordId);
          return flowFor(what, (c) => (name === 'onchainRedeem' ? onchain.redeem(c, { payload: { kind: 'order', order } }) : onchain.cancel(c, { payload: { kind: 'order', order } })), {});
        },
      })),
      ...(['stake', 'unstake'] as const).map((name): ToolDefinition => ({
        name: `okxEarn_${name}`,
        kind: 'action',
        input: { product: { type: 'string', required: true, enum: ['eth', 'sol'] }, amount: amountField },
        describe: (i) => (name === 'stake' ? l10n.t('stake {0} {1}', need(i, 'amount'), need(i, 'product').toUpperCase()) : l10n.t('redeem {0} {1}', need(i, 'amount'), need(i, 'product') === 'eth' ? 'BETH' : 'OKSOL')),
        run: (i) => {
          const product = need(i, 'product') === 'eth' ? 'eth' : 'sol';
          const what = name === 'stake' ? l10n.t('staking of {0} {1}', need(i, 'amount'), product.toUpperCase()) : l10n.t('redemption of {0} {1}', need(i, 'amount'), product === 'eth' ? 'BETH' : 'OKSOL');
          return flowFor(what, (c) => (name === 'stake' ? staking.stake(c, product) : staking.unstake(c, product)), { amount: need(i, 'amount') });
        },
      })),
      {
        name: 'okxEarn_cancelEthRedemption',
        kind: 'action',
        input: { ordId: { type: 'string', required: true, pattern: PATTERNS.id } },
        describe: (i) => l10n.t('cancel ETH redemption {0}', need(i, 'ordId')),
        run: async (i) => {
          const record = (await this.areas('eth')).eth?.pendingRedemptions.find((r) => r.ordId === need(i, 'ordId'));
          if (record === undefined) return notFound(l10n.t('no pending ETH redemption {0}.', need(i, 'ordId')));
          return flowFor(l10n.t('cancellation of ETH redemption {0}', need(i, 'ordId')), (c) => staking.cancelEthRedemption(c, { payload: { kind: 'ethRedemption', record } }), {});
        },
      },
      {
        name: 'okxEarn_savingsSubscribe',
        kind: 'action',
        input: { ccy: { type: 'string', required: true, pattern: PATTERNS.ccy }, amount: amountField, minRatePercent: { type: 'string', pattern: PATTERNS.percent } },
        describe: (i) => l10n.t('lend {0} {1} in Simple Earn', need(i, 'amount'), need(i, 'ccy')),
        run: (i) =>
          flowFor(l10n.t('savings subscription of {0} {1}', need(i, 'amount'), need(i, 'ccy')), (c) => savings.subscribe(c, { payload: { kind: 'savings', ccy: need(i, 'ccy') } }), {
            amount: need(i, 'amount'),
            rate: str(i, 'minRatePercent') ?? '',
          }),
      },
      {
        name: 'okxEarn_savingsRedeem',
        kind: 'action',
        input: { ccy: { type: 'string', required: true, pattern: PATTERNS.ccy }, amount: amountField },
        describe: (i) => l10n.t('redeem {0} {1} from Simple Earn', need(i, 'amount'), need(i, 'ccy')),
        run: (i) => flowFor(l10n.t('savings redemption of {0} {1}', need(i, 'amount'), need(i, 'ccy')), (c) => savings.redeem(c, { payload: { kind: 'savings', ccy: need(i, 'ccy') } }), { amount: need(i, 'amount') }),
      },
      {
        name: 'okxEarn_setLendingRate',
        kind: 'action',
        input: { ccy: { type: 'string', required: true, pattern: PATTERNS.ccy }, ratePercent: { type: 'string', required: true, pattern: PATTERNS.percent } },
        describe: (i) => l10n.t('set the minimum lending rate of {0} to {1}%', need(i, 'ccy'), need(i, 'ratePercent').replace('%', '')),
        run: (i) => flowFor(l10n.t('lending rate {0}% for {1}', need(i, 'ratePercent').replace('%', ''), need(i, 'ccy')), (c) => savings.setLendingRate(c, { payload: { kind: 'savings', ccy: need(i, 'ccy') } }), { rate: need(i, 'ratePercent') }),
      },
      {
        name: 'okxEarn_okusdSubscribe',
        kind: 'action',
        input: { amount: amountField },
        describe: (i) => l10n.t('subscribe {0} USDT to OKUSD', need(i, 'amount')),
        run: (i) => flowFor(l10n.t('OKUSD subscription of {0} USDT', need(i, 'amount')), (c) => okusd.subscribe(c), { amount: need(i, 'amount') }),
      },
      {
        name: 'okxEarn_okusdRedeem',
        kind: 'action',
        input: { amount: amountField, type: { type: 'string', required: true, enum: ['fast', 'standard'] } },
        describe: (i) => l10n.t('redeem {0} OKUSD ({1})', need(i, 'amount'), need(i, 'type')),
        run: (i) => flowFor(l10n.t('OKUSD {1} redemption of {0}', need(i, 'amount'), need(i, 'type')), (c) => okusd.redeem(c), { amount: need(i, 'amount'), redeemType: need(i, 'type') }),
      },
      {
        name: 'okxEarn_dualPurchase',
        kind: 'action',
        input: { productId: { type: 'string', required: true, pattern: PATTERNS.id }, amount: amountField },
        describe: (i) => l10n.t('buy {0} of Dual Investment product {1}', need(i, 'amount'), need(i, 'productId')),
        run: async (i) => {
          // A product id names its pair and direction: BTC-USDT-261205-95000-C.
          const [baseCcy = '', quoteCcy = ''] = need(i, 'productId').split('-');
          const optType = optTypeOfProductId(need(i, 'productId'));
          const products = optType === undefined ? [] : await this.portfolio.dualProducts({ baseCcy, quoteCcy, optType });
          if (products instanceof Error) throw products;
          const product = products.find((p) => p.productId === need(i, 'productId'));
          if (product === undefined) return notFound(l10n.t('there is no Dual Investment product {0} on offer.', need(i, 'productId')));
          return flowFor(l10n.t('Dual Investment purchase of {0} {1} ({2})', need(i, 'amount'), product.notionalCcy, product.productId), (c) => dual.purchase(c, { payload: { kind: 'dualProduct', product } }), { amount: need(i, 'amount') });
        },
      },
      {
        name: 'okxEarn_dualRedeemEarly',
        kind: 'action',
        input: { ordId: { type: 'string', required: true, pattern: PATTERNS.id } },
        describe: (i) => l10n.t('redeem Dual Investment order {0} early', need(i, 'ordId')),
        run: async (i) => {
          const order = (await this.areas('dual')).dual?.orders.find((o) => o.ordId === need(i, 'ordId'));
          if (order === undefined) return notFound(l10n.t('there is no Dual Investment order {0}.', need(i, 'ordId')));
          return flowFor(l10n.t('early redemption of Dual Investment order {0}', order.ordId), (c) => dual.redeemEarly(c, { payload: { kind: 'dualOrder', order } }), {});
        },
      },
      {
        name: 'okxEarn_adjustCollateral',
        kind: 'action',
        input: { ordId: { type: 'string', required: true, pattern: PATTERNS.id }, action: { type: 'string', required: true, enum: ['add', 'reduce'] }, ccy: { type: 'string', required: true, pattern: PATTERNS.ccy }, amount: amountField },
        describe: (i) => (need(i, 'action') === 'add' ? l10n.t('add {0} {1} as collateral to loan order {2}', need(i, 'amount'), need(i, 'ccy'), need(i, 'ordId')) : l10n.t('take {0} {1} of collateral back from loan order {2}', need(i, 'amount'), need(i, 'ccy'), need(i, 'ordId'))),
        run: async (i) => {
          const order = await this.loanOrder(need(i, 'ordId'));
          if (order === undefined) return notFound(l10n.t('there is no loan order {0}.', need(i, 'ordId')));
          const add = need(i, 'action') === 'add';
          const what = add ? l10n.t('adding {0} {1} of collateral to order {2}', need(i, 'amount'), need(i, 'ccy'), order.ordId) : l10n.t('taking back {0} {1} of collateral from order {2}', need(i, 'amount'), need(i, 'ccy'), order.ordId);
          const arg = { payload: { kind: 'collateral', ccy: need(i, 'ccy'), loan: order } };
          return flowFor(what, (c) => (add ? loan.addCollateral(c, arg) : loan.reduceCollateral(c, arg)), { amount: need(i, 'amount'), collateralCcy: need(i, 'ccy') });
        },
      },
      {
        name: 'okxEarn_borrow',
        kind: 'action',
        input: {
          ordId: { type: 'string', pattern: PATTERNS.id },
          ccy: { type: 'string', required: true, pattern: PATTERNS.ccy },
          amount: amountField,
          collateralCcy: { type: 'string', pattern: PATTERNS.ccy },
          collateralAmount: { type: 'string', pattern: PATTERNS.amount },
          eMode: { type: 'boolean' },
        },
        describe: (i) => (str(i, 'ordId') === undefined ? l10n.t('borrow {0} {1} in a new loan order against {2} {3}', need(i, 'amount'), need(i, 'ccy'), str(i, 'collateralAmount') ?? '?', str(i, 'collateralCcy') ?? '?') : l10n.t('borrow {0} {1} more on loan order {2}', need(i, 'amount'), need(i, 'ccy'), need(i, 'ordId'))),
        run: async (i) => {
          const ordId = str(i, 'ordId');
          const order = ordId === undefined ? undefined : await this.loanOrder(ordId);
          if (ordId !== undefined && order === undefined) return notFound(l10n.t('there is no loan order {0}.', ordId));
          if (order === undefined && (str(i, 'collateralCcy') === undefined || str(i, 'collateralAmount') === undefined)) {
            return notFound(l10n.t('a new loan order needs "collateralCcy" and "collateralAmount".'));
          }
          const what = order === undefined ? l10n.t('borrowing {0} {1} in a new loan order', need(i, 'amount'), need(i, 'ccy')) : l10n.t('borrowing {0} {1} on order {2}', need(i, 'amount'), need(i, 'ccy'), order.ordId);
          return flowFor(what, (c) => loan.borrow(c, order === undefined ? undefined : { payload: { kind: 'loan', loan: order } }), {
            ordId: 'new',
            ccy: need(i, 'ccy'),
            amount: need(i, 'amount'),
            eMode: String(i.eMode === true),
            collateralCcy: str(i, 'collateralCcy') ?? '',
            collateralAmount: str(i, 'collateralAmount') ?? '',
            moreCollateral: 'no',
          });
        },
      },
      {
        name: 'okxEarn_repay',
        kind: 'action',
        input: { ordId: { type: 'string', required: true, pattern: PATTERNS.id }, ccy: { type: 'string', pattern: PATTERNS.ccy }, amount: amountField },
        describe: (i) => l10n.t('repay {0} {1} on loan order {2}', need(i, 'amount'), str(i, 'ccy') ?? '', need(i, 'ordId')),
        run: async (i) => {
          const order = await this.loanOrder(need(i, 'ordId'));
          if (order === undefined) return notFound(l10n.t('there is no loan order {0}.', need(i, 'ordId')));
          return flowFor(l10n.t('repaying {0} on order {1}', need(i, 'amount'), order.ordId), (c) => loan.repay(c, { payload: { kind: 'loan', loan: order } }), {
            amount: need(i, 'amount'),
            ...(str(i, 'ccy') === undefined ? {} : { ccy: need(i, 'ccy') }),
          });
        },
      },
    ];
  }

  private async loanOrder(ordId: string): Promise<T.LoanInfo | undefined> {
    return (await this.areas('loans')).loans?.loans.find((l) => loanKey(l) === ordId || l.ordId === ordId);
  }

}

/** The order's LTV if `ccy`'s price changed by `change` percent (a collateral, or what it borrows). */
function whatIf(l: T.LoanInfo, ccy: string, change: string, prices: ReadonlyMap<string, string>, warn: string): NonNullable<text.LoanRisk['whatIf']> {
  const price = prices.get(ccy);
  const factor = D.div(change, '100', 12);
  const held = l.collateralData.find((c) => c.ccy === ccy);
  const owed = l.loanData.find((d) => d.ccy === ccy);
  if (price === undefined) return { ccy, change, ltv: undefined, level: undefined, reason: vscode.l10n.t('OKX gives no USD price for {0}', ccy) };
  if (held === undefined && owed === undefined) return { ccy, change, ltv: undefined, level: undefined, reason: vscode.l10n.t('the order neither holds nor borrows {0}', ccy) };
  const collateralUsd = held === undefined ? l.collateralNotionalUsd : D.add(l.collateralNotionalUsd, D.mul(D.mul(held.amt, price), factor));
  const loanUsd = owed === undefined ? l.loanNotionalUsd : D.add(l.loanNotionalUsd, D.mul(D.mul(owed.amt, price), factor));
  if (!D.isPositive(collateralUsd)) return { ccy, change, ltv: undefined, level: 'liquidation', reason: vscode.l10n.t('no collateral value would be left') };
  const ltv = D.div(D.max('0', loanUsd), collateralUsd, 4);
  return { ccy, change, ltv, level: ltvLevel({ ...l, curLTV: ltv }, warn) };
}

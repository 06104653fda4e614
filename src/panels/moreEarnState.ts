/**
 * The product pages of the products OKX added in 2026: OKUSD, a Stable Rewards coin, and a Dual Investment order
 * or product. Built from the portfolio (the same areas the More Earn view shows) and what the panel loads for
 * itself (Stable Rewards' settlement routes, the index price, the product as now offered). Nothing here moves
 * money: the buttons name actions that the host maps to the commands that do, with their confirmations.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import { errorText } from '../messages';
import type { DualOrder, DualProduct, OkusdLimits, OkusdQuota, StableRewardsRoute } from '../okx/types';
import { dualOutcomes } from '../portfolio/dualPayoff';
import type { Portfolio } from '../portfolio/portfolio';
import { dualDirectionLabel, dualOrderStateLabel, dualOutcomeLines, dualProductName } from '../views/dualLabels';
import { quotaLeft } from '../portfolio/okusdQuota';
import { stableStateLabel } from '../views/moreEarnView';
import { checkAmount as checkAsPrompt } from '../validation';
import { feeRate, percent, time, withCcy } from '../views/nodes';
import { figureCells, figureRow, shownFigures, type Figures } from './figures';
import { checkAmount, okusdStandardSettlement, strikeFromIndex } from './moreEarnSeries';
import { chartFor, type ChartEntry } from './productChart';
import type { MoreEarnTarget } from './productState';
import type { ProductAction, ProductState, RangeDays, Row, Section } from './protocol';

/** What a More Earn product's page loads for itself, beyond the portfolio. */
export interface MoreEarnExtras {
  /** Stable Rewards: the coin's settlement routes (product info), or why they could not be loaded. */
  readonly routes?: readonly StableRewardsRoute[] | Error;
  /** Dual Investment: the index price of the pair now, or why it could not be loaded. */
  readonly indexPx?: { readonly px: string; readonly ts: string } | Error;
  /** Dual Investment: the product as OKX offers it now; null when it is no longer on offer. */
  readonly product?: DualProduct | null;
}

/** A Stable Rewards quota or limit as said: '-1' is unlimited, '' is not available. */
function quotaText(value: string, ccy: string): (f: Figures) => string {
  return (f) => {
    if (value === '-1') return vscode.l10n.t('unlimited');
    if (value === '' || !D.isPlainDecimal(value)) return vscode.l10n.t('not available');
    return f.amount(value, ccy);
  };
}

function feeText(rate: string): string {
  if (rate === '' || !D.isPlainDecimal(rate)) return vscode.l10n.t('not available');
  return D.isZero(rate) ? vscode.l10n.t('no fee') : feeRate(rate);
}

function areaError(portfolio: Portfolio, area: 'okusd' | 'stable' | 'dual'): string | undefined {
  const state = portfolio.get(area);
  return state.status === 'error' ? errorText(state.error) : undefined;
}

export function buildMoreEarnState(
  target: MoreEarnTarget,
  portfolio: Portfolio,
  chart: ChartEntry | undefined,
  range: RangeDays,
  extras: MoreEarnExtras,
  amount: string | undefined,
): ProductState {
  const updated = time(String(Date.now()));
  if (target.kind === 'okusd') return { ...okusdState(portfolio), chart: chartFor(target, range, chart), updated };
  if (target.kind === 'stable') return { ...stableState(target.ccy, portfolio, extras), chart: chartFor(target, range, chart), updated };
  return { ...dualState(target, portfolio, extras, amount), chart: chartFor(target, range, chart), updated };
}

type Page = Omit<ProductState, 'chart' | 'updated'>;

// ------------------------------------------------------------------------------------------------ OKUSD

function okusdState(portfolio: Portfolio): Page {
  const state = portfolio.get('okusd');
  const data = 'data' in state ? state.data : undefined;
  const account = data?.account;
  const held = account?.amt ?? '0';
  const facts: Row[] = [
    [vscode.l10n.t('Latest APR'), data?.apr === undefined ? '' : `${percent(data.apr.apr)} · ${time(data.apr.ts)}`],
    figureRow(vscode.l10n.t('Latest daily reward'), (f) => (data?.latestReward === undefined ? '' : vscode.l10n.t('{0} on {1} at {2} APR', f.amount(data.latestReward.earnAmt, 'USDT'), f.amount(data.latestReward.amt, 'OKUSD'), percent(data.latestReward.apr)))),
    [vscode.l10n.t('Subscribe with'), vscode.l10n.t('USDT, 1:1, no subscription fee')],
    [vscode.l10n.t('Rewards'), vscode.l10n.t('Paid daily, in USDT')],
  ];
  const position: Row[] =
    data === undefined
      ? []
      : [
          figureRow(vscode.l10n.t('Held'), (f) => f.amount(held, 'OKUSD')),
          figureRow(vscode.l10n.t('Earned in total'), (f) => (account === undefined ? '' : f.amount(account.totalEarnAccrual, 'USDT'))),
          ...data.pendingRedemptions.map((r): Row => figureRow(
            vscode.l10n.t('Redemption on its way'),
            (f) => vscode.l10n.t('{0} (fee {1}) · expected {2}', f.amount(r.settleCcyAmt, r.settleCcy), f.amount(r.fee, r.settleCcy), time(r.estSettlementTime)),
          )),
        ];
  const sections: Section[] = [];
  if (data?.limits !== undefined) sections.push(quotaSection(data.limits));
  sections.push(timingSection(data?.limits));
  const actions: ProductAction[] = [];
  if (portfolio.hasCredentials) {
    actions.push('purchase');
    if (D.isPlainDecimal(held) && D.isPositive(held)) actions.push('redeem');
  }
  return {
    kind: 'product',
    title: vscode.l10n.t('OKUSD'),
    subtitle: vscode.l10n.t('A USD stablecoin issued 1:1 against USDT that pays a daily yield in USDT.'),
    facts,
    position,
    sections,
    actions,
    actionLabels: { purchase: vscode.l10n.t('Subscribe OKUSD…'), redeem: vscode.l10n.t('Redeem OKUSD…') },
    error: areaError(portfolio, 'okusd'),
  };
}

export function quotaSection(limits: OkusdLimits): Section {
  const used = (q: OkusdQuota, mine: boolean, ccy: string) => (f: Figures): string =>
    vscode.l10n.t('{0} of {1}', f.amount(mine ? q.personalUsedAmt : q.platformUsedAmt, ccy), f.amount(mine ? q.personalDailyLimit : q.platformDailyLimit, ccy));
  // What the Subscribe and Redeem commands allow: the lesser of the user's quota and OKX's (../portfolio/okusdQuota),
  // not OKX's `maxSubAmt` as sent (which has been seen to disagree with the quotas it comes with).
  const left = (q: OkusdQuota, ccy: string) => (f: Figures): string => {
    const value = quotaLeft(q)?.left;
    return value === undefined ? '' : f.amount(value, ccy);
  };
  const quotas = [
    { q: limits.subLimit, ccy: 'USDT', fee: vscode.l10n.t('no fee') },
    { q: limits.fastRedeemLimit, ccy: 'OKUSD', fee: feeText(limits.fastRedeemLimit.feeRate) },
    { q: limits.stdRedeemLimit, ccy: 'OKUSD', fee: feeText(limits.stdRedeemLimit.feeRate) },
  ];
  // One column per quota, one row per figure: it fits a narrow editor.
  return {
    title: vscode.l10n.t("Today's quotas (reset daily)"),
    columns: [vscode.l10n.t('Quota'), vscode.l10n.t('Subscription'), vscode.l10n.t('Fast redemption'), vscode.l10n.t('Standard redemption')],
    ...figureCells([
      [vscode.l10n.t('Left today'), ...quotas.map((x) => left(x.q, x.ccy))],
      [vscode.l10n.t('Yours: used of limit'), ...quotas.map((x) => used(x.q, true, x.ccy))],
      [vscode.l10n.t('Everyone on OKX: used of limit'), ...quotas.map((x) => used(x.q, false, x.ccy))],
      [vscode.l10n.t('Fee'), ...quotas.map((x) => x.fee)],
    ]),
    note: vscode.l10n.t('What is left today is the lesser of your quota and what is left of OKX\'s own.'),
  };
}

function timingSection(limits: OkusdLimits | undefined): Section {
  const fee = (rate: string | undefined): string => (rate === undefined ? '' : ` · ${vscode.l10n.t('fee {0}', feeText(rate))}`);
  return {
    title: vscode.l10n.t('When a redemption arrives'),
    rows: [
      [vscode.l10n.t('Fast redemption'), vscode.l10n.t('At once, in USDT') + fee(limits?.fastRedeemLimit.feeRate)],
      [vscode.l10n.t('Standard redemption'), vscode.l10n.t('After 5 calendar days (D+5), or 6 (D+6) when asked at or after 16:00 UTC+8, in USDT') + fee(limits?.stdRedeemLimit.feeRate)],
      [vscode.l10n.t('A standard redemption asked now'), vscode.l10n.t('expected {0}', time(String(okusdStandardSettlement(Date.now()))))],
    ],
  };
}

// ------------------------------------------------------------------------------------------------ Stable Rewards

function stableState(ccy: string, portfolio: Portfolio, extras: MoreEarnExtras): Page {
  const state = portfolio.get('stable');
  const data = 'data' in state ? state.data : undefined;
  const holding = data?.holdings.find((h) => h.ccy === ccy);
  const apy = data?.apy.get(ccy);
  const earning = holding?.state === 'earning';
  const stateText = holding === undefined ? '' : earning ? stableStateLabel(holding.state) : vscode.l10n.t('{0}: auto-earn is off for this coin, or the amount is below the activation threshold', stableStateLabel(holding.state));
  const facts: Row[] = [
    [vscode.l10n.t('APY (latest day)'), apy === undefined ? '' : `${percent(apy.rate)} · ${time(apy.ts)}`],
    [vscode.l10n.t('Rewards'), vscode.l10n.t('Paid daily, in {0}, on what you hold', ccy)],
  ];
  const position: Row[] =
    holding === undefined
      ? []
      : [
          figureRow(vscode.l10n.t('Held'), (f) => f.amount(holding.amt, ccy)),
          figureRow(vscode.l10n.t('Earned in total'), (f) => f.amount(holding.totalEarnAccrual, ccy)),
          [vscode.l10n.t('State'), stateText],
        ];
  const routes = extras.routes;
  const sections: Section[] = [];
  if (routes instanceof Error) {
    sections.push({ title: vscode.l10n.t('Settlement currencies'), rows: [], note: vscode.l10n.t('Could not load them: {0}', errorText(routes)) });
  } else if (routes !== undefined) {
    // One column per settlement currency (two or three), one row per term: it fits a narrow editor.
    const term = (label: string, value: (r: StableRewardsRoute) => string | ((f: Figures) => string)): (string | ((f: Figures) => string))[] => [label, ...routes.map(value)];
    sections.push({
      title: vscode.l10n.t('Settlement currencies'),
      columns: [vscode.l10n.t('Settlement currency'), ...routes.map((r) => r.settleCcy)],
      ...figureCells([
        term(vscode.l10n.t('Subscription fee'), (r) => feeText(r.subFeeRate)),
        term(vscode.l10n.t('Minimum subscription'), (r) => quotaText(r.minSubAmt, r.settleCcy)),
        term(vscode.l10n.t('Subscription left today'), (r) => quotaText(r.remainingSubQuota, r.settleCcy)),
        term(vscode.l10n.t('Redemption now'), (r) => (r.canRedeem ? vscode.l10n.t('available') : vscode.l10n.t('not available'))),
        term(vscode.l10n.t('Redemption fee'), (r) => feeText(r.redemptFeeRate)),
        term(vscode.l10n.t('Minimum redemption'), (r) => quotaText(r.minRedeemAmt, ccy)),
        term(vscode.l10n.t('Redemption left today'), (r) => quotaText(r.remainingRedemptQuota, ccy)),
      ]),
      note: vscode.l10n.t("OKX's terms for {0} against each currency (its product info); quotas are per master account and day.", ccy),
    });
  }
  return {
    kind: 'product',
    title: vscode.l10n.t('{0} · Stable Rewards', ccy),
    subtitle: vscode.l10n.t('A stablecoin that earns a daily reward while you hold it'),
    notice: stableNotice(ccy),
    facts,
    position,
    sections,
    actions: [],
    error: areaError(portfolio, 'stable'),
  };
}

/** The plain statement on every Stable Rewards page. */
export function stableNotice(ccy: string): string {
  return vscode.l10n.t(
    "Since 14 July 2026 OKX's API has no Stable Rewards subscription or redemption. You subscribe by buying {0} on OKX and redeem by selling it; what you hold earns by itself. This page shows your holding, its rewards and the APY.",
    ccy,
  );
}

// ------------------------------------------------------------------------------------------------ Dual Investment

function dualState(target: Extract<MoreEarnTarget, { kind: 'dual' }>, portfolio: Portfolio, extras: MoreEarnExtras, amount: string | undefined): Page {
  const state = portfolio.get('dual');
  const orders = 'data' in state ? (state.data?.orders ?? []) : [];
  if ('order' in target) {
    const order = orders.find((o) => o.ordId === target.order.ordId) ?? target.order;
    return dualOrderState(order, extras, areaError(portfolio, 'dual'));
  }
  const product = extras.product === null ? target.product : (extras.product ?? target.product);
  const own = orders.filter((o) => o.productId === product.productId);
  return dualProductState(product, extras.product === null, own, extras, amount);
}

function indexRows(of: { baseCcy: string; quoteCcy: string; strike: string }, extras: MoreEarnExtras): Row[] {
  const index = extras.indexPx;
  if (index === undefined) return [[vscode.l10n.t('Index price now'), vscode.l10n.t('loading…')]];
  if (index instanceof Error) return [[vscode.l10n.t('Index price now'), vscode.l10n.t('could not be loaded: {0}', errorText(index))]];
  const distance = strikeFromIndex(of.strike, index.px);
  const where =
    distance === undefined ? ''
    : distance.side === 'at' ? vscode.l10n.t('the strike is at the index price')
    : distance.side === 'above' ? vscode.l10n.t('the strike is {0} above it', percent(distance.fraction))
    : vscode.l10n.t('the strike is {0} below it', percent(distance.fraction));
  return [figureRow(vscode.l10n.t('Index price now'), (f) => `${f.price(index.px, of.quoteCcy)} (${of.baseCcy}-${of.quoteCcy}, ${time(index.ts)})${where === '' ? '' : ` · ${where}`}`)];
}

/**
 * "BTC/USDT · Sell high 95,500 USDT · Dec 5": the expiry's day tells apart the products (and orders) of one strike,
 * in the tab as on the page.
 */
function dualTitle(of: { baseCcy: string; quoteCcy: string; strike: string; productId: string; optType?: string; expTime: string }): string {
  const label = dualProductName(of);
  if (!/^\d+$/.test(of.expTime)) return label;
  const day = new Date(Number(of.expTime)).toLocaleDateString(vscode.env.language, { month: 'short', day: 'numeric' });
  return vscode.l10n.t('{0} · {1}', label, day);
}

function dualOrderState(o: DualOrder, extras: MoreEarnExtras, error: string | undefined): Page {
  const settled = o.settleSz !== '' && o.settleCcy !== '';
  const facts: Row[] = [
    [vscode.l10n.t('Pair'), `${o.baseCcy}/${o.quoteCcy}`],
    [vscode.l10n.t('Direction'), dualDirectionLabel(o)],
    [vscode.l10n.t('Strike'), withCcy(o.strike, o.quoteCcy)],
    ...indexRows(o, extras),
    [vscode.l10n.t('APY'), percent(o.annualizedYield)],
    figureRow(vscode.l10n.t('Yield for the term'), (f) => `${percent(o.absYield, 4)} · ${f.amount(o.yieldSz, o.yieldCcy)}`),
    [vscode.l10n.t('Expires'), time(o.expTime)],
    [vscode.l10n.t('Product ID'), o.productId],
  ];
  const position: Row[] = [
    [vscode.l10n.t('Order ID'), o.ordId],
    [vscode.l10n.t('State'), dualOrderStateLabel(o.state)],
    figureRow(vscode.l10n.t('Invested'), (f) => f.amount(o.notionalSz, o.notionalCcy)),
    [vscode.l10n.t('Placed'), time(o.cTime)],
    ...(o.state === 'live' && /^\d+$/.test(o.redeemEndTime) ? [[vscode.l10n.t('Early redemption'), vscode.l10n.t('until {0}', time(o.redeemEndTime))] as Row] : []),
    ...(settled ? [figureRow(vscode.l10n.t('Settled at'), (f) => f.price(o.settlePx, o.quoteCcy)), figureRow(vscode.l10n.t('Paid'), (f) => `${f.amount(o.settleSz, o.settleCcy)} · ${time(o.settleTime)}`)] : []),
  ];
  const lines = dualOutcomeLines(o);
  const sections: Section[] = [
    settled
      ? { title: vscode.l10n.t('At expiry'), lines: [vscode.l10n.t('Paid {0} (settled at {1}).', shownFigures.amount(o.settleSz, o.settleCcy), shownFigures.price(o.settlePx, o.quoteCcy))] }
      : { title: vscode.l10n.t('At expiry, either way'), lines, note: vscode.l10n.t('The index price at expiry decides which: principal and yield are paid in one currency or the other.') },
  ];
  return {
    kind: 'product',
    title: dualTitle(o),
    subtitle: vscode.l10n.t('Dual Investment order · {0} · expires {1}', dualOrderStateLabel(o.state), time(o.expTime)),
    facts,
    position,
    sections,
    actions: o.state === 'live' ? ['redeem'] : [],
    actionLabels: { redeem: vscode.l10n.t('Redeem Early…') },
    error,
  };
}

function dualProductState(p: DualProduct, gone: boolean, own: readonly DualOrder[], extras: MoreEarnExtras, typed: string | undefined): Page {
  const facts: Row[] = [
    [vscode.l10n.t('Pair'), `${p.baseCcy}/${p.quoteCcy}`],
    [vscode.l10n.t('Direction'), dualDirectionLabel(p)],
    [vscode.l10n.t('Strike'), withCcy(p.strike, p.quoteCcy)],
    ...indexRows(p, extras),
    [vscode.l10n.t('APY'), percent(p.annualizedYield)],
    [vscode.l10n.t('Yield for the term'), percent(p.absYield, 4)],
    figureRow(vscode.l10n.t('Invest'), (f) => vscode.l10n.t('{0} to {1}, in steps of {2}', f.amount(p.minSize, p.notionalCcy), f.amount(p.maxSize, p.notionalCcy), f.plain(p.stepSz))),
    [vscode.l10n.t('Expires'), time(p.expTime)],
    [vscode.l10n.t('Can be bought until'), time(p.tradeEndTime)],
    [vscode.l10n.t('Product ID'), p.productId],
  ];
  const position: Row[] = own.map((o): Row => figureRow(vscode.l10n.t('Order {0} · {1}', o.ordId, dualOrderStateLabel(o.state)), (f) => f.amount(o.notionalSz, o.notionalCcy)));
  // The outcomes for what the user typed, else for the minimum size.
  // Within the product's limits, and written as the Buy prompt takes it (no thousands separators, the
  // currency's decimals), so the page never previews an amount the purchase would refuse.
  const limits = typed === undefined || typed.trim() === '' ? undefined : checkAmount(typed, p);
  const asPrompt = limits?.ok === true && typed !== undefined ? checkAsPrompt(typed, { ccy: p.notionalCcy }) : undefined;
  const check = asPrompt?.ok === false ? undefined : limits;
  const size = check?.ok === true ? check.amount : p.minSize;
  const problem =
    asPrompt !== undefined && !asPrompt.ok ? vscode.l10n.t(asPrompt.problem.template, { ...asPrompt.problem.args })
    : check === undefined || check.ok ? ''
    : check.problem === 'notNumber' ? vscode.l10n.t('Type an amount in {0}, such as {1}.', p.notionalCcy, p.minSize)
    : check.problem === 'notPositive' ? vscode.l10n.t('The amount must be more than 0.')
    : check.problem === 'belowMin' ? vscode.l10n.t('The minimum is {0}.', withCcy(p.minSize, p.notionalCcy))
    : check.problem === 'aboveMax' ? vscode.l10n.t('The maximum is {0}.', withCcy(p.maxSize, p.notionalCcy))
    : vscode.l10n.t('The amount must be a whole number of steps of {0}.', withCcy(p.stepSz, p.notionalCcy));
  const terms = { baseCcy: p.baseCcy, quoteCcy: p.quoteCcy, strike: p.strike, notionalSz: size, notionalCcy: p.notionalCcy, absYield: p.absYield };
  const outcomes = dualOutcomes(terms);
  const sections: Section[] = [
    {
      title: vscode.l10n.t('At expiry, for {0}', withCcy(size, p.notionalCcy)),
      lines: [
        ...(outcomes === undefined ? [] : [vscode.l10n.t('Yield for the term: {0}, paid either way.', withCcy(outcomes.yield.amt, outcomes.yield.ccy))]),
        ...dualOutcomeLines(terms),
      ],
      note: vscode.l10n.t("These figures use the product's current yield; buying asks OKX for a quote, which may differ."),
    },
  ];
  const subtitle = gone ? vscode.l10n.t('Dual Investment product · no longer on offer') : vscode.l10n.t('Dual Investment product on offer · expires {0}', time(p.expTime));
  return {
    kind: 'product',
    title: dualTitle(p),
    subtitle,
    facts,
    position,
    sections,
    amount: {
      label: vscode.l10n.t('Amount to invest ({0})', p.notionalCcy),
      placeholder: p.minSize,
      hint: vscode.l10n.t('From {0} to {1}, in steps of {2}. Empty: the minimum.', withCcy(p.minSize, p.notionalCcy), withCcy(p.maxSize, p.notionalCcy), p.stepSz),
      error: problem,
    },
    actions: gone ? [] : ['purchase'],
    actionLabels: { purchase: vscode.l10n.t('Buy This Product…') },
    error: gone ? vscode.l10n.t('OKX no longer offers this product: its figures are as they were when it was listed.') : undefined,
  };
}

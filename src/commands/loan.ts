/**
 * Flexible loans, per loan order (OKX keeps several per account since 2026): borrow (a new order, or more on
 * one), repay (in part or in full; OKX settles it asynchronously, so the result is confirmed from loan-info),
 * add or take back collateral, and the maximum loan. Every request names its order (`ordId`) once the order
 * is known; borrow and repay carry one client order id per user action.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import { errorText } from '../messages';
import type { OkxClient } from '../okx/client';
import type { CurrencyAmount, LoanInfo } from '../okx/types';
import { displayDecimals } from '../portfolio/format';
import { usdPrices } from '../portfolio/prices';
import { borrowedCcys, byRisk, loanKey, ltvAfter, ltvLevel, orderParam } from '../portfolio/risk';
import { readSettings } from '../settings';
import { clientOrderId } from '../validation';
import { loanName } from '../views/loanLabels';
import { ltvSummary } from '../views/loansView';
import { ltv as ltvText, percent, usd, withCcy } from '../views/nodes';
import { borrowCostLine, borrowCostRows, lastChargedRate, type ChargedRate } from './borrowTerms';
import { oneAtATime } from './flowGuard';
import { LOAN_KEY_LIFE_MS, loanKeys, loanRecordIds } from './loanLookups';
import { confirmRepayment } from './repaySettlement';
import { requireClient, runMoneyAction, type FlowContext } from './moneyAction';
import { areaData, askAmount, payloadOf, pick } from './prompts';
import { ui } from './ui';

const showLoan = (loan: LoanInfo | string): vscode.Command => ({
  command: 'okxEarn.revealLoan',
  title: vscode.l10n.t('Show Loan'),
  arguments: [typeof loan === 'string' ? loan : loanKey(loan)],
});

function describeLtv(loan: LoanInfo, ltv: string | undefined): string {
  if (ltv === undefined) return vscode.l10n.t('not known (no price for this currency)');
  const level = ltvLevel({ ...loan, curLTV: ltv }, readSettings().ltvWarningDistance);
  const note =
    level === 'safe' ? '' : level === 'warning' ? vscode.l10n.t(' (near margin call)') : level === 'marginCall' ? vscode.l10n.t(' (over margin call)') : vscode.l10n.t(' (at liquidation)');
  return `${ltvText(ltv)}${note}`;
}

/** "LTV after: 58.2%" as an amount of collateral is typed (added: +1, taken back: −1), at the price used for the confirmation. */
function ltvPreview(loan: LoanInfo, price: string | undefined, sign: 1 | -1): ((amt: string) => string | undefined) | undefined {
  if (price === undefined) return undefined;
  return (amt) => vscode.l10n.t('LTV after: {0}.', describeLtv(loan, ltvAfter(loan, amt, price, sign)));
}

/** The account's loan orders as they are now (read afresh), or undefined when they cannot be read. */
async function currentLoans(context: FlowContext): Promise<LoanInfo[] | undefined> {
  return (await areaData(context.portfolio, 'loans'))?.loans;
}

/**
 * The order a command is about, as it is now: the tree item's or panel's (looked up again by its id), the only
 * one, or one picked, riskiest first.
 */
async function chooseLoan(context: FlowContext, arg: unknown, title: string): Promise<{ loan: LoanInfo; all: LoanInfo[] } | undefined> {
  const all = await currentLoans(context);
  if (all === undefined) return undefined;
  const given = payloadOf(arg, 'loan')?.loan ?? payloadOf(arg, 'collateral')?.loan;
  if (given !== undefined) {
    const loan = all.find((l) => loanKey(l) === loanKey(given));
    if (loan === undefined) {
      void ui.warn(
        vscode.l10n.t('Loan order {0} no longer exists: it was repaid in full or liquidated. The Loans view shows your current orders.', given.ordId || borrowedCcys(given)),
      );
      return undefined;
    }
    return { loan, all };
  }
  if (all.length === 1 && all[0] !== undefined) return { loan: all[0], all };
  const ranked = byRisk(all, readSettings().ltvWarningDistance).map((r) => r.loan);
  const loan = await pick(title, ranked, (l) => ({ label: loanName(l, all), description: ltvSummary(l), detail: orderDetail(l) }), vscode.l10n.t('You have no flexible loan.'));
  return loan === undefined ? undefined : { loan, all };
}

function orderDetail(loan: LoanInfo): string {
  return vscode.l10n.t('Order {0}: borrowed {1}; collateral {2}', loan.ordId, loan.loanData.map((l) => withCcy(l.amt, l.ccy)).join(' + '), loan.collateralData.map((c) => withCcy(c.amt, c.ccy)).join(', '));
}

/** USD per unit of `ccy`: OKX's index price, or the order's own figures where they tell it. */
async function priceOf(client: OkxClient, loan: LoanInfo | undefined, ccy: string): Promise<string | undefined> {
  try {
    const price = (await usdPrices(client)).get(ccy);
    if (price !== undefined) return price;
  } catch {
    // fall through to the order's own figures
  }
  if (loan === undefined) return undefined;
  const line = loan.loanData.find((l) => l.ccy === ccy);
  if (loan.loanData.length === 1 && line !== undefined && D.isPositive(line.amt) && D.isPlainDecimal(loan.loanNotionalUsd)) return D.div(loan.loanNotionalUsd, line.amt, 8);
  const [only] = loan.collateralData;
  if (loan.collateralData.length === 1 && only?.ccy === ccy && D.isPositive(only.amt)) return D.div(loan.collateralNotionalUsd, only.amt, 8);
  return undefined;
}


// ------------------------------------------------------------------ collateral

/** Adding or taking back collateral on one order: confirmed with the LTV it leads to, looked up in that order's history. */
function collateralAction(context: FlowContext, loan: LoanInfo, all: readonly LoanInfo[], type: 'add' | 'reduce', ccy: string, amt: string, after: string | undefined, maxRedeem?: string): Promise<boolean> {
  const add = type === 'add';
  const amount = withCcy(amt, ccy);
  const name = loanName(loan, all);
  const params: Record<string, string> = { ordId: loan.ordId, type: add ? 'collateral_locked' : 'collateral_released', ccy, amt, label: add ? vscode.l10n.t('locked as collateral') : vscode.l10n.t('released from collateral') };
  return runMoneyAction(context, {
    what: add ? vscode.l10n.t('adding {0} of collateral to {1}', amount, name) : vscode.l10n.t('taking back {0} of collateral from {1}', amount, name),
    question: add ? vscode.l10n.t('Add {0} as collateral to {1}?', amount, name) : vscode.l10n.t('Take {0} of collateral back from {1}?', amount, name),
    verb: add ? vscode.l10n.t('Add Collateral') : vscode.l10n.t('Reduce Collateral'),
    rows: [
      [vscode.l10n.t('Loan order'), `${borrowedCcys(loan)} · ${loan.ordId}`],
      [add ? vscode.l10n.t('Collateral to add') : vscode.l10n.t('Collateral to take back'), amount],
      ...(maxRedeem === undefined ? [] : [[vscode.l10n.t('Most that can be taken back'), withCcy(maxRedeem, ccy)] as const]),
      [vscode.l10n.t('LTV now'), ltvText(loan.curLTV)],
      [vscode.l10n.t('LTV after'), describeLtv(loan, after)],
      [vscode.l10n.t('Margin call / liquidation at'), `${percent(loan.marginCallLTV)} / ${percent(loan.liqLTV)}`],
    ],
    amount: { value: amt, ccy },
    send: async (c) => {
      params.before = await loanRecordIds(c, loan.ordId, add ? 'collateral_locked' : 'collateral_released').catch(() => '');
      return c.loan.adjustCollateral({ type, collateralCcy: ccy, collateralAmt: amt, ...orderParam(loan) });
    },
    done: () => (add ? vscode.l10n.t('{0} added as collateral to {1}.', amount, name) : vscode.l10n.t('{0} of collateral from {1} returned to your funding account.', amount, name)),
    lookup: { kind: 'loan.record', params },
    refresh: ['loans'],
    histories: ['loan'],
    show: showLoan(loan),
  });
}

async function addCollateralFlow(context: FlowContext, arg?: unknown): Promise<boolean> {
  const client = requireClient(context);
  if (client === undefined) return false;
  const chosen = await chooseLoan(context, arg, vscode.l10n.t('Add collateral to which loan order?'));
  if (chosen === undefined) return false;
  const { loan, all } = chosen;
  // What the funding account holds that this order takes as collateral (E-Mode orders: their pair's only).
  const [assets] = await client.loan.collateralAssets(orderParam(loan));
  const eligible = (assets?.assets ?? []).filter((a) => D.isPlainDecimal(a.amt) && D.isPositive(a.amt));
  const preset = payloadOf(arg, 'collateral')?.ccy;
  const asset =
    eligible.find((a) => a.ccy === preset) ??
    (await pick(
      vscode.l10n.t('Add which collateral to {0}?', loanName(loan, all)),
      eligible,
      (a) => ({ label: a.ccy, description: vscode.l10n.t('{0} in your funding account ({1})', withCcy(a.amt, a.ccy), usd(a.notionalUsd)) }),
      vscode.l10n.t('Your funding account holds nothing that this loan order can take as collateral.'),
      'collateralCcy',
    ));
  if (asset === undefined) return false;
  const ccy = asset.ccy;
  const price = D.isPlainDecimal(asset.notionalUsd) ? D.div(asset.notionalUsd, asset.amt, 8) : undefined;
  const amt = await askAmount(
    vscode.l10n.t('Add {0} collateral to {1}', ccy, loanName(loan, all)),
    vscode.l10n.t("Amount of {0} to add; you have {1} in your funding account. The order's LTV is {2} now.", ccy, withCcy(asset.amt, ccy), ltvText(loan.curLTV)),
    { ccy, available: asset.amt, availableWhere: vscode.l10n.t('in your funding account') },
    'amount',
    { preview: ltvPreview(loan, price, 1) },
  );
  if (amt === undefined) return false;
  const after = price === undefined ? undefined : ltvAfter(loan, amt, price, 1);
  return collateralAction(context, loan, all, 'add', ccy, amt, after);
}

async function reduceCollateralFlow(context: FlowContext, arg?: unknown): Promise<boolean> {
  const client = requireClient(context);
  if (client === undefined) return false;
  const chosen = await chooseLoan(context, arg, vscode.l10n.t('Take collateral back from which loan order?'));
  if (chosen === undefined) return false;
  const { loan, all } = chosen;
  const preset = payloadOf(arg, 'collateral')?.ccy;
  const held =
    loan.collateralData.find((c) => c.ccy === preset) ??
    (await pick(vscode.l10n.t('Take back which collateral?'), loan.collateralData, (c) => ({ label: c.ccy, description: withCcy(c.amt, c.ccy) }), vscode.l10n.t('This loan order has no collateral.'), 'collateralCcy'));
  if (held === undefined) return false;
  const ccy = held.ccy;
  const [max] = await client.loan.maxCollateralRedeem({ ccy, ...orderParam(loan) });
  const maxRedeem = max?.maxRedeemAmt ?? '0';
  if (!D.isPlainDecimal(maxRedeem) || !D.isPositive(maxRedeem)) {
    void ui.warn(
      vscode.l10n.t("No {0} can be taken back from {1} now: its LTV ({2}) would rise above what OKX allows. Add collateral or repay first.", ccy, loanName(loan, all), ltvText(loan.curLTV)),
    );
    return false;
  }
  const price = await priceOf(client, loan, ccy);
  const amt = await askAmount(
    vscode.l10n.t('Take {0} collateral back from {1}', ccy, loanName(loan, all)),
    vscode.l10n.t("Amount of {0} to take back to your funding account; at most {1} (OKX's limit for this order now).", ccy, withCcy(maxRedeem, ccy)),
    { ccy, available: maxRedeem, availableWhere: vscode.l10n.t('to take back now') },
    'amount',
    { preview: ltvPreview(loan, price, -1), availableMeans: vscode.l10n.t("OKX's limit for this order now") },
  );
  if (amt === undefined) return false;
  const after = price === undefined ? undefined : ltvAfter(loan, amt, price, -1);
  return collateralAction(context, loan, all, 'reduce', ccy, amt, after, maxRedeem);
}

// ------------------------------------------------------------------ maximum loan

/** Not money-moving: how much more an order could borrow, optionally with supplementary collateral. */
export async function maxLoan(context: FlowContext, arg?: unknown): Promise<void> {
  const client = requireClient(context);
  if (client === undefined) return;
  const chosen = await chooseLoan(context, arg, vscode.l10n.t('Maximum loan of which loan order?'));
  if (chosen === undefined) return;
  const { loan, all } = chosen;
  const borrowCcy = await pick(vscode.l10n.t('Maximum loan in which currency?'), loan.loanData.map((l) => l.ccy), (c) => ({ label: c }), vscode.l10n.t('This loan order borrows nothing.'));
  if (borrowCcy === undefined) return;
  const none = vscode.l10n.t('No supplementary collateral');
  const [assets] = await client.loan.collateralAssets(orderParam(loan));
  const options = [none, ...(assets?.assets ?? []).map((a) => a.ccy)];
  const sup = await pick(vscode.l10n.t('With supplementary collateral?'), options, (c) => ({ label: c }), '');
  if (sup === undefined) return;
  let supCollateral: CurrencyAmount[] | undefined;
  if (sup !== none) {
    const amt = await askAmount(vscode.l10n.t('Supplementary {0} collateral', sup), vscode.l10n.t('Amount of {0} you would add as collateral.', sup), { ccy: sup });
    if (amt === undefined) return;
    supCollateral = [{ ccy: sup, amt }];
  }
  try {
    const [result] = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Asking OKX for the maximum loan…') },
      () => client.loan.maxLoan({ borrowCcy, ...orderParam(loan), ...(supCollateral === undefined ? {} : { supCollateral }) }),
    );
    if (result === undefined) return;
    const extra = supCollateral === undefined ? '' : vscode.l10n.t(' with {0} more collateral', withCcy(supCollateral[0]?.amt ?? '', sup));
    void ui.info(
      D.isPlainDecimal(result.maxLoan) && D.isPositive(result.maxLoan)
        ? vscode.l10n.t('{0} can borrow up to {1} more ({2}){3}. Remaining quota: {4}.', loanName(loan, all), withCcy(result.maxLoan, borrowCcy), usd(result.notionalUsd), extra, withCcy(result.remainingQuota, borrowCcy))
        : vscode.l10n.t('{0} cannot borrow more {1}{2} now: it is at the most OKX lends against its collateral. Add collateral first.', loanName(loan, all), borrowCcy, extra),
    );
  } catch (error) {
    void ui.error(errorText(error));
  }
}

// ------------------------------------------------------------------ borrow

interface BorrowPlan {
  /** Adding to this order, or opening a new one. */
  readonly order: LoanInfo | undefined;
  readonly all: readonly LoanInfo[];
  readonly ccy: string;
  readonly amt: string;
  readonly collateral: readonly CurrencyAmount[];
  readonly eMode: boolean;
  readonly ltvAfter: string | undefined;
  readonly maxLoan: string | undefined;
  /** The latest rate charged for borrowing it (./borrowTerms). */
  readonly rate: ChargedRate | undefined;
}

/** The currencies and amounts of a new order's collateral, from the funding account (E-Mode: its pair's only). */
async function askNewCollateral(client: OkxClient, borrowCcy: string, emodeCollateral: readonly string[] | undefined): Promise<CurrencyAmount[] | undefined> {
  const funding = await client.account.fundingBalances();
  const candidates = funding.filter(
    (b) => b.ccy !== borrowCcy && D.isPlainDecimal(b.availBal) && D.isPositive(b.availBal) && (emodeCollateral === undefined || emodeCollateral.includes(b.ccy)),
  );
  const chosen: CurrencyAmount[] = [];
  for (let step = 1; step <= 10; step++) {
    const left = candidates.filter((c) => !chosen.some((x) => x.ccy === c.ccy));
    const balance = await pick(
      vscode.l10n.t('Collateral {0} for the new {1} loan order', String(step), borrowCcy),
      left,
      (b) => ({ label: b.ccy, description: vscode.l10n.t('{0} available in your funding account', withCcy(b.availBal, b.ccy)) }),
      emodeCollateral === undefined
        ? vscode.l10n.t('Your funding account holds nothing to pledge as collateral.')
        : vscode.l10n.t('Your funding account holds none of the E-Mode collateral for {0} ({1}).', borrowCcy, emodeCollateral.join(', ')),
      'collateralCcy',
    );
    if (balance === undefined) return undefined;
    const amt = await askAmount(
      vscode.l10n.t('Collateral: {0}', balance.ccy),
      vscode.l10n.t('Amount of {0} to pledge; you have {1} available in your funding account.', balance.ccy, withCcy(balance.availBal, balance.ccy)),
      { ccy: balance.ccy, available: balance.availBal, availableWhere: vscode.l10n.t('in your funding account') },
      'collateralAmount',
    );
    if (amt === undefined) return undefined;
    chosen.push({ ccy: balance.ccy, amt });
    if (left.length <= 1 || step === 10) break;
    const done = { label: vscode.l10n.t('Continue with this collateral') };
    const more = { label: vscode.l10n.t('Add another collateral currency') };
    const next = await ui.quickPick('moreCollateral', [done, more], { title: chosen.map((c) => withCcy(c.amt, c.ccy)).join(', '), ignoreFocusOut: true }, (item, answer) => (answer === 'yes' ? item === more : item === done));
    if (next === undefined) return undefined;
    if (next === done) break;
  }
  return chosen;
}

/** Asks what to borrow: on which order (or a new one), which currency, how much, against what. */
async function planBorrow(context: FlowContext, client: OkxClient, arg: unknown): Promise<BorrowPlan | undefined> {
  const all = await currentLoans(context);
  if (all === undefined) return undefined;
  const given = payloadOf(arg, 'loan')?.loan ?? payloadOf(arg, 'collateral')?.loan;
  let order: LoanInfo | undefined;
  if (given !== undefined) {
    order = all.find((l) => loanKey(l) === loanKey(given));
    if (order === undefined) {
      void ui.warn(vscode.l10n.t('Loan order {0} no longer exists: it was repaid in full or liquidated. The Loans view shows your current orders.', given.ordId || borrowedCcys(given)));
      return undefined;
    }
  } else if (all.length > 0) {
    const fresh: { label: string; description: string; loan: LoanInfo | undefined } = { label: vscode.l10n.t('$(add) New loan order…'), description: vscode.l10n.t('borrow against new collateral'), loan: undefined };
    const picked = await ui.quickPick(
      'ordId',
      [fresh, ...all.map((l) => ({ label: vscode.l10n.t('Borrow more on {0}', loanName(l, all)), description: ltvSummary(l), loan: l }))],
      { title: vscode.l10n.t('Borrow on which loan order?'), ignoreFocusOut: true },
      (item, answer) => (answer === 'new' ? item.loan === undefined : item.loan?.ordId === answer),
    );
    if (picked === undefined) return undefined;
    order = picked.loan;
  }

  if (order !== undefined) {
    const ccy = await pick(vscode.l10n.t('Borrow which currency?'), order.loanData.map((l) => l.ccy), (c) => ({ label: c }), vscode.l10n.t('This loan order borrows nothing.'), 'ccy');
    if (ccy === undefined) return undefined;
    const [max] = await client.loan.maxLoan({ borrowCcy: ccy, ...orderParam(order) });
    const maxLoan = max?.maxLoan ?? '0';
    if (!D.isPlainDecimal(maxLoan) || !D.isPositive(maxLoan)) {
      void ui.warn(
        vscode.l10n.t('Nothing more can be borrowed on {0} now: it is at the most OKX lends against its collateral (LTV {1}). Add collateral first.', loanName(order, all), ltvText(order.curLTV)),
      );
      return undefined;
    }
    const rate = await lastChargedRate(client, ccy, order.ordId);
    const amt = await askAmount(
      vscode.l10n.t('Borrow more {0} on {1}', ccy, loanName(order, all)),
      `${vscode.l10n.t("Amount of {0} to borrow; at most {1} (OKX's limit for this order now). The order's LTV is {2} now.", ccy, withCcy(maxLoan, ccy), ltvText(order.curLTV))} ${borrowCostLine(rate, ccy)}`,
      { ccy, available: maxLoan, availableWhere: vscode.l10n.t('to borrow on this order now') },
      'amount',
      { availableMeans: vscode.l10n.t("OKX's limit for this order now") },
    );
    if (amt === undefined) return undefined;
    const price = await priceOf(client, order, ccy);
    const ltv =
      price === undefined || !D.isPlainDecimal(order.collateralNotionalUsd) || !D.isPositive(order.collateralNotionalUsd)
        ? undefined
        : D.div(D.add(order.loanNotionalUsd, D.mul(amt, price)), order.collateralNotionalUsd, 4);
    return { order, all, ccy, amt, collateral: [], eMode: false, ltvAfter: ltv, maxLoan, rate };
  }

  // A new order: the currency, E-Mode where OKX lists the pair, the collateral, then the amount.
  const currencies = (await client.loan.borrowCurrencies()).map((b) => b.borrowCcy).filter((c) => typeof c === 'string' && c !== '');
  const ccy = await pick(vscode.l10n.t('Borrow which currency?'), currencies, (c) => ({ label: c }), vscode.l10n.t('OKX offers no currency to borrow.'), 'ccy');
  if (ccy === undefined) return undefined;
  const pairs = (await client.loan.emodeInfo()).filter((p) => p.borrowCcy === ccy).map((p) => p.collateralCcy);
  let eMode = false;
  if (pairs.length > 0) {
    const standard = { label: vscode.l10n.t('Standard'), description: vscode.l10n.t('any collateral OKX accepts'), eMode: false };
    const emode = { label: vscode.l10n.t('E-Mode'), description: vscode.l10n.t('collateral {0} only, with higher LTV limits', pairs.join(', ')), eMode: true };
    const mode = await ui.quickPick('eMode', [standard, emode], { title: vscode.l10n.t('Standard or E-Mode order?'), ignoreFocusOut: true }, (item, answer) => item.eMode === (answer === 'true'));
    if (mode === undefined) return undefined;
    eMode = mode.eMode;
  }
  const collateral = await askNewCollateral(client, ccy, eMode ? pairs : undefined);
  if (collateral === undefined || collateral.length === 0) return undefined;
  const rate = await lastChargedRate(client, ccy, undefined);
  const amt = await askAmount(
    vscode.l10n.t('Borrow {0}', ccy),
    `${vscode.l10n.t('Amount of {0} to borrow against {1}. OKX refuses an amount above the most it lends against that collateral.', ccy, collateral.map((c) => withCcy(c.amt, c.ccy)).join(', '))} ${borrowCostLine(rate, ccy)}`,
    { ccy },
  );
  if (amt === undefined) return undefined;
  let ltv: string | undefined;
  try {
    const prices = await usdPrices(client);
    const priced = collateral.flatMap((c) => {
      const price = prices.get(c.ccy);
      return price === undefined ? [] : [D.mul(c.amt, price)];
    });
    const loanPrice = prices.get(ccy);
    if (loanPrice !== undefined && priced.length === collateral.length) {
      const total = D.sum(priced);
      ltv = D.isPositive(total) ? D.div(D.mul(amt, loanPrice), total, 4) : undefined;
    }
  } catch {
    ltv = undefined;
  }
  return { order: undefined, all, ccy, amt, collateral, eMode, ltvAfter: ltv, maxLoan: undefined, rate };
}

async function borrowFlow(context: FlowContext, arg?: unknown): Promise<boolean> {
  const client = requireClient(context);
  if (client === undefined) return false;
  const plan = await planBorrow(context, client, arg);
  if (plan === undefined) return false;
  const { order, all, ccy, amt, collateral, eMode } = plan;
  const amount = withCcy(amt, ccy);
  const clOrdId = clientOrderId();
  const collateralText = collateral.map((c) => withCcy(c.amt, c.ccy)).join(', ');
  const name = order === undefined ? vscode.l10n.t('a new {0} loan order', ccy) : loanName(order, all);
  const params: Record<string, string> = { ordId: order?.ordId ?? '', type: 'borrowed', ccy, amt, label: vscode.l10n.t('borrowed') };
  return runMoneyAction(context, {
    what: vscode.l10n.t('borrowing {0} on {1}', amount, name),
    question: order === undefined ? vscode.l10n.t('Borrow {0} against {1} in a new loan order?', amount, collateralText) : vscode.l10n.t('Borrow {0} more on {1}?', amount, name),
    verb: vscode.l10n.t('Borrow'),
    rows: [
      [vscode.l10n.t('Loan order'), order === undefined ? vscode.l10n.t('new') : `${borrowedCcys(order)} · ${order.ordId}`],
      [vscode.l10n.t('Borrow'), amount],
      ...(plan.maxLoan === undefined ? [] : [[vscode.l10n.t('Most that can be borrowed on it now'), withCcy(D.roundDown(plan.maxLoan, displayDecimals(ccy)), ccy)] as const]),
      ...(collateral.length === 0 ? [] : [[vscode.l10n.t('Collateral to pledge'), collateralText] as const]),
      ...(order === undefined ? [[vscode.l10n.t('Mode'), eMode ? vscode.l10n.t('E-Mode') : vscode.l10n.t('Standard')] as const] : []),
      ...(order === undefined ? [] : [[vscode.l10n.t('LTV now'), ltvText(order.curLTV)] as const]),
      [vscode.l10n.t('LTV after'), order === undefined ? (plan.ltvAfter === undefined ? vscode.l10n.t('not known (no price for a currency)') : vscode.l10n.t('about {0} at index prices', ltvText(plan.ltvAfter))) : describeLtv(order, plan.ltvAfter)],
      ...(order === undefined ? [] : [[vscode.l10n.t('Margin call / liquidation at'), `${percent(order.marginCallLTV)} / ${percent(order.liqLTV)}`] as const]),
      ...borrowCostRows(plan.rate, ccy),
    ],
    amount: { value: amt, ccy },
    send: async (c) => {
      // For a look-up after a lost answer: what was there before.
      params.before = await (order === undefined ? loanKeys(c) : loanRecordIds(c, order.ordId, 'borrowed')).catch(() => '');
      return c.loan.borrow({
        ...(order === undefined ? { eMode: eMode ? '1' : '0' } : orderParam(order)),
        loanData: { ccy, amt },
        ...(collateral.length === 0 ? {} : { collateralData: collateral.map((x) => ({ ...x })) }),
        clOrdId,
      });
    },
    ack: ([ack]) => (ack === undefined || typeof ack.ordId !== 'string' || ack.ordId === '' ? { state: 'unknown', detail: vscode.l10n.t('no order id') } : undefined),
    done: ([ack]) => vscode.l10n.t('Borrowed {0} on loan order {1}; it is in your funding account.', amount, ack?.ordId ?? order?.ordId ?? ''),
    // OKX's loan history and loan-info carry no client order id: what is found is only probable.
    lookup: { kind: order === undefined ? 'loan.newOrder' : 'loan.record', params },
    key: vscode.l10n.t('client order id {0}', clOrdId),
    sameKeyUntil: (sent) => sent.sentAt + LOAN_KEY_LIFE_MS,
    refresh: ['loans'],
    histories: ['loan', 'interest'],
    show: ([ack]) => showLoan(ack?.ordId ?? (order === undefined ? '' : loanKey(order))),
  });
}

// ------------------------------------------------------------------ repay

async function repayFlow(context: FlowContext, arg?: unknown): Promise<boolean> {
  const client = requireClient(context);
  if (client === undefined) return false;
  const chosen = await chooseLoan(context, arg, vscode.l10n.t('Repay which loan order?'));
  if (chosen === undefined) return false;
  const { loan, all } = chosen;
  const name = loanName(loan, all);
  if (loan.ordId === undefined || loan.ordId === '') {
    void ui.error(vscode.l10n.t('OKX gave this loan no order id, so it cannot be repaid from here. Repay it on OKX.'));
    return false;
  }
  const line = await pick(
    vscode.l10n.t('Repay which currency?'),
    loan.loanData.filter((l) => D.isPlainDecimal(l.amt) && D.isPositive(l.amt)),
    (l) => ({ label: l.ccy, description: vscode.l10n.t('owes {0}', withCcy(l.amt, l.ccy)) }),
    vscode.l10n.t('{0} owes nothing.', name),
    'ccy',
  );
  if (line === undefined) return false;
  const { ccy, amt: owed } = line;
  const [balance] = await client.account.fundingBalances({ ccy });
  const available = balance !== undefined && D.isPlainDecimal(balance.availBal) ? balance.availBal : '0';
  if (!D.isPositive(available)) {
    void ui.warn(vscode.l10n.t('Your funding account has no {0} to repay {1} with. Transfer some to it on OKX first.', ccy, name));
    return false;
  }
  const amt = await askAmount(
    vscode.l10n.t('Repay {0} on {1}', ccy, name),
    vscode.l10n.t('It owes {0}; your funding account has {1} available. Repaying all it owes closes the order and returns its collateral.', withCcy(owed, ccy), withCcy(available, ccy)),
    // In the currency's own precision, as every prompt; what is owed, as OKX states it, in full (to close the order).
    { ccy, owed, available, availableWhere: vscode.l10n.t('in your funding account'), whole: owed },
  );
  if (amt === undefined) return false;
  const amount = withCcy(amt, ccy);
  const repaysAll = D.cmp(amt, owed) === 0;
  const price = await priceOf(client, loan, ccy);
  const after =
    repaysAll || price === undefined || !D.isPlainDecimal(loan.collateralNotionalUsd) || !D.isPositive(loan.collateralNotionalUsd)
      ? undefined
      : D.div(D.max('0', D.sub(loan.loanNotionalUsd, D.mul(amt, price))), loan.collateralNotionalUsd, 4);
  const clOrdId = clientOrderId();
  const params: Record<string, string> = { ordId: loan.ordId, type: 'repaid', ccy, amt, label: vscode.l10n.t('repaid') };
  return runMoneyAction(context, {
    what: vscode.l10n.t('repaying {0} on {1}', amount, name),
    question: repaysAll ? vscode.l10n.t('Repay all {0} that {1} owes, and close it?', amount, name) : vscode.l10n.t('Repay {0} of {1}?', amount, name),
    verb: vscode.l10n.t('Repay'),
    rows: [
      [vscode.l10n.t('Loan order'), `${borrowedCcys(loan)} · ${loan.ordId}`],
      [vscode.l10n.t('Repay'), amount],
      [vscode.l10n.t('Owed now'), withCcy(owed, ccy)],
      [vscode.l10n.t('Owed after'), repaysAll ? vscode.l10n.t('nothing: the order closes and its collateral returns to your funding account') : withCcy(D.sub(owed, amt), ccy)],
      [vscode.l10n.t('From your funding account'), vscode.l10n.t('{0} available', withCcy(available, ccy))],
      [vscode.l10n.t('LTV now'), ltvText(loan.curLTV)],
      ...(repaysAll ? [] : [[vscode.l10n.t('LTV after'), describeLtv(loan, after)] as const]),
    ],
    amount: { value: amt, ccy },
    send: async (c) => {
      params.before = await loanRecordIds(c, loan.ordId, 'repaid').catch(() => '');
      return c.loan.repay({ ordId: loan.ordId, ccy, amt, clOrdId });
    },
    ack: ([ack]) => (ack === undefined || ack.ordId !== loan.ordId ? { state: 'unknown', detail: vscode.l10n.t('no order id') } : undefined),
    done: () => vscode.l10n.t('OKX accepted the repayment of {0} on {1}.', amount, name),
    // OKX settles a repayment after accepting it: the result is what loan-info shows afterwards.
    settle: (c) => confirmRepayment(c, loan, ccy, owed, amount, name),
    // By a record that was not there before it was sent, never by an amount alone (an identical repayment a
    // moment earlier is not this one); certain only through the client order id, within OKX's 60 s.
    lookup: { kind: 'loan.record', params },
    key: vscode.l10n.t('client order id {0}', clOrdId),
    sameKeyUntil: (sent) => sent.sentAt + LOAN_KEY_LIFE_MS,
    refresh: ['loans'],
    histories: ['loan', 'interest'],
    show: showLoan(loan),
  });
}

export const borrow = oneAtATime('loan.borrow', borrowFlow);
export const repay = oneAtATime('loan.repay', repayFlow);
export const addCollateral = oneAtATime('loan.addCollateral', addCollateralFlow);
export const reduceCollateral = oneAtATime('loan.reduceCollateral', reduceCollateralFlow);

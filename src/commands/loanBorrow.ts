/**
 * Borrowing (a new loan order against collateral from the funding account, or more on one) and the maximum
 * loan. Each borrow carries one client order id per user action, kept for a resend with the same key.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import { errorText } from '../messages';
import type { OkxClient } from '../okx/client';
import type { CurrencyAmount, LoanInfo } from '../okx/types';
import { displayDecimals } from '../portfolio/format';
import { usdPrices } from '../portfolio/prices';
import { borrowedCcys, loanKey, orderParam } from '../portfolio/risk';
import { clientOrderId } from '../validation';
import { loanName } from '../views/loanLabels';
import { ltvSummary } from '../views/loansView';
import { ltv as ltvText, percent, usd, withCcy } from '../views/nodes';
import { borrowCostLine, borrowCostRows, lastChargedRate, type ChargedRate } from './borrowTerms';
import { oneAtATime } from './flowGuard';
import { LOAN_KEY_LIFE_MS, loanKeys, loanRecordIds } from './loanLookups';
import { requireClient, runMoneyAction, type FlowContext } from './moneyAction';
import { askAmount, payloadOf, pick } from './prompts';
import { ui } from './ui';
import { chooseLoan, currentLoans, describeLtv, priceOf, showLoan } from './loanOrders';

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
export const borrow = oneAtATime('loan.borrow', borrowFlow);

/**
 * The simulator's flexible loans as OKX runs them since 2026: several orders per account, each with its own
 * borrowed currency, collateral and LTV; every request that takes an optional `ordId` acts on the order with
 * the earliest start time without it; borrow and repay with OKX's client-order-id rules (kept 60 s per
 * endpoint: a completed duplicate gets 51016, one still in flight 51784); repayments that settle a few seconds
 * after they are accepted; E-Mode orders limited to their collateral/borrow pair; hourly interest; forced
 * liquidation at the liquidation LTV.
 */
import * as D from '../decimal';
import type * as T from '../okx/types';
import { page } from './paging';
import { amount, object, objects, oneOf, pageQuery, required, text, type RawParams } from './params';
import { badParam, fail } from './simError';
import { loanFigures, nextId, type SimLoanOrder, type SimLtvLimits, type SimState } from './state';

/** How long OKX keeps a client order id. */
const CLIENT_ORDER_ID_MS = 60_000;
const CLIENT_ORDER_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** The funding account, as the loans see it: collateral comes from it and goes back to it. */
export interface Funding {
  balance(ccy: string): string;
  credit(ccy: string, amt: string): void;
  debit(ccy: string, amt: string, insufficientCode: string): void;
}

export class LoanDesk {
  constructor(
    private readonly state: SimState,
    private readonly funding: Funding,
    private readonly usd: (ccy: string, now: number) => string,
  ) {}

  private get loans(): SimState['loans'] {
    return this.state.loans;
  }

  private limits(order: SimLoanOrder): SimLtvLimits {
    return order.eMode ? this.loans.emode : this.loans.standard;
  }

  private figures(order: Pick<SimLoanOrder, 'loan' | 'collateral'>, now: number): ReturnType<typeof loanFigures> {
    return loanFigures(order, (ccy) => this.usd(ccy, now));
  }

  /** The order `ordId` names, or (without one) the earliest; `none` decides what happens when there is none. */
  private orderFor<R>(p: RawParams, none: () => R): SimLoanOrder | R {
    const ordId = text(p, 'ordId');
    if (ordId !== undefined) return this.loans.orders.find((o) => o.ordId === ordId) ?? badParam('ordId');
    const earliest = [...this.loans.orders].sort((a, b) => a.createdAt - b.createdAt)[0];
    return earliest ?? none();
  }

  private borrowCcyOf(order: SimLoanOrder): string {
    return order.loan[0]?.ccy ?? '';
  }

  /** A collateral currency's checks: not the loan's, accepted, not restricted, within an E-Mode pair. */
  private checkCollateral(ccy: string, borrowCcy: string, eMode: boolean): void {
    if (ccy === borrowCcy) fail('51750', 'The collateral cannot contain assets in the currency of the loan');
    if (!this.loans.collateralCurrencies.includes(ccy)) fail('51752', `The currency ${ccy} does not support collateralization`);
    if (this.loans.restricted.includes(ccy)) fail('51755', `The currency ${ccy} operation is restricted`);
    if (eMode && !this.loans.emodePairs.some((pair) => pair.collateralCcy === ccy && pair.borrowCcy === borrowCcy)) {
      fail('51785', 'The collateral currency does not match the E-Mode pair');
    }
  }

  private record(ordId: string, type: T.LoanHistoryType, ccy: string, amt: string, now: number): void {
    this.loans.history.push({ refId: nextId(this.state), ordId, type, ccy, amt, ts: now });
  }

  /** OKX's client-order-id rule: a duplicate within 60 s is refused, with 51784 while the first is still busy. */
  private claimClientOrderId(endpoint: 'borrow' | 'repay', p: RawParams, now: number): string {
    const clOrdId = required(p, 'clOrdId');
    if (!CLIENT_ORDER_ID.test(clOrdId)) badParam('clOrdId');
    this.loans.clientOrderIds = this.loans.clientOrderIds.filter((c) => now - c.at < CLIENT_ORDER_ID_MS);
    const seen = this.loans.clientOrderIds.find((c) => c.endpoint === endpoint && c.clOrdId === clOrdId);
    if (seen !== undefined) {
      if (now < seen.busyUntil) fail('51784', 'Client order ID is being processed');
      fail('51016', 'Duplicated clOrdId');
    }
    return clOrdId;
  }

  private rememberClientOrderId(endpoint: 'borrow' | 'repay', clOrdId: string, now: number, busyUntil = now): void {
    this.loans.clientOrderIds.push({ endpoint, clOrdId, at: now, busyUntil });
  }

  // ------------------------------------------------------------------ endpoints

  borrowCurrencies(): T.BorrowCurrency[] {
    return Object.keys(this.loans.interestRate).map((borrowCcy) => ({ borrowCcy }));
  }

  /** What the funding account holds that this order could take as collateral (its pair's only, for E-Mode). */
  collateralAssets(p: RawParams, now: number): T.CollateralAssets[] {
    const ccy = text(p, 'ccy');
    const order = this.orderFor(p, () => undefined);
    if (order === undefined) return [];
    const borrowCcy = this.borrowCcyOf(order);
    const assets = this.loans.collateralCurrencies
      .filter((c) => (ccy === undefined || c === ccy) && c !== borrowCcy && !this.loans.restricted.includes(c))
      .filter((c) => !order.eMode || this.loans.emodePairs.some((pair) => pair.collateralCcy === c && pair.borrowCcy === borrowCcy))
      .filter((c) => D.isPositive(this.funding.balance(c)))
      .map((c) => ({ ccy: c, amt: this.funding.balance(c), notionalUsd: D.roundDown(D.mul(this.funding.balance(c), this.usd(c, now)), 8) }));
    return [{ assets }];
  }

  maxLoan(p: RawParams, now: number): T.MaxLoan[] {
    const borrowCcy = required(p, 'borrowCcy');
    if (this.loans.interestRate[borrowCcy] === undefined) fail('51751', `The currency ${borrowCcy} does not support borrowing`);
    const order = this.orderFor(p, () => undefined);
    const extra = p.supCollateral === undefined ? [] : objects(p, 'supCollateral', 1, 10).map((item) => ({ ccy: required(item, 'ccy'), amt: amount(item, 'amt') }));
    if (order === undefined) return [];
    for (const e of extra) this.checkCollateral(e.ccy, borrowCcy, order.eMode);
    const quota = this.loans.quota[borrowCcy] ?? '0';
    // An order borrows one currency: another cannot be added to it.
    if (borrowCcy !== this.borrowCcyOf(order)) return [{ borrowCcy, maxLoan: '0', notionalUsd: '0', remainingQuota: quota }];
    const current = this.figures(order, now);
    const collateralUsd = D.add(current.collateralUsd, D.sum(extra.map((e) => D.mul(e.amt, this.usd(e.ccy, now)))));
    const headroomUsd = D.max('0', D.sub(D.mul(collateralUsd, this.limits(order).initialLTV), current.loanUsd));
    const maxLoan = D.min(D.roundDown(D.div(headroomUsd, this.usd(borrowCcy, now)), 8), quota);
    return [{ borrowCcy, maxLoan, notionalUsd: D.roundDown(D.mul(maxLoan, this.usd(borrowCcy, now)), 8), remainingQuota: quota }];
  }

  maxCollateralRedeem(p: RawParams, now: number): T.MaxCollateralRedeem[] {
    const ccy = required(p, 'ccy');
    const order = this.orderFor(p, () => undefined);
    if (order === undefined) return [];
    return [{ ccy, maxRedeemAmt: this.maxRedeemable(order, ccy, now) }];
  }

  adjustCollateral(p: RawParams, now: number): [] {
    const type = oneOf(p, 'type', ['add', 'reduce'] as const) ?? badParam('type');
    const ccy = required(p, 'collateralCcy');
    const amt = amount(p, 'collateralAmt');
    const order = this.orderFor(p, () => fail('51063', 'No flexible loan order to adjust'));
    const borrowCcy = this.borrowCcyOf(order);
    const held = order.collateral.find((c) => c.ccy === ccy);
    const minimum = this.loans.minCollateral[ccy] ?? '0';
    if (type === 'add') {
      this.checkCollateral(ccy, borrowCcy, order.eMode);
      if (!order.loan.some((l) => D.isPositive(l.amt))) fail('51754', 'There is currently no debt, no need to increase collateral');
      if (D.lt(amt, minimum)) fail('51757', `The collateral amount should not be less than ${minimum}`);
      this.funding.debit(ccy, amt, '51008');
      if (held === undefined) order.collateral.push({ ccy, amt });
      else held.amt = D.add(held.amt, amt);
      this.record(order.ordId, 'collateral_locked', ccy, `-${amt}`, now);
    } else {
      if (held === undefined || D.isZero(held.amt)) return fail('51753', 'The collateral does not include this asset');
      if (D.gt(amt, held.amt)) fail('51758', `You can redeem at most ${held.amt} ${ccy}.`);
      const maxRedeem = this.maxRedeemable(order, ccy, now);
      if (D.gt(amt, maxRedeem)) fail('51756', 'Exceeding the maximum redeemable quantity');
      const left = D.sub(held.amt, amt);
      if (D.isPositive(left) && D.lt(left, minimum)) fail('51757', `The collateral amount should not be less than ${minimum}`);
      held.amt = left;
      order.collateral = order.collateral.filter((c) => D.isPositive(c.amt));
      this.funding.credit(ccy, amt);
      this.record(order.ordId, 'collateral_released', ccy, amt, now);
    }
    return [];
  }

  borrow(p: RawParams, now: number): T.BorrowAck[] {
    const clOrdId = this.claimClientOrderId('borrow', p, now);
    const loanData = object(p, 'loanData');
    const ccy = required(loanData, 'ccy');
    const amt = amount(loanData, 'amt');
    if (this.loans.interestRate[ccy] === undefined) fail('51751', `The currency ${ccy} does not support borrowing`);
    const ordId = text(p, 'ordId');
    const existing = ordId === undefined ? undefined : (this.loans.orders.find((o) => o.ordId === ordId) ?? badParam('ordId'));
    let eMode: boolean;
    if (existing !== undefined) {
      // E-Mode is fixed when an order is created; an order borrows one currency.
      if (p.eMode !== undefined) badParam('eMode');
      if (ccy !== this.borrowCcyOf(existing)) badParam('loanData');
      eMode = existing.eMode;
    } else {
      eMode = (oneOf(p, 'eMode', ['0', '1']) ?? '0') === '1';
    }
    const collateral =
      existing === undefined || p.collateralData !== undefined
        ? objects(p, 'collateralData', existing === undefined ? 1 : 0, 10).map((item) => ({ ccy: required(item, 'ccy'), amt: amount(item, 'amt') }))
        : [];
    if (new Set(collateral.map((c) => c.ccy)).size !== collateral.length) badParam('collateralData');
    for (const c of collateral) {
      this.checkCollateral(c.ccy, ccy, eMode);
      if (D.lt(c.amt, this.loans.minCollateral[c.ccy] ?? '0')) fail('51757', `The collateral amount should not be less than ${this.loans.minCollateral[c.ccy] ?? '0'}`);
      if (D.lt(this.funding.balance(c.ccy), c.amt)) fail('51008', `Insufficient ${c.ccy} balance`);
    }
    const quota = this.loans.quota[ccy] ?? '0';
    if (D.gt(amt, quota)) fail('51000', `The borrow amount exceeds the remaining quota of ${quota} ${ccy}`);
    // The order as it would be: its LTV may not exceed the initial LTV.
    const after = {
      loan: [{ ccy, amt: D.add(existing?.loan[0]?.amt ?? '0', amt) }],
      collateral: mergeAmounts(existing?.collateral ?? [], collateral),
    };
    const initial = (eMode ? this.loans.emode : this.loans.standard).initialLTV;
    if (D.gt(this.figures(after, now).ltv, initial)) fail('51000', `The borrow amount exceeds the maximum loan at an LTV of ${initial}`);

    for (const c of collateral) this.funding.debit(c.ccy, c.amt, '51008');
    const order: SimLoanOrder = existing ?? { ordId: nextId(this.state), eMode, createdAt: now, loan: [], collateral: [] };
    if (existing === undefined) this.loans.orders.push(order);
    order.loan = after.loan;
    order.collateral = after.collateral;
    for (const c of collateral) this.record(order.ordId, 'collateral_locked', c.ccy, `-${c.amt}`, now);
    this.funding.credit(ccy, amt);
    this.loans.quota[ccy] = D.sub(quota, amt);
    this.record(order.ordId, 'borrowed', ccy, amt, now);
    this.rememberClientOrderId('borrow', clOrdId, now);
    return [{ ordId: order.ordId, eMode: order.eMode ? '1' : '0', clOrdId }];
  }

  /** Accepted now, settled `repaySettleMs` later: loan-info shows the result then. */
  repay(p: RawParams, now: number): T.RepayAck[] {
    const clOrdId = this.claimClientOrderId('repay', p, now);
    const ordId = required(p, 'ordId');
    const order = this.loans.orders.find((o) => o.ordId === ordId) ?? badParam('ordId');
    const ccy = required(p, 'ccy');
    if (ccy !== this.borrowCcyOf(order)) badParam('ccy');
    const amt = amount(p, 'amt');
    const pending = D.sum(this.loans.repayments.filter((r) => r.ordId === ordId).map((r) => r.amt));
    const owed = D.sub(order.loan[0]?.amt ?? '0', pending);
    if (D.gt(amt, owed)) fail('51000', `The repayment exceeds the outstanding ${D.roundDown(owed, 8)} ${ccy}`);
    this.funding.debit(ccy, amt, '51008');
    const settleAt = now + this.loans.repaySettleMs;
    this.loans.repayments.push({ ordId, ccy, amt, settleAt });
    this.rememberClientOrderId('repay', clOrdId, now, settleAt);
    return [{ ordId, ccy, amt, clOrdId }];
  }

  emodeInfo(): T.EmodePair[] {
    return this.loans.emodePairs.map((pair) => ({ ...pair }));
  }

  info(p: RawParams, now: number): T.LoanInfo[] {
    const ordId = text(p, 'ordId');
    return this.loans.orders
      .filter((o) => ordId === undefined || o.ordId === ordId)
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((order) => {
        const figures = this.figures(order, now);
        const limits = this.limits(order);
        const [c] = order.collateral;
        const [l] = order.loan;
        const single = order.collateral.length === 1 && order.loan.length === 1 && c !== undefined && l !== undefined && D.isPositive(c.amt);
        // With one collateral and one loan currency: the collateral price (in the loan currency) at the liquidation LTV.
        const liqPx = single ? D.div(l.amt, D.mul(c.amt, limits.liqLTV), 4) : '';
        return {
          ordId: order.ordId,
          loanNotionalUsd: figures.loanUsd,
          loanData: order.loan.map((x) => ({ ccy: x.ccy, amt: D.roundDown(x.amt, 8) })),
          collateralNotionalUsd: figures.collateralUsd,
          collateralData: order.collateral.map((x) => ({ ccy: x.ccy, amt: x.amt })),
          riskWarningData: { instId: single ? `${c.ccy}-${l.ccy}` : '', liqPx },
          curLTV: figures.ltv,
          marginCallLTV: limits.marginCallLTV,
          liqLTV: limits.liqLTV,
        };
      });
  }

  history(p: RawParams): T.LoanHistoryRecord[] {
    const type = text(p, 'type');
    const ordId = text(p, 'ordId');
    const records = this.loans.history.filter((r) => (type === undefined || r.type === type) && (ordId === undefined || r.ordId === ordId));
    return page(records, (r) => r.refId, pageQuery(p)).map((r) => ({ refId: r.refId, type: r.type, ccy: r.ccy, amt: r.amt, ts: String(r.ts) }));
  }

  interestAccrued(p: RawParams): T.InterestAccrual[] {
    const ccy = text(p, 'ccy');
    const ordId = text(p, 'ordId');
    const records = this.loans.interest.filter((r) => (ccy === undefined || r.ccy === ccy) && (ordId === undefined || r.ordId === ordId));
    return page(records, (r) => r.refId, pageQuery(p)).map((r) => ({
      refId: r.refId, ccy: r.ccy, loan: r.loan, interest: r.interest, interestRate: r.interestRate, ts: String(r.ts),
    }));
  }

  // ------------------------------------------------------------------ rules and time

  /** How much of a collateral can go while the order's LTV stays at or under its initial LTV. */
  maxRedeemable(order: SimLoanOrder, ccy: string, now: number): string {
    const held = order.collateral.find((c) => c.ccy === ccy)?.amt ?? '0';
    if (D.isZero(held)) return '0';
    const figures = this.figures(order, now);
    if (D.isZero(figures.loanUsd)) return held;
    const neededUsd = D.div(figures.loanUsd, this.limits(order).initialLTV, 8);
    const spareUsd = D.max('0', D.sub(figures.collateralUsd, neededUsd));
    return D.min(held, D.roundDown(D.div(spareUsd, this.usd(ccy, now)), 8));
  }

  /** Hourly interest, added to each order's loan. */
  hourly(hour: number): void {
    for (const order of this.loans.orders) {
      for (const l of order.loan) {
        const rate = this.loans.interestRate[l.ccy];
        if (rate === undefined || !D.isPositive(l.amt)) continue;
        const interest = D.roundDown(D.div(D.mul(l.amt, rate), '8760'), 8);
        this.loans.interest.push({ refId: nextId(this.state), ordId: order.ordId, ccy: l.ccy, loan: D.roundDown(l.amt, 8), interest, interestRate: rate, ts: hour });
        l.amt = D.add(l.amt, interest);
      }
    }
  }

  /** Repayments due by `now` reduce their order; an order repaid in full closes and returns its collateral. */
  settle(now: number): void {
    const due = this.loans.repayments.filter((r) => r.settleAt <= now);
    if (due.length === 0) return;
    this.loans.repayments = this.loans.repayments.filter((r) => r.settleAt > now);
    for (const repayment of due) {
      const order = this.loans.orders.find((o) => o.ordId === repayment.ordId);
      const line = order?.loan.find((l) => l.ccy === repayment.ccy);
      if (order === undefined || line === undefined) {
        this.funding.credit(repayment.ccy, repayment.amt);
        continue;
      }
      line.amt = D.sub(line.amt, repayment.amt);
      this.record(order.ordId, 'repaid', repayment.ccy, repayment.amt, repayment.settleAt);
      // Interest that accrued after acceptance can leave a dust remainder; an 8-place zero closes the order.
      if (!D.isPositive(D.roundDown(line.amt, 8))) this.close(order, repayment.settleAt);
    }
  }

  private close(order: SimLoanOrder, at: number): void {
    for (const c of order.collateral) {
      this.funding.credit(c.ccy, c.amt);
      this.record(order.ordId, 'collateral_released', c.ccy, c.amt, at);
    }
    this.loans.orders = this.loans.orders.filter((o) => o !== order);
  }

  /** At or over its liquidation LTV an order's collateral is sold and its loan repaid, as OKX's forced liquidation does. */
  liquidateIfDue(now: number): void {
    for (const order of [...this.loans.orders]) {
      if (order.collateral.length === 0) continue;
      if (D.lt(this.figures(order, now).ltv, this.limits(order).liqLTV)) continue;
      for (const c of order.collateral) this.record(order.ordId, 'forced_liquidation', c.ccy, `-${c.amt}`, now);
      for (const l of order.loan) if (D.isPositive(l.amt)) this.record(order.ordId, 'repaid', l.ccy, l.amt, now);
      this.loans.orders = this.loans.orders.filter((o) => o !== order);
      this.loans.repayments = this.loans.repayments.filter((r) => {
        if (r.ordId !== order.ordId) return true;
        this.funding.credit(r.ccy, r.amt);
        return false;
      });
    }
  }

  prune(cutoff: number): void {
    this.loans.interest = this.loans.interest.filter((r) => r.ts >= cutoff);
  }
}

function mergeAmounts(base: readonly { ccy: string; amt: string }[], added: readonly { ccy: string; amt: string }[]): { ccy: string; amt: string }[] {
  const merged = base.map((b) => ({ ...b }));
  for (const a of added) {
    const same = merged.find((m) => m.ccy === a.ccy);
    if (same === undefined) merged.push({ ...a });
    else same.amt = D.add(same.amt, a.amt);
  }
  return merged;
}

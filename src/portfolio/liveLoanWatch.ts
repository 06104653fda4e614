/**
 * The live LTV watch: OKX's public index prices, pushed over its WebSocket, move each loan order's LTV between
 * polls (see liveLtv.ts for the estimate, calibrated at every poll against OKX's curLTV). The socket is open only
 * while the watch is on and some order has a currency with a USD index, subscribed to exactly those indexes.
 * When an order's estimated level crosses (into warning, margin call or liquidation, or back) the injected
 * `confirm` asks OKX for its figure: once per crossing, a price move that does not cross costs no request. A
 * closed, paused or silent socket pauses the live figures (each order then shows OKX's confirmed one: the watch
 * falls back to polling). No `vscode` import: the socket is injected (a fake in the unit tests).
 */
import type { LoanInfo } from '../okx/types';
import { Emitter, type Subscription } from './emitter';
import type { WhatIfOrder } from './ltvWhatIf';
import { STALE_AFTER_MS, calibrate, calibratedWhatIfOrder, calibrationCcys, freshPx, liveEstimate, type LtvCalibration, type PriceQuote } from './liveLtv';
import type { Portfolio } from './portfolio';
import { loanKey, type LtvLevel } from './risk';

import type { IndexTick, SocketState } from '../okx/publicSocket';

export type { IndexTick, SocketState } from '../okx/publicSocket';

/** What the watch needs of the public socket (../okx/publicSocket's PublicSocket; a fake in the unit tests). */
export interface LivePriceSocket {
  setInstruments(instIds: readonly string[]): void;
  onTick(listener: (tick: IndexTick) => void): Subscription;
  onState(listener: (state: SocketState, why?: string) => void): Subscription;
  readonly state: SocketState;
  dispose(): void;
}

export type LiveWatchStatus =
  | { readonly state: 'off'; readonly reason: 'disabled' | 'noLoans' | 'noIndex' }
  | { readonly state: 'live' }
  /** "Live prices paused": the figures are OKX's last confirmed ones until prices flow again. */
  | { readonly state: 'paused'; readonly reason: 'connecting' | 'closed' | 'paused' | 'silent'; readonly detail?: string };

/** One order's figure, as the status bar, the Loans view and the LTV panel show it. */
export interface LiveLtvUpdate {
  readonly key: string;
  /** Fraction, 4 places rounded down: the live estimate when `live`, otherwise OKX's confirmed figure. */
  readonly ltv: string;
  readonly level: LtvLevel;
  /** OKX's curLTV at its last confirmation, and when that was read (ms since the epoch). */
  readonly confirmedLtv: string;
  readonly confirmedAt: number;
  readonly live: boolean;
  /** Age (ms) of the oldest live price the order's figure rests on; undefined when it has none. */
  readonly priceAgeMs: number | undefined;
  /** Currencies with no USD index: valued at their poll-time price, not live. */
  readonly notLive: readonly string[];
}

export interface LiveLoanWatchOptions {
  /** Opens OKX's public socket (the extension closes over the environment's URL). */
  readonly openSocket: () => LivePriceSocket;
  /** Asks OKX for the order's loan-info now (rate-limited by the caller); the answer comes back via `setLoans`/`confirmOrder`. */
  readonly confirm: (key: string) => void;
  readonly warnDistance: () => string;
  readonly now?: () => number;
  /** A repeating timer (for silence and staleness); defaults to setInterval. */
  readonly every?: (run: () => void, ms: number) => Subscription;
  readonly staleAfterMs?: number;
  /** At most one confirmation per order within this time (a later crossing waits for it to pass). */
  readonly confirmGapMs?: number;
}

const CHECK_MS = 5_000;
const CONFIRM_GAP_MS = 5_000;

const defaultEvery = (run: () => void, ms: number): Subscription => {
  const timer = setInterval(run, ms);
  timer.unref?.();
  return { dispose: () => clearInterval(timer) };
};

interface Order {
  loan: LoanInfo;
  cal: LtvCalibration;
  /** The level last acted on (OKX's at calibration, then each estimated crossing confirmed). */
  level: LtvLevel;
  confirmAskedAt: number | undefined;
  last: LiveLtvUpdate | undefined;
}

export class LiveLoanWatch {
  private readonly updated = new Emitter<LiveLtvUpdate>();
  private readonly statusChanged = new Emitter<LiveWatchStatus>();
  readonly onDidUpdate = this.updated.event;
  readonly onDidChangeStatus = this.statusChanged.event;

  private readonly orders = new Map<string, Order>();
  private readonly quotes = new Map<string, PriceQuote & { ts: number }>();
  private indexedCcys: ReadonlySet<string> | undefined;
  private on = true;
  private socket: { socket: LivePriceSocket; subscriptions: Subscription[]; timer: Subscription } | undefined;
  private instruments = '';
  private socketLiveSince: number | undefined;
  private socketWhy: string | undefined;
  private lastTickAt: number | undefined;
  private statusValue: LiveWatchStatus = { state: 'off', reason: 'noLoans' };
  private readonly now: () => number;
  private readonly staleAfterMs: number;

  constructor(private readonly options: LiveLoanWatchOptions) {
    this.now = options.now ?? Date.now;
    this.staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS;
  }

  get status(): LiveWatchStatus {
    return this.statusValue;
  }

  /** The setting `okxEarn.livePrices`. */
  get enabled(): boolean {
    return this.on;
  }

  set enabled(on: boolean) {
    if (on === this.on) return;
    this.on = on;
    this.reconcile();
    this.publishAll();
  }

  /**
   * The currencies OKX has a USD index for (the REST index tickers': the `prices` area's keys); undefined while
   * unknown, when every currency of the orders is taken to have one.
   */
  setIndexed(ccys: ReadonlySet<string> | undefined): void {
    this.indexedCcys = ccys;
    this.reconcile();
    this.publishAll();
  }

  /**
   * A poll's answer (every order): recalibrates each order on OKX's figures, read at `confirmedAt`. `restPrices`
   * (currency → USD, read at `restAt`) value a currency without a fresh live price.
   */
  setLoans(loans: readonly LoanInfo[], confirmedAt: number, restPrices?: ReadonlyMap<string, string>, restAt?: number): void {
    const rest = restPrices !== undefined && restAt !== undefined && Math.abs(confirmedAt - restAt) <= this.staleAfterMs ? restPrices : undefined;
    const previous = new Map(this.orders);
    this.orders.clear();
    const price = (ccy: string): string | undefined => this.livePx(ccy, confirmedAt) ?? rest?.get(ccy);
    for (const loan of loans) this.calibrateOrder(loan, confirmedAt, price, previous.get(loanKey(loan)));
    this.reconcile();
    this.publishAll();
  }

  /** One order's fresh loan-info (after `confirm`): OKX's figure wins at once. */
  confirmOrder(loan: LoanInfo, confirmedAt: number): void {
    this.calibrateOrder(loan, confirmedAt, (ccy) => this.livePx(ccy, confirmedAt), this.orders.get(loanKey(loan)));
    this.reconcile();
    this.publishAll();
  }

  /** Each order's figure now. */
  estimates(): LiveLtvUpdate[] {
    return [...this.orders.values()].map((o) => this.figure(o));
  }

  estimate(key: string): LiveLtvUpdate | undefined {
    const order = this.orders.get(key);
    return order === undefined ? undefined : this.figure(order);
  }

  /** The LTV panel's what-if and prices at margin call/liquidation, from the figure shown (live or OKX's). */
  whatIfOrder(key: string): WhatIfOrder | undefined {
    const order = this.orders.get(key);
    if (order === undefined) return undefined;
    const estimate = this.estimateOf(order);
    const price = (ccy: string): string | undefined => (estimate.live ? this.livePx(ccy) : undefined);
    return calibratedWhatIfOrder(order.cal, estimate.exact, price, this.options.warnDistance());
  }

  /** Re-judges silence and staleness (the timer calls it every few seconds). */
  check(): void {
    this.updateStatus();
    this.publishAll();
  }

  dispose(): void {
    this.closeSocket();
    this.updated.dispose();
    this.statusChanged.dispose();
  }

  private calibrateOrder(loan: LoanInfo, confirmedAt: number, price: (ccy: string) => string | undefined, previous: Order | undefined): void {
    const prices = new Map<string, string>();
    for (const ccy of new Set([...loan.loanData, ...loan.collateralData].map((l) => l.ccy))) {
      const px = price(ccy);
      if (px !== undefined) prices.set(ccy, px);
    }
    const cal = calibrate(loan, prices, confirmedAt);
    if (cal === undefined) {
      this.orders.delete(loanKey(loan));
      return;
    }
    const order: Order = { loan, cal, level: 'safe', confirmAskedAt: previous?.confirmAskedAt, last: previous?.last };
    // The level to cross from is OKX's, at the moment it confirmed.
    order.level = this.estimateOf(order, false).level;
    this.orders.set(cal.key, order);
  }

  private indexed(ccy: string): boolean {
    return ccy !== 'USD' && (this.indexedCcys === undefined || this.indexedCcys.has(ccy));
  }

  /** A live price: the socket is live (not silent) and the price fresh at `at`. */
  private livePx(ccy: string, at = this.now()): string | undefined {
    return this.statusValue.state === 'live' ? freshPx(this.quotes.get(ccy), at, this.staleAfterMs) : undefined;
  }

  private estimateOf(order: Order, live = this.statusValue.state === 'live'): ReturnType<typeof liveEstimate> {
    return liveEstimate(order.cal, {
      quotes: live ? this.quotes : new Map(),
      now: this.now(),
      indexed: (ccy) => this.indexed(ccy),
      warnDistance: this.options.warnDistance(),
      staleAfterMs: this.staleAfterMs,
    });
  }

  private figure(order: Order): LiveLtvUpdate {
    const e = this.estimateOf(order);
    return {
      key: order.cal.key,
      ltv: e.ltv,
      level: e.level,
      confirmedLtv: order.cal.curLTV,
      confirmedAt: order.cal.confirmedAt,
      live: e.live,
      priceAgeMs: e.priceAgeMs,
      notLive: e.notLive,
    };
  }

  /** Emits each order's figure where it changed, and asks OKX to confirm a crossing. */
  private publish(order: Order): void {
    const update = this.figure(order);
    if (update.live && update.level !== order.level) {
      const now = this.now();
      if (order.confirmAskedAt === undefined || now - order.confirmAskedAt >= (this.options.confirmGapMs ?? CONFIRM_GAP_MS)) {
        order.level = update.level;
        order.confirmAskedAt = now;
        this.options.confirm(order.cal.key);
      }
    }
    const last = order.last;
    order.last = update;
    if (
      last !== undefined && last.ltv === update.ltv && last.level === update.level && last.live === update.live &&
      last.confirmedLtv === update.confirmedLtv && last.confirmedAt === update.confirmedAt
    ) return;
    this.updated.fire(update);
  }

  private publishAll(): void {
    for (const order of [...this.orders.values()]) this.publish(order);
  }

  /** The `CCY-USD` instruments the orders need, sorted. */
  private neededInstruments(): string[] {
    const ccys = new Set<string>();
    for (const order of this.orders.values()) for (const ccy of calibrationCcys(order.cal)) if (this.indexed(ccy)) ccys.add(ccy);
    return [...ccys].sort().map((ccy) => `${ccy}-USD`);
  }

  /** Opens, re-subscribes or closes the socket to match what the orders need. */
  private reconcile(): void {
    const needed = this.on ? this.neededInstruments() : [];
    if (needed.length === 0) {
      this.closeSocket();
      this.setStatus({ state: 'off', reason: !this.on ? 'disabled' : this.orders.size === 0 ? 'noLoans' : 'noIndex' });
      return;
    }
    if (this.socket === undefined) {
      const socket = this.options.openSocket();
      this.socket = {
        socket,
        subscriptions: [socket.onTick((tick) => this.onTick(tick)), socket.onState((state, why) => this.onSocketState(state, why))],
        timer: (this.options.every ?? defaultEvery)(() => this.check(), Math.min(CHECK_MS, this.staleAfterMs)),
      };
      this.instruments = '';
      this.socketLiveSince = socket.state === 'live' ? this.now() : undefined;
    }
    const joined = needed.join(',');
    if (joined !== this.instruments) {
      this.instruments = joined;
      this.socket.socket.setInstruments(needed);
    }
    this.updateStatus();
  }

  private closeSocket(): void {
    if (this.socket === undefined) return;
    const { socket, subscriptions, timer } = this.socket;
    this.socket = undefined;
    this.instruments = '';
    this.socketLiveSince = undefined;
    this.lastTickAt = undefined;
    this.quotes.clear();
    for (const s of subscriptions) s.dispose();
    timer.dispose();
    socket.dispose();
  }

  private onSocketState(state: SocketState, why: string | undefined): void {
    this.socketLiveSince = state === 'live' ? (this.socketLiveSince ?? this.now()) : undefined;
    this.socketWhy = why;
    this.updateStatus();
    this.publishAll();
  }

  private onTick(tick: IndexTick): void {
    const [ccy, quote, extra] = tick.instId.split('-');
    if (ccy === undefined || quote !== 'USD' || extra !== undefined || !this.instruments.split(',').includes(tick.instId)) return;
    if (freshPx({ px: tick.idxPx, receivedAt: tick.receivedAt }, tick.receivedAt) === undefined) return;
    const previous = this.quotes.get(ccy);
    if (previous !== undefined && previous.ts > tick.ts) return;
    this.quotes.set(ccy, { px: tick.idxPx, receivedAt: tick.receivedAt, ts: tick.ts });
    this.lastTickAt = Math.max(this.lastTickAt ?? 0, tick.receivedAt);
    const wasLive = this.statusValue.state === 'live';
    this.updateStatus();
    const affected: string[] = [];
    for (const order of [...this.orders.values()]) {
      if (!calibrationCcys(order.cal).includes(ccy)) continue;
      affected.push(order.cal.key);
      // A price that arrives for a currency calibrated without one becomes its calibration price (until the next poll).
      if ([...order.cal.loan.legs, ...order.cal.collateral.legs].some((l) => l.ccy === ccy && l.basePx === undefined)) {
        const base = this.basePrices(order.cal);
        this.calibrateOrder(order.loan, order.cal.confirmedAt, (c) => base.get(c), order);
      }
    }
    if (this.statusValue.state === 'live' && !wasLive) return this.publishAll();
    for (const key of affected) {
      const order = this.orders.get(key);
      if (order !== undefined) this.publish(order);
    }
  }

  /** An order's calibration prices, with the live price of each currency that had none. */
  private basePrices(cal: LtvCalibration): Map<string, string> {
    const prices = new Map<string, string>();
    for (const leg of [...cal.loan.legs, ...cal.collateral.legs]) {
      const px = leg.basePx ?? this.livePx(leg.ccy);
      if (px !== undefined) prices.set(leg.ccy, px);
    }
    return prices;
  }

  private updateStatus(): void {
    const socket = this.socket?.socket;
    if (socket === undefined) return;
    const state = socket.state;
    if (state !== 'live') {
      this.setStatus({ state: 'paused', reason: state, ...(this.socketWhy === undefined ? {} : { detail: this.socketWhy }) });
      return;
    }
    this.socketLiveSince ??= this.now();
    const heardAt = Math.max(this.lastTickAt ?? 0, this.socketLiveSince);
    this.setStatus(this.now() - heardAt > this.staleAfterMs ? { state: 'paused', reason: 'silent' } : { state: 'live' });
  }

  private setStatus(status: LiveWatchStatus): void {
    const a = this.statusValue;
    if (a.state === status.state && ('reason' in a ? a.reason : '') === ('reason' in status ? status.reason : '') && ('detail' in a ? a.detail : '') === ('detail' in status ? status.detail : '')) return;
    this.statusValue = status;
    this.statusChanged.fire(status);
  }
}

/**
 * Keeps the watch in step with the portfolio: every poll of the loans area (each new `ready` answer) recalibrates,
 * no key or no loans closes the socket, and the `prices` area (read once, when first needed: one public request)
 * says which currencies have a USD index.
 */
export function followPortfolio(watch: LiveLoanWatch, portfolio: Pick<Portfolio, 'get' | 'ensure' | 'onDidChange' | 'hasCredentials'>): Subscription {
  let seen: number | undefined;
  const sync = (): void => {
    const prices = portfolio.get('prices');
    const rest = prices.status === 'ready' ? prices.data.usd : undefined;
    if (rest !== undefined) watch.setIndexed(new Set(rest.keys()));
    const loans = portfolio.get('loans');
    if (!portfolio.hasCredentials || loans.status === 'idle') {
      if (seen !== undefined || watch.estimates().length > 0) watch.setLoans([], Date.now());
      seen = undefined;
      return;
    }
    if (loans.status !== 'ready' || loans.updatedAt === seen) return;
    seen = loans.updatedAt;
    if (watch.enabled && loans.data.loans.length > 0 && prices.status === 'idle') void portfolio.ensure('prices');
    watch.setLoans(loans.data.loans, loans.updatedAt, rest, prices.status === 'ready' ? prices.updatedAt : undefined);
  };
  const subscription = portfolio.onDidChange((areas) => {
    if (areas.includes('loans') || areas.includes('prices')) sync();
  });
  sync();
  return subscription;
}

/**
 * The simulator's business rules: what each endpoint does to the portfolio, with OKX's validation
 * and error codes, and how the portfolio moves on with (simulated) time. Money is text throughout.
 * Each product's rules live in its desk (./onchain, ./staking, ./loans, ./okusd, ./stableRewards, ./dual,
 * ./accounts); this routes each endpoint to it, keeps the funding account they share, and holds savings,
 * index prices and the account's valuation.
 */
import * as D from '../decimal';
import type { DataOf, EndpointId } from '../okx/endpoints';
import type * as T from '../okx/types';
import { DAY, HOUR } from './clock';
import { FIAT_PER_USD, INDEX_QUOTES, borrowingRate, indexTicker, lendingRate, savingsCurrencies, type PriceFeed } from './market';
import { page } from './paging';
import { amount, annualRate, oneOf, pageQuery, required, text, type RawParams } from './params';
import { badParam, fail } from './simError';
import { TradingDesk, fundingBalances } from './accounts';
import { DualDesk } from './dual';
import { LoanDesk, type Funding } from './loans';
import { OkusdDesk } from './okusd';
import { OnchainDesk } from './onchain';
import { savingsHour } from './savingsHour';
import { StableRewardsDesk } from './stableRewards';
import { StakingDesk } from './staking';
import type { SimState } from './state';

export type { RawParams } from './params';

type Handler<K extends EndpointId> = (params: RawParams, now: number) => DataOf<K>;

const LENDING_RATE_HISTORY_START = Date.UTC(2021, 11, 14);
const KEEP_HISTORY_MS = 30 * DAY;

export class Portfolio {
  readonly loans: LoanDesk;
  readonly okusd: OkusdDesk;
  readonly stableRewards: StableRewardsDesk;
  readonly dual: DualDesk;
  readonly trading: TradingDesk;
  readonly onchain: OnchainDesk;
  readonly staking: StakingDesk;

  constructor(
    readonly state: SimState,
    readonly prices: PriceFeed,
  ) {
    const funding: Funding = { balance: (c) => this.balance(c), credit: (c, a) => this.credit(c, a), debit: (c, a, code) => this.debit(c, a, code) };
    this.loans = new LoanDesk(state, funding, (c, now) => this.usd(c, now));
    this.okusd = new OkusdDesk(state, funding);
    this.stableRewards = new StableRewardsDesk(state, funding);
    this.dual = new DualDesk(state, funding, prices);
    this.onchain = new OnchainDesk(state, funding);
    this.staking = new StakingDesk(state, funding);
    this.trading = new TradingDesk(state, (c) => (prices.has(c) ? prices.usd(c, this.state.lastTick) : undefined));
  }

  usd(ccy: string, now: number): string {
    return this.prices.usd(ccy, now);
  }

  private balance(ccy: string): string {
    return this.state.funding[ccy] ?? '0';
  }

  private credit(ccy: string, amt: string): void {
    this.state.funding[ccy] = D.add(this.balance(ccy), amt);
  }

  private debit(ccy: string, amt: string, insufficientCode: string): void {
    if (D.lt(this.balance(ccy), amt)) fail(insufficientCode, `Insufficient ${ccy} balance`);
    this.state.funding[ccy] = D.sub(this.balance(ccy), amt);
  }

  handle<K extends EndpointId>(id: K, params: RawParams, now: number): DataOf<K> {
    this.catchUp(now);
    const handler = this.handlers[id] as Handler<K>;
    return handler(params, now);
  }

  // ------------------------------------------------------------------ endpoints

  private readonly handlers: { [K in EndpointId]: Handler<K> } = {
    publicTime: (_p, now) => [{ ts: String(now) }],

    // ---- on-chain earn (src/simulator/onchain.ts)
    onchainOffers: (p) => this.onchain.offers(p),
    onchainPurchase: (p, now) => this.onchain.purchase(p, now),
    onchainRedeem: (p, now) => this.onchain.redeem(p, now),
    onchainCancel: (p, now) => this.onchain.cancel(p, now),
    onchainActiveOrders: (p) => this.onchain.activeOrders(p),
    onchainOrderHistory: (p) => this.onchain.orderHistory(p),

    // ---- ETH and SOL staking (src/simulator/staking.ts)
    ethProductInfo: (_p, now) => this.staking.ethProductInfo(now),
    ethPurchase: (p, now) => this.staking.stake(this.state.eth, p, now),
    ethRedeem: (p, now) => this.staking.unstake(this.state.eth, p, now),
    ethCancelRedeem: (p, now) => this.staking.cancelEthRedeem(p, now),
    ethBalance: (_p, now) => this.staking.balance(this.state.eth, now, true),
    ethHistory: (p) => this.staking.history(this.state.eth, p, true),
    ethApyHistory: (p, now) => this.staking.apyHistory('eth', p, now),
    solProductInfo: (_p, now) => this.staking.solProductInfo(now),
    solPurchase: (p, now) => this.staking.stake(this.state.sol, p, now),
    solRedeem: (p, now) => this.staking.unstake(this.state.sol, p, now),
    solBalance: (_p, now) => this.staking.balance(this.state.sol, now, false),
    solHistory: (p) => this.staking.history(this.state.sol, p, false),
    solApyHistory: (p, now) => this.staking.apyHistory('sol', p, now),

    // ---- Simple Earn (savings)
    savingsBalance: (p) => {
      this.requireSavings();
      const ccy = text(p, 'ccy');
      return Object.entries(this.state.savings)
        .filter(([c]) => ccy === undefined || c === ccy)
        .map(([c, s]) => ({
          ccy: c, amt: D.roundDown(s.amt, 16), earnings: D.roundDown(s.earnings, 16), rate: s.rate,
          loanAmt: D.roundDown(s.loanAmt, 16), pendingAmt: D.roundDown(s.pendingAmt, 16), redemptAmt: '',
        }));
    },

    savingsPurchaseRedempt: (p) => {
      this.requireSavings();
      const ccy = this.savingsCurrency(p);
      const amt = amount(p, 'amt');
      const side = oneOf(p, 'side', ['purchase', 'redempt'] as const) ?? badParam('side');
      const savings = (this.state.savings[ccy] ??= { amt: '0', loanAmt: '0', pendingAmt: '0', earnings: '0', rate: '0.01' });
      if (side === 'purchase') {
        const rate = text(p, 'rate') === undefined ? undefined : annualRate(p, 'rate');
        this.debit(ccy, amt, '51008');
        savings.amt = D.add(savings.amt, amt);
        savings.pendingAmt = D.add(savings.pendingAmt, amt);
        if (rate !== undefined) savings.rate = rate;
      } else {
        if (D.gt(amt, savings.amt)) fail('51008', `Insufficient ${ccy} balance`);
        const fromPending = D.min(amt, savings.pendingAmt);
        savings.pendingAmt = D.sub(savings.pendingAmt, fromPending);
        savings.loanAmt = D.max('0', D.sub(savings.loanAmt, D.sub(amt, fromPending)));
        savings.amt = D.sub(savings.amt, amt);
        this.credit(ccy, amt);
      }
      return [{ ccy, amt, side, rate: savings.rate }];
    },

    savingsSetLendingRate: (p) => {
      this.requireSavings();
      const ccy = this.savingsCurrency(p);
      const rate = annualRate(p, 'rate');
      const savings = (this.state.savings[ccy] ??= { amt: '0', loanAmt: '0', pendingAmt: '0', earnings: '0', rate });
      savings.rate = rate;
      return [{ ccy, rate }];
    },

    savingsLendingHistory: (p) => {
      this.requireSavings();
      const ccy = text(p, 'ccy');
      const records = this.state.lendingHistory.filter((r) => ccy === undefined || r.ccy === ccy);
      return page(records, (r) => String(r.ts), pageQuery(p)).map((r) => ({ ...r, ts: String(r.ts) }));
    },

    savingsLendingRateSummary: (p, now) => {
      const ccy = text(p, 'ccy');
      const hour = Math.floor(now / HOUR) * HOUR;
      return savingsCurrencies()
        .filter((c) => ccy === undefined || c === ccy)
        .map((c) => {
          // OKX's summary gives borrowing rates (what borrowers pay), not what savers earn.
          const day = Array.from({ length: 24 }, (_, i) => borrowingRate(c, hour - (i + 1) * HOUR));
          return {
            ccy: c, avgAmt: '', avgAmtUsd: '', avgRate: D.roundDown(D.div(D.sum(day), '24'), 8),
            preRate: borrowingRate(c, hour - HOUR), estRate: borrowingRate(c, hour),
          };
        });
    },

    savingsLendingRateHistory: (p, now) => {
      const ccy = text(p, 'ccy');
      const query = pageQuery(p);
      const limit = Number(query.limit ?? '100');
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) badParam('limit');
      const newest = Math.floor(now / HOUR) * HOUR - HOUR;
      let from = query.after !== undefined ? Math.floor((Number(query.after) - 1) / HOUR) * HOUR : newest;
      if (query.before !== undefined) from = Math.min(newest, Math.floor(Number(query.before) / HOUR) * HOUR + limit * HOUR);
      const currencies = ccy === undefined ? savingsCurrencies() : [ccy];
      const points: T.LendingRatePoint[] = [];
      for (let ts = Math.min(from, newest), n = 0; ts >= LENDING_RATE_HISTORY_START && n < limit; ts -= HOUR, n++) {
        if (query.before !== undefined && ts <= Number(query.before)) break;
        for (const c of currencies) points.push({ ccy: c, amt: '', rate: borrowingRate(c, ts), lendingRate: lendingRate(c, ts), ts: String(ts) });
      }
      return points;
    },

    // ---- flexible loan (src/simulator/loans.ts)
    loanBorrowCurrencies: () => this.loans.borrowCurrencies(),
    loanCollateralAssets: (p, now) => this.loans.collateralAssets(p, now),
    loanMaxLoan: (p, now) => this.loans.maxLoan(p, now),
    loanMaxCollateralRedeem: (p, now) => this.loans.maxCollateralRedeem(p, now),
    loanAdjustCollateral: (p, now) => this.loans.adjustCollateral(p, now),
    loanBorrow: (p, now) => this.loans.borrow(p, now),
    loanRepay: (p, now) => this.loans.repay(p, now),
    loanEmodeInfo: () => this.loans.emodeInfo(),
    loanInfo: (p, now) => this.loans.info(p, now),
    loanHistory: (p) => this.loans.history(p),
    loanInterestAccrued: (p) => this.loans.interestAccrued(p),

    // ---- Stable Rewards (src/simulator/stableRewards.ts)
    stableRewardsProductInfo: (p, now) => this.stableRewards.productInfo(p, now),
    stableRewardsBalance: (p, now) => this.stableRewards.balance(p, now),
    stableRewardsApyHistory: (p, now) => this.stableRewards.apyHistory(p, now),

    // ---- OKUSD (src/simulator/okusd.ts)
    okusdLimits: (_p, now) => this.okusd.limits(now),
    okusdSubscribe: (p, now) => this.okusd.subscribe(p, now),
    okusdRedeem: (p, now) => this.okusd.redeem(p, now),
    okusdAccount: (_p, now) => this.okusd.account(now),
    okusdSubscribeHistory: (p) => this.okusd.subscribeHistory(p),
    okusdRedeemHistory: (p) => this.okusd.redeemHistory(p),
    okusdRewardsHistory: (p, now) => this.okusd.rewardsHistory(p, now),
    okusdAprHistory: (p, now) => this.okusd.aprHistory(p, now),

    // ---- Dual Investment (src/simulator/dual.ts)
    dualCurrencyPairs: () => this.dual.currencyPairs(),
    dualProducts: (p, now) => this.dual.products(p, now),
    dualQuote: (p, now) => this.dual.quote(p, now),
    dualTrade: (p, now) => this.dual.trade(p, now),
    dualRedeemQuote: (p, now) => this.dual.redeemQuote(p, now),
    dualRedeem: (p, now) => this.dual.redeem(p, now),
    dualOrderState: (p) => this.dual.orderState(p),
    dualOrderHistory: (p) => this.dual.orderHistory(p),

    // ---- account (outside the chapter)
    fundingBalances: (p) => fundingBalances(this.state, p),
    tradingBalance: (p, now) => this.trading.balance(p, now),
    setAutoEarn: (p, now) => this.trading.setAutoEarn(p, now),
    indexTickers: (p, now) => this.indexTickers(p, now),
    assetValuation: (p, now) => this.assetValuation(p, now),
  };

  /**
   * OKX's valuation of the account, from the same state and prices: the funding account (BETH and OKSOL are
   * tokens held there), the trading account (./accounts), and the Earn account (on-chain earn orders not yet
   * settled, and savings). No classic account is simulated. In BTC (OKX's default), USDT, USD or a fiat unit at fixed simulated rates.
   */
  private assetValuation(p: RawParams, now: number): T.AssetValuation[] {
    const unit = text(p, 'ccy') ?? 'BTC';
    const perUsd = unit === 'USD' ? '1' : unit === 'BTC' || unit === 'USDT' ? D.div('1', this.usd(unit, now), 18) : (FIAT_PER_USD[unit] ?? badParam('ccy'));
    const value = (ccy: string, amt: string): string => (this.prices.has(ccy) ? D.mul(D.mul(amt, this.usd(ccy, now)), perUsd) : '0');
    const funding = D.sum(Object.entries(this.state.funding).map(([ccy, amt]) => value(ccy, amt)));
    const earn = D.add(
      D.sum(this.state.orders.filter((o) => o.state !== '3').flatMap((o) => o.invest.map((i) => value(i.ccy, i.amt)))),
      D.sum(Object.entries(this.state.savings).map(([ccy, s]) => value(ccy, s.amt))),
    );
    const trading = this.trading.value(value);
    const dp = unit === 'BTC' ? 8 : 2;
    return [{
      totalBal: D.roundDown(D.sum([funding, trading, earn]), dp),
      ts: String(now),
      details: { funding: D.roundDown(funding, dp), trading: D.roundDown(trading, dp), classic: '0', earn: D.roundDown(earn, dp) },
    }];
  }

  // ------------------------------------------------------------------ shared rules

  /**
   * Index prices from the price feed: every priced currency against USD (and USDT, USDC, BTC), one instrument
   * or all of one quote currency. The 24 h figures sample the feed's own path.
   */
  private indexTickers(p: RawParams, now: number): T.IndexTicker[] {
    const instId = text(p, 'instId');
    const quoteCcy = oneOf(p, 'quoteCcy', INDEX_QUOTES);
    if (instId === undefined && quoteCcy === undefined) badParam('quoteCcy');
    const quotes = instId === undefined ? [quoteCcy ?? 'USD'] : [instId.split('-')[1] ?? ''];
    const bases = Object.keys(this.state.basePrices).filter((c) => instId === undefined || instId.split('-')[0] === c);
    const tickers: T.IndexTicker[] = [];
    for (const quote of quotes) {
      if (quote !== 'USD' && !this.prices.has(quote)) continue;
      for (const base of bases) {
        if (base === quote || (instId !== undefined && instId !== `${base}-${quote}`)) continue;
        tickers.push(indexTicker(this.prices, base, quote, now));
      }
    }
    return tickers;
  }

  private requireSavings(): void {
    if (!this.state.savingsActivated) fail('58002', 'Please activate Savings Account first');
  }

  private savingsCurrency(p: RawParams): string {
    const ccy = required(p, 'ccy');
    if (!savingsCurrencies().includes(ccy)) badParam('ccy');
    return ccy;
  }

  // ------------------------------------------------------------------ time

  /** Brings the portfolio from `lastTick` up to `now` (at most 30 days of catching up). */
  catchUp(now: number): void {
    const state = this.state;
    if (now <= state.lastTick) return;
    const from = Math.max(state.lastTick, now - KEEP_HISTORY_MS);
    this.onchain.catchUp(from, now);
    this.staking.catchUp(now);
    for (let hour = Math.floor(from / HOUR) * HOUR + HOUR; hour <= now; hour += HOUR) this.hourly(hour);
    this.loans.settle(now);
    this.loans.liquidateIfDue(now);
    this.okusd.catchUp(now);
    this.stableRewards.catchUp(now);
    this.dual.catchUp(now);
    this.trading.catchUp(now);
    const cutoff = now - KEEP_HISTORY_MS;
    state.lendingHistory = state.lendingHistory.filter((r) => r.ts >= cutoff);
    this.loans.prune(cutoff);
    state.lastTick = now;
  }

  private hourly(hour: number): void {
    savingsHour(this.state, hour);
    this.trading.hourly(hour);
    this.loans.hourly(hour);
  }
}

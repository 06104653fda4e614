/**
 * The simulator's business rules: what each endpoint does to the portfolio, with OKX's validation
 * and error codes, and how the portfolio moves on with (simulated) time. Money is text throughout.
 */
import * as D from '../decimal';
import type { DataOf, EndpointId } from '../okx/endpoints';
import type * as T from '../okx/types';
import { DAY, HOUR, MINUTE, periodMs, YEAR_MS } from './clock';
import { FIAT_PER_USD, INDEX_QUOTES, borrowingRate, indexTicker, lendingRate, savingsCurrencies, type PriceFeed } from './market';
import { page } from './paging';
import { amount, annualRate, oneOf, pageQuery, required, text, type RawParams } from './params';
import { badParam, fail } from './simError';
import { TradingDesk, fundingBalances } from './accounts';
import { DualDesk } from './dual';
import { LoanDesk, type Funding } from './loans';
import { OkusdDesk } from './okusd';
import { savingsHour } from './savingsHour';
import { StableRewardsDesk } from './stableRewards';
import { StakingDesk } from './staking';
import { nextId, type SimOrder, type SimState } from './state';

export type { RawParams } from './params';

type Handler<K extends EndpointId> = (params: RawParams, now: number) => DataOf<K>;

const LENDING_RATE_HISTORY_START = Date.UTC(2021, 11, 14);
const KEEP_HISTORY_MS = 30 * DAY;
const ORDER_STATES = ['8', '13', '9', '1', '2'];

const ms = (time: number | undefined): string => (time === undefined ? '' : String(time));

export class Portfolio {
  readonly loans: LoanDesk;
  readonly okusd: OkusdDesk;
  readonly stableRewards: StableRewardsDesk;
  readonly dual: DualDesk;
  readonly trading: TradingDesk;
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

    // ---- on-chain earn
    onchainOffers: (p) => {
      const productId = text(p, 'productId');
      const ccy = text(p, 'ccy');
      oneOf(p, 'protocolType', ['defi']);
      return this.state.offers
        .filter((o) => (productId === undefined || o.productId === productId) && (ccy === undefined || o.ccy === ccy))
        .map((o) => ({
          ccy: o.ccy, productId: o.productId, protocol: o.protocol, protocolType: 'defi', term: o.term, apy: o.apy, earlyRedeem: o.earlyRedeem,
          investData: o.invest.map((i) => ({ ccy: i.ccy, bal: this.balance(i.ccy), minAmt: i.minAmt, maxAmt: i.maxAmt })),
          earningData: o.earning.map((e) => ({ ccy: e.ccy, earningType: e.earningType })),
          state: o.state, redeemPeriod: [...o.redeemPeriod], fastRedemptionDailyLimit: o.fastRedemptionDailyLimit,
        }));
    },

    onchainPurchase: (p, now) => {
      const offer = this.state.offers.find((o) => o.productId === required(p, 'productId')) ?? badParam('productId');
      const tag = text(p, 'tag');
      if (tag !== undefined && !/^[A-Za-z0-9]{1,16}$/.test(tag)) badParam('tag');
      const term = text(p, 'term');
      if (offer.term === '0' ? term !== undefined && term !== '0' : term !== offer.term) badParam('term');
      const investData = p.investData;
      if (!Array.isArray(investData) || investData.length === 0) return badParam('investData');
      const invest = investData.map((item: unknown) => {
        if (typeof item !== 'object' || item === null) return badParam('investData');
        const entry = item as RawParams;
        const limits = offer.invest.find((i) => i.ccy === entry.ccy) ?? badParam('ccy');
        return { limits, amt: amount(entry, 'amt') };
      });
      if (offer.state === 'sold_out') fail('51730', 'This product is sold out');
      if (offer.state === 'Stop') fail('51731', 'Subscription to this product is suspended');
      for (const { limits, amt } of invest) {
        if (D.lt(amt, limits.minAmt)) fail('51727', `The minimum subscription amount is ${limits.minAmt} ${limits.ccy}`);
        if (D.gt(amt, limits.maxAmt)) fail('51728', `The maximum subscription amount is ${limits.maxAmt} ${limits.ccy}`);
        if (D.lt(this.balance(limits.ccy), amt)) fail('51736', `Insufficient ${limits.ccy} balance`);
      }
      for (const { limits, amt } of invest) this.debit(limits.ccy, amt, '51736');
      const order: SimOrder = {
        ordId: nextId(this.state), productId: offer.productId, ccy: offer.ccy, protocol: offer.protocol, term: offer.term, apy: offer.apy,
        state: '8', stateSince: now, purchasedTime: now, tag: tag ?? '',
        invest: invest.map(({ limits, amt }) => ({ ccy: limits.ccy, amt })),
        earnings: offer.earning.map((e) => ({ ccy: e.ccy, earningType: e.earningType, earnings: '0' })),
      };
      this.state.orders.push(order);
      return [{ ordId: order.ordId, tag: order.tag }];
    },

    onchainRedeem: (p, now) => {
      if (oneOf(p, 'protocolType', ['defi']) === undefined) badParam('protocolType');
      const allowEarly = p.allowEarlyRedeem;
      if (allowEarly !== undefined && typeof allowEarly !== 'boolean') badParam('allowEarlyRedeem');
      const order = this.activeOrder(required(p, 'ordId'));
      if (order.state !== '1') fail('51724', 'Redemption is not supported in the current order state');
      const offer = this.state.offers.find((o) => o.productId === order.productId);
      const maturity = order.purchasedTime + Number(order.term) * DAY;
      if (order.term !== '0' && now < maturity) {
        if (offer?.earlyRedeem !== true) fail('51723', 'This product does not support early redemption');
        if (allowEarly !== true) fail('51729', 'The order has not reached its redemption date');
      }
      const invested = order.invest[0]?.amt ?? '0';
      const fast = offer !== undefined && offer.fastRedemptionDailyLimit !== '' && D.lte(invested, offer.fastRedemptionDailyLimit);
      order.state = '2';
      order.stateSince = now;
      if (fast) {
        order.estSettlementTime = now + MINUTE;
        order.cancelRedemptionDeadline = now;
        order.fastRedeeming = order.invest.map((i) => ({ ccy: i.ccy, redeemingAmt: i.amt }));
      } else {
        const [, longest] = offer?.redeemPeriod ?? ['1D', '1D'];
        order.estSettlementTime = now + periodMs(longest);
        order.cancelRedemptionDeadline = now + Math.min(HOUR, periodMs(longest) / 2);
      }
      return [{ ordId: order.ordId, tag: order.tag }];
    },

    onchainCancel: (p, now) => {
      if (oneOf(p, 'protocolType', ['defi']) === undefined) badParam('protocolType');
      const order = this.activeOrder(required(p, 'ordId'));
      if (order.state === '8') {
        order.state = '13';
        order.stateSince = now;
      } else if (order.state === '2') {
        if (order.fastRedeeming !== undefined) fail('51762', 'The order is partially redeemed and cannot be cancelled');
        if (now > (order.cancelRedemptionDeadline ?? 0)) fail('51725', 'Cancellation is not supported at this time');
        order.state = '1';
        order.stateSince = now;
        delete order.estSettlementTime;
        delete order.cancelRedemptionDeadline;
      } else if (order.state === '1') {
        fail('51726', 'There is no subscription or redemption to cancel');
      } else {
        fail('51725', 'Cancellation is not supported at this time');
      }
      return [{ ordId: order.ordId, tag: order.tag }];
    },

    onchainActiveOrders: (p) => {
      const productId = text(p, 'productId');
      const ccy = text(p, 'ccy');
      oneOf(p, 'protocolType', ['defi']);
      const wanted = oneOf(p, 'state', ORDER_STATES);
      return this.state.orders
        .filter((o) => o.state !== '3')
        .filter((o) => (productId === undefined || o.productId === productId) && (ccy === undefined || o.ccy === ccy))
        .filter((o) => wanted === undefined || o.state === wanted)
        .sort((a, b) => Number(b.ordId) - Number(a.ordId))
        .map((o) => ({
          ccy: o.ccy, ordId: o.ordId, productId: o.productId, state: o.state, protocol: o.protocol, protocolType: 'defi', term: o.term,
          apy: o.apy, investData: o.invest.map((i) => ({ ...i })),
          earningData: o.earnings.map((e) => ({ ccy: e.ccy, earningType: e.earningType, earnings: D.roundDown(e.earnings, 8) })),
          fastRedemptionData: (o.fastRedeeming ?? []).map((f) => ({ ...f })),
          purchasedTime: ms(o.purchasedTime),
          estSettlementTime: ms(o.estSettlementTime),
          cancelRedemptionDeadline: ms(o.cancelRedemptionDeadline),
          tag: o.tag,
        }));
    },

    onchainOrderHistory: (p) => {
      const productId = text(p, 'productId');
      const ccy = text(p, 'ccy');
      oneOf(p, 'protocolType', ['defi']);
      const done = this.state.orders.filter(
        (o) => o.state === '3' && (productId === undefined || o.productId === productId) && (ccy === undefined || o.ccy === ccy),
      );
      return page(done, (o) => o.ordId, pageQuery(p)).map((o) => ({
        ccy: o.ccy, ordId: o.ordId, productId: o.productId, state: '3', protocol: o.protocol, protocolType: 'defi', term: o.term, apy: o.apy,
        investData: o.invest.map((i) => ({ ...i })),
        earningData: o.earnings.map((e) => ({ ccy: e.ccy, earningType: e.earningType, realizedEarnings: D.roundDown(e.earnings, 8) })),
        purchasedTime: ms(o.purchasedTime), redeemedTime: ms(o.redeemedTime), tag: o.tag,
      }));
    },

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

  private activeOrder(ordId: string): SimOrder {
    const order = this.state.orders.find((o) => o.ordId === ordId && o.state !== '3');
    return order ?? badParam('ordId');
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
    for (const order of state.orders) {
      if (order.state !== '3') this.advanceOrder(order, from, now);
    }
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

  private advanceOrder(order: SimOrder, from: number, to: number): void {
    let t = from;
    for (;;) {
      const next =
        order.state === '8' ? order.stateSince + 30_000
        : order.state === '9' ? order.stateSince + 60_000
        : order.state === '13' ? order.stateSince + 30_000
        : order.state === '2' ? (order.estSettlementTime ?? to)
        : Number.POSITIVE_INFINITY;
      const end = Math.min(next, to);
      if ((order.state === '1' || order.state === '2') && end > t) this.accrue(order, end - t);
      t = Math.max(t, end);
      if (next > to) return;
      if (order.state === '8') this.enter(order, '9', next);
      else if (order.state === '9') this.enter(order, '1', next);
      else if (order.state === '13') this.complete(order, next, false);
      else if (order.state === '2') this.complete(order, next, true);
      if (order.state === '3') return;
    }
  }

  private enter(order: SimOrder, state: SimOrder['state'], at: number): void {
    order.state = state;
    order.stateSince = at;
  }

  private accrue(order: SimOrder, duration: number): void {
    const years = D.div(String(duration), String(YEAR_MS), 12);
    const principal = order.invest[0]?.amt ?? '0';
    order.earnings.forEach((e, i) => {
      // The first earning currency is the product's own; reward tokens accrue at a hundredth of it.
      const accrued = D.mul(D.mul(principal, order.apy), years);
      e.earnings = D.roundDown(D.add(e.earnings, i === 0 ? accrued : D.div(accrued, '100')), 12);
    });
  }

  private complete(order: SimOrder, at: number, redeemed: boolean): void {
    order.state = '3';
    order.stateSince = at;
    order.redeemedTime = at;
    delete order.estSettlementTime;
    delete order.cancelRedemptionDeadline;
    delete order.fastRedeeming;
    for (const i of order.invest) this.credit(i.ccy, i.amt);
    if (redeemed) {
      for (const e of order.earnings) {
        e.earnings = D.roundDown(e.earnings, 8);
        this.credit(e.ccy, e.earnings);
      }
    } else {
      for (const e of order.earnings) e.earnings = '0';
    }
  }

  private hourly(hour: number): void {
    savingsHour(this.state, hour);
    this.trading.hourly(hour);
    this.loans.hourly(hour);
  }
}

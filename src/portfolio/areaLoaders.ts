/**
 * How each area of the portfolio is read from OKX (the endpoints each reads, which decide how long its data is
 * fresh, are in ./areaEndpoints). Loaded on the first refresh, not at start-up (./portfolio). No `vscode` import.
 */
import type { OkxClient } from '../okx/client';
import type * as T from '../okx/types';
import type { AreaData, AreaId } from './areas';
import { collateralLookups, type CollateralLookup, type FollowUps } from './followUpMemory';
import { usdIndex } from './prices';
import { loanKey, orderParam } from './risk';
import { pendingEthRedemption, pendingStandardRedemption } from './scopes';

/** The loan orders as last loaded, and when (the loans area's `updatedAt`). */
export interface LoansSeen {
  readonly loans: readonly T.LoanInfo[];
  readonly at: number;
}

export interface LoadContext<K extends AreaId> {
  readonly client: OkxClient;
  /** What the area held before this load: its follow-up requests (per coin, per order) go out at once for what it had. */
  readonly previous: AreaData[K] | undefined;
  /** The loan orders: after the load in flight, else the last ones (loaded first when there are none). */
  readonly loans: () => Promise<LoansSeen | undefined>;
  /** The loan orders shown now (while they load again: the last ones), without waiting. */
  readonly loansShown: readonly T.LoanInfo[] | undefined;
  /** What the last session's refreshes asked per order and coin (./followUpMemory), when nothing is shown yet. */
  readonly remembered: FollowUps | undefined;
}

type Loaders = { [K in AreaId]: (context: LoadContext<K>) => Promise<AreaData[K]> };

const DAY_MS = 86_400_000;
/** At most this many pages of lending history for each of yesterday and today (100 hourly records a page). */
const RECENT_PAGES = 10;

/**
 * `ask` for each key, at once; for those of `known` (what the previous load had) alongside `first`, the rest
 * once `first` has said which there are. So a repeated load takes one round trip, a first one two.
 */
async function followUps<F, R>(first: Promise<F>, keysOf: (f: F) => readonly string[], known: readonly string[], ask: (key: string) => Promise<R | undefined>): Promise<[F, Map<string, R>]> {
  const early = new Map(known.map((key) => [key, ask(key)] as const));
  const answered = await first;
  const keys = keysOf(answered);
  const results = new Map<string, R>();
  await Promise.all(
    keys.map(async (key) => {
      const value = await (early.get(key) ?? ask(key));
      if (value !== undefined) results.set(key, value);
    }),
  );
  // Asked early for something no longer there: waited for (no request left dangling), not kept.
  await Promise.all([...early].filter(([key]) => !keys.includes(key)).map(([, pending]) => pending));
  return [answered, results];
}

/**
 * Savings lending records older than `before` (from the newest without it) back to `start`, paged until a record
 * older than `start` shows (or the history ends, or RECENT_PAGES): whether it got that far is `complete`.
 */
async function lendingSince(c: OkxClient, before: number | undefined, start: number): Promise<{ records: T.LendingRecord[]; complete: boolean }> {
  const pager = c.savings.lendingHistory({ limit: '100', ...(before === undefined ? {} : { after: String(before) }) });
  const records: T.LendingRecord[] = [];
  let reached = false;
  for (let pages = 0; pages < RECENT_PAGES && !pager.done && !reached; pages++) {
    const page = await pager.next();
    records.push(...page.filter((r) => Number(r.ts) >= start));
    reached = page.some((r) => Number(r.ts) < start);
  }
  return { records, complete: reached || pager.done };
}

export const LOADERS: Loaders = {
  onchain: async ({ client: c }) => ({ orders: await c.onchain.activeOrders() }),
  eth: async ({ client: c }) => {
    const [balance, product, pending] = await Promise.all([
      c.eth.balance(),
      c.eth.productInfo(),
      c.eth.history({ type: 'redeem', status: 'pending' }).next(),
    ]);
    return { balance: balance[0], product: product[0], pendingRedemptions: pending.filter(pendingEthRedemption) };
  },
  sol: async ({ client: c }) => {
    const [balance, product] = await Promise.all([c.sol.balance(), c.sol.productInfo()]);
    return { balance: balance[0], product };
  },
  savings: async ({ client: c }) => ({ balances: await c.savings.balance() }),
  loans: async ({ client: c }) => ({ loans: await c.loan.info() }),
  loanLimits: async ({ client: c, loans, loansShown, remembered }) => {
    // One look-up per order and collateral currency ("BTC@ordId"); those of the orders shown now (or, before
    // any is, those the last session had) go out alongside the loans' own refresh, if one is in flight.
    const byKey = new Map<string, CollateralLookup>();
    const remember = (lookups: readonly CollateralLookup[]): string[] =>
      lookups.map((lookup) => {
        byKey.set(lookup.key, lookup);
        return lookup.key;
      });
    const known = remember(loansShown === undefined ? (remembered?.collateral ?? []) : collateralLookups(loansShown));
    const ask = async (key: string): Promise<string | undefined> => {
      const lookup = byKey.get(key);
      if (lookup === undefined) return undefined;
      // Only a hint for the menus: a failure leaves that currency out (the command then asks OKX itself).
      const max = (await c.loan.maxCollateralRedeem({ ccy: lookup.ccy, ...orderParam(lookup) }).catch(() => [])).find((m) => m.ccy === lookup.ccy);
      return max?.maxRedeemAmt;
    };
    const [seen, answers] = await followUps(loans(), (s) => (s === undefined ? [] : remember(collateralLookups(s.loans))), known, ask);
    const maxRedeem = new Map<string, ReadonlyMap<string, string>>();
    for (const loan of seen?.loans ?? []) {
      const byCcy = new Map<string, string>();
      for (const lookup of collateralLookups([loan])) {
        const max = answers.get(lookup.key);
        if (max !== undefined) byCcy.set(lookup.ccy, max);
      }
      maxRedeem.set(loanKey(loan), byCcy);
    }
    return { maxRedeem, loansAt: seen?.at ?? 0 };
  },
  offers: async ({ client: c }) => ({ offers: await c.onchain.offers() }),
  prices: async ({ client: c }) => usdIndex(c),
  valuation: async ({ client: c }) => ({ valuation: (await c.account.assetValuation({ ccy: 'USD' }))[0] }),
  recent: async ({ client: c }) => {
    // Newest first: the last 24 hours and the last complete UTC day (OKX's time, as far as this client knows
    // it). Read as two slices at once, today's from the newest record and yesterday's from the start of today
    // back, each paged until it reaches its start: one round trip while a day holds a page (100 records, four
    // currencies lent hourly), where one pager from the newest took a round trip per page.
    const okxNow = Date.now() + c.clockOffsetMs;
    const since = okxNow - DAY_MS;
    const from = Math.floor(okxNow / DAY_MS) * DAY_MS - DAY_MS;
    const today = from + DAY_MS;
    const [todays, yesterdays] = await Promise.all([lendingSince(c, undefined, today), lendingSince(c, today, from)]);
    return { lending: [...todays.records, ...yesterdays.records], since, from, complete: todays.complete && yesterdays.complete };
  },
  okusd: async ({ client: c }) => {
    const [account, limits, apr, rewards, pending] = await Promise.all([
      c.okusd.account(),
      c.okusd.limits(),
      c.okusd.aprHistory({ limit: '1' }).next(),
      // Two daily rewards: today's and yesterday's (the Overview's "Earned yesterday").
      c.okusd.rewardsHistory({ limit: '2' }).next(),
      // Fast redemptions settle at once: only standard ones can still be on their way.
      c.okusd.redeemHistory({ type: 'standard', limit: '100' }).next(),
    ]);
    return { account: account[0], limits: limits[0], apr: apr[0], latestReward: rewards[0], rewards, pendingRedemptions: pending.filter(pendingStandardRedemption) };
  },
  stable: async ({ client: c, previous, remembered }) => {
    // The APY adds to the holding; a failure here must not hide it. The coins held before (in this session, or
    // the last) are asked at once.
    const apyOf = (ccy: string): Promise<T.StableRewardsApyPoint | undefined> => c.stableRewards.apyHistory({ ccy, days: '1' }).then(([latest]) => latest, () => undefined);
    const balance = c.stableRewards.balance().then(([b]) => b?.details ?? []);
    const [holdings, apy] = await followUps(balance, (list) => list.map((h) => h.ccy), previous?.holdings.map((h) => h.ccy) ?? remembered?.stableCcys ?? [], apyOf);
    return { holdings, apy };
  },
  dual: async ({ client: c }) => ({ orders: await c.dual.orderHistory({ limit: '100' }).next() }),
  dualPairs: async ({ client: c }) => ({ pairs: await c.dual.currencyPairs() }),
  funding: async ({ client: c }) => ({ balances: await c.account.fundingBalances() }),
  // OKX answers one object for the account; its details are the currencies held (all of them: no ccy filter).
  trading: async ({ client: c }) => ({ details: (await c.account.tradingBalance())[0]?.details ?? [] }),
  market: async ({ client: c }) => {
    // Without a currency, one history page holds every currency's latest hour, whatever the limit.
    const [lendingRates, latestRates, eth, sol] = await Promise.all([
      c.savings.lendingRateSummary(),
      c.savings.lendingRateHistory({ limit: '1' }).next(),
      c.eth.apyHistory({ days: '1' }),
      c.sol.apyHistory({ days: '1' }),
    ]);
    return { lendingRates, latestRates, ethApy: eth[0], solApy: sol[0] };
  },
};

/**
 * Idle money: what the user holds in the funding and trading accounts that earns nothing, per currency, with the
 * best product that would take it (./compare). Amounts are decimal text throughout. No `vscode` import.
 */
import * as D from '../decimal';
import type { CompareOption } from './compare';
import { usdValue } from './prices';

/** One currency of the funding account, as OKX gives it (`GET /api/v5/asset/balances`). */
export interface FundingLine {
  readonly ccy: string;
  readonly availBal: string;
}

/** One currency of the trading account, as OKX gives it (`GET /api/v5/account/balance`, `details`). */
export interface TradingLine {
  readonly ccy: string;
  readonly availBal: string;
  /** `unsupported`, `off`, `pending` or `active`; what is matched (`autoLendMtAmt`) earns while `active`. */
  readonly autoLendStatus?: string;
  readonly autoLendMtAmt?: string;
}

/**
 * Tokens that earn while they sit in an account: BETH and OKSOL (staking rewards), OKUSD (its daily yield).
 * Stable Rewards coins earning are passed in (they depend on the account's state).
 */
export const EARNING_TOKENS: ReadonlySet<string> = new Set(['BETH', 'OKSOL', 'OKUSD']);

/** Below this USD value a currency's idle amount is dust, not listed. */
export const IDLE_DUST_USD = '1';

export interface IdleMoney {
  readonly ccy: string;
  /** Funding + trading, idle. */
  readonly amt: string;
  readonly funding: string;
  readonly trading: string;
  /** USD value at OKX's index price; undefined without a price. */
  readonly usd: string | undefined;
  /** The best product for it (./compare's `bestKeepingCurrency`). */
  readonly best: CompareOption;
}

const positive = (value: string | undefined): string => (value !== undefined && D.isPlainDecimal(value) && D.isPositive(value) ? value : '0');

/** What of a trading-account line earns nothing: its available balance less what auto-earn has matched (while active). */
export function tradingIdle(line: TradingLine): string {
  const avail = positive(line.availBal);
  const matched = line.autoLendStatus === 'active' ? positive(line.autoLendMtAmt) : '0';
  return D.max('0', D.sub(avail, matched));
}

export interface IdleInput {
  /** Undefined: the funding account was not read (its money is not counted, not taken as none). */
  readonly funding: readonly FundingLine[] | undefined;
  readonly trading: readonly TradingLine[] | undefined;
  readonly prices: ReadonlyMap<string, string> | undefined;
  /** Currencies that earn where they are held (Stable Rewards coins that are earning). */
  readonly earning: ReadonlySet<string>;
  /** The best product for a currency, or undefined when none takes it now. */
  readonly best: (ccy: string) => CompareOption | undefined;
}

/**
 * Each currency held idle in the funding and trading accounts that some product would take, the largest USD
 * value first (those without a price after, by currency). Tokens that earn where they are held, and dust worth
 * less than IDLE_DUST_USD, are left out.
 */
export function idleMoney(input: IdleInput): IdleMoney[] {
  const funding = new Map<string, string>();
  const trading = new Map<string, string>();
  for (const line of input.funding ?? []) funding.set(line.ccy, D.add(funding.get(line.ccy) ?? '0', positive(line.availBal)));
  for (const line of input.trading ?? []) trading.set(line.ccy, D.add(trading.get(line.ccy) ?? '0', tradingIdle(line)));
  const rows: IdleMoney[] = [];
  for (const ccy of new Set([...funding.keys(), ...trading.keys()])) {
    if (EARNING_TOKENS.has(ccy) || input.earning.has(ccy)) continue;
    const f = funding.get(ccy) ?? '0';
    const t = trading.get(ccy) ?? '0';
    const amt = D.add(f, t);
    if (!D.isPositive(amt)) continue;
    const usd = input.prices === undefined ? undefined : usdValue(input.prices, ccy, amt);
    if (usd !== undefined && D.lt(usd, IDLE_DUST_USD)) continue;
    const best = input.best(ccy);
    if (best === undefined) continue;
    rows.push({ ccy, amt: D.trim(amt), funding: D.trim(f), trading: D.trim(t), usd, best });
  }
  return rows.sort((a, b) =>
    a.usd !== undefined && b.usd !== undefined ? D.cmp(b.usd, a.usd) || a.ccy.localeCompare(b.ccy)
    : a.usd !== undefined ? -1 : b.usd !== undefined ? 1 : a.ccy.localeCompare(b.ccy));
}

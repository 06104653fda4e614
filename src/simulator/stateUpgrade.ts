/**
 * A simulator state file saved by an earlier version, read as the current one: version 1 (one loan per account,
 * before OKX's loan orders) and states saved before OKUSD, Stable Rewards, Dual Investment and the trading account.
 */
import { existsSync, readFileSync } from 'node:fs';
import { emptyTrading } from './accounts';
import { dualConfig, nextId, okusdConfig, stableRewardsConfig } from './state';
import type { SimInterestRecord, SimLoanRecord, SimLtvLimits, SimState } from './stateTypes';

/** The loan part of a version-1 state file (one loan per account, before OKX's loan orders). */
interface V1Loan extends SimLtvLimits {
  loan: { ccy: string; amt: string }[];
  collateral: { ccy: string; amt: string }[];
  interestRate: Record<string, string>;
  quota: Record<string, string>;
  collateralCurrencies: string[];
  restricted: string[];
  minCollateral: Record<string, string>;
  history: Omit<SimLoanRecord, 'ordId'>[];
  interest: Omit<SimInterestRecord, 'ordId'>[];
}

/**
 * A saved state as the current version: version 2 as it is; version 1 (one loan per account) with its loan
 * turned into the account's one loan order. Anything else is refused.
 */
export function upgradeState(saved: unknown): SimState {
  const version = (saved as { version?: unknown } | null)?.version;
  if (version === 2) return withMoreEarnProducts(saved as SimState);
  if (version !== 1) throw new Error(`not a simulator state (version ${String(version)})`);
  const { loan: old, ...rest } = saved as Omit<SimState, 'version' | 'loans'> & { version: 1; loan: V1Loan };
  const state: SimState = {
    ...rest,
    version: 2,
    loans: {
      orders: [],
      standard: { initialLTV: old.initialLTV, marginCallLTV: old.marginCallLTV, liqLTV: old.liqLTV },
      emode: { initialLTV: '0.85', marginCallLTV: '0.9', liqLTV: '0.95' },
      emodePairs: [],
      interestRate: old.interestRate,
      quota: old.quota,
      collateralCurrencies: old.collateralCurrencies,
      restricted: old.restricted,
      minCollateral: old.minCollateral,
      history: [],
      interest: [],
      repayments: [],
      clientOrderIds: [],
      repaySettleMs: 3000,
    },
  };
  const open = old.collateral.length > 0 || old.loan.some((l) => l.amt !== '0');
  const ordId = open ? nextId(state) : '';
  if (open) {
    const opened = Math.min(state.lastTick, ...old.history.map((r) => r.ts));
    state.loans.orders.push({ ordId, eMode: false, createdAt: opened, loan: old.loan, collateral: old.collateral });
  }
  state.loans.history = old.history.map((r) => ({ ...r, ordId }));
  state.loans.interest = old.interest.map((r) => ({ ...r, ordId }));
  return withMoreEarnProducts(state);
}

/** A state saved before OKUSD, Stable Rewards and Dual Investment: the products, with nothing held in them. */
function withMoreEarnProducts(state: Partial<Pick<SimState, 'okusd' | 'stableRewards' | 'dual' | 'trading'>> & Omit<SimState, 'okusd' | 'stableRewards' | 'dual' | 'trading'>): SimState {
  return {
    ...state,
    trading: state.trading ?? emptyTrading(),
    okusd: state.okusd ?? okusdConfig(state.lastTick),
    stableRewards: state.stableRewards ?? { ...stableRewardsConfig(state.lastTick), holdings: {} },
    dual: state.dual ?? dualConfig(),
  };
}

/** The state saved in `file`, brought up to today's shape; `fallback()` when there is no file. */
export function loadStateFile(file: string | undefined, fallback: () => SimState): SimState {
  if (file === undefined || !existsSync(file)) return fallback();
  try {
    return upgradeState(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

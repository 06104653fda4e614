/**
 * What a refresh asks per loan order and per coin, kept between sessions: each order's collateral look-ups
 * (max-collateral-redeem-amount, per order and currency) and the Stable Rewards coins held (their APY, per
 * coin). OKX can only be asked those once the lists that name them have answered, so a refresh that knows
 * nothing takes two round trips; one that remembers them sends them alongside the lists (./areaLoaders,
 * `followUps`) and takes one. Within a session the areas' last data is that memory; this keeps it for the next
 * session, so that its first refresh is a single round trip too.
 *
 * Only order ids and currency names, per host and profile: never an amount, never a credential. A remembered
 * look-up that no longer applies (an order repaid, a coin sold) costs one request whose answer is not kept.
 * No `vscode` import: the extension passes its `globalState`.
 */
import type * as T from '../okx/types';
import { loanKey } from './risk';

/** One max-collateral-redeem-amount look-up: a collateral currency of an order. */
export interface CollateralLookup {
  /** `ccy@order` (./risk `loanKey`): what the loanLimits area files the answer under. */
  readonly key: string;
  readonly ccy: string;
  /** Empty when OKX gave the order no id (then there is one order). */
  readonly ordId: string;
}

export interface FollowUps {
  readonly collateral: readonly CollateralLookup[];
  readonly stableCcys: readonly string[];
}

/** Where one account's follow-ups are kept between sessions. */
export interface FollowUpStore {
  read(): FollowUps | undefined;
  write(followUps: FollowUps): void;
}

/** The part of VS Code's `Memento` used here. */
export interface MementoLike {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** More than any account has; a stored value over them is not used. */
const MAX_LOOKUPS = 64;
const MAX_COINS = 32;
/** Hosts and profiles remembered: the most recently refreshed. */
const MAX_ACCOUNTS = 8;
const TEXT = /^[A-Za-z0-9@:+._-]{0,64}$/;
const STORAGE_KEY = 'okxEarn.followUps';

/**
 * Whose follow-ups a connection reads and writes: the host and profile, or 'sandbox' for the Sandbox (it has no
 * profile, and its simulator listens on a new port each session). None without a host, or without a profile.
 */
export function followUpAccount(environment: string, baseUrl: string | undefined, profile: string | undefined): string | undefined {
  if (baseUrl === undefined) return undefined;
  if (environment === 'sandbox') return 'sandbox';
  return profile === undefined ? undefined : `${baseUrl} ${profile}`;
}

/** The look-ups of these orders: one per order and collateral currency. */
export function collateralLookups(loans: readonly T.LoanInfo[]): CollateralLookup[] {
  return loans.flatMap((loan) =>
    loan.collateralData.map(({ ccy }) => ({ key: `${ccy}@${loanKey(loan)}`, ccy, ordId: typeof loan.ordId === 'string' ? loan.ordId : '' })),
  );
}

const isText = (value: unknown): value is string => typeof value === 'string' && TEXT.test(value);

/** A stored value, if it has the shape written: anything else (an older shape, a hand edit) is not used. */
export function parseFollowUps(value: unknown): FollowUps | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { collateral, stableCcys } = value as Record<string, unknown>;
  if (!Array.isArray(collateral) || !Array.isArray(stableCcys) || collateral.length > MAX_LOOKUPS || stableCcys.length > MAX_COINS) return undefined;
  const lookups: CollateralLookup[] = [];
  for (const item of collateral as unknown[]) {
    if (typeof item !== 'object' || item === null) return undefined;
    const { key, ccy, ordId } = item as Record<string, unknown>;
    if (!isText(key) || !isText(ccy) || ccy === '' || !isText(ordId)) return undefined;
    lookups.push({ key, ccy, ordId });
  }
  if (!stableCcys.every((ccy) => isText(ccy) && ccy !== '')) return undefined;
  return { collateral: lookups, stableCcys: stableCcys as string[] };
}

/**
 * One account's follow-ups in a memento, under `okxEarn.followUps` keyed by `account` (host and profile), for
 * the MAX_ACCOUNTS last written. A write that changes nothing is not made; one that fails is forgotten (the
 * next session asks in two rounds).
 */
export function mementoFollowUps(memento: MementoLike, account: string): FollowUpStore {
  const all = (): Record<string, unknown> => {
    const stored = memento.get(STORAGE_KEY);
    return typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  };
  return {
    read: () => parseFollowUps(all()[account]),
    write: (followUps) => {
      const stored = all();
      if (JSON.stringify(stored[account]) === JSON.stringify(followUps)) return;
      // This account last; the accounts used longest ago dropped beyond MAX_ACCOUNTS.
      const others = Object.entries(stored).filter(([key]) => key !== account).slice(-(MAX_ACCOUNTS - 1));
      void Promise.resolve(memento.update(STORAGE_KEY, Object.fromEntries([...others, [account, followUps]]))).catch(() => undefined);
    },
  };
}

/** A store in memory (tests and the bench: "the last session" without VS Code). */
export function memoryFollowUps(): FollowUpStore {
  let kept: FollowUps | undefined;
  return {
    read: () => kept,
    write: (followUps) => {
      kept = followUps;
    },
  };
}

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
 * No `vscode` import: the extension passes the file, in its global storage.
 */
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
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

/** More than any account has; a stored value over them is not used. */
const MAX_LOOKUPS = 64;
const MAX_COINS = 32;
/** Hosts and profiles remembered: the most recently refreshed. */
const MAX_ACCOUNTS = 8;
const TEXT = /^[A-Za-z0-9@:+._-]{0,64}$/;

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

/** Each follow-ups file's accounts, as this process last read or wrote them, and its writes in order. */
const files = new Map<string, { accounts: Record<string, unknown>; writing: Promise<void> }>();

/** A file's accounts: read once per process (a missing or damaged file holds none). */
function openFile(file: string): { accounts: Record<string, unknown>; writing: Promise<void> } {
  let open = files.get(file);
  if (open === undefined) {
    let accounts: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) accounts = parsed as Record<string, unknown>;
    } catch {
      // None kept yet, or not ours to read: the next session asks in two rounds.
    }
    open = { accounts, writing: Promise.resolve() };
    files.set(file, open);
  }
  return open;
}

/**
 * One account's follow-ups in a JSON file of the extension's global storage, keyed by `account` (host and
 * profile), for the MAX_ACCOUNTS last written. A file, not `globalState`: a cache the extension can rebuild has
 * no business racing the user's own state there (pending money moves, choices), whose memento a burst of writes
 * from elsewhere can briefly show stale. A write that changes nothing is not made; writes go out one after
 * another (a temporary file renamed over the last); one that fails is forgotten.
 */
export function fileFollowUps(file: string, account: string): FollowUpStore {
  const open = openFile(file);
  return {
    read: () => parseFollowUps(open.accounts[account]),
    write: (followUps) => {
      if (JSON.stringify(open.accounts[account]) === JSON.stringify(followUps)) return;
      // This account last; the accounts used longest ago dropped beyond MAX_ACCOUNTS.
      const others = Object.entries(open.accounts).filter(([key]) => key !== account).slice(-(MAX_ACCOUNTS - 1));
      open.accounts = Object.fromEntries([...others, [account, followUps]]);
      const text = JSON.stringify(open.accounts);
      open.writing = open.writing
        .then(async () => {
          await mkdir(path.dirname(file), { recursive: true });
          const temporary = `${file}.${process.pid}.part`;
          await writeFile(temporary, text);
          await rename(temporary, file);
        })
        .catch(() => undefined);
    },
  };
}

/** For tests: waits for a file's writes so far, and forgets what this process read of it. */
export async function settleFollowUpsFile(file: string): Promise<void> {
  await files.get(file)?.writing;
  files.delete(file);
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

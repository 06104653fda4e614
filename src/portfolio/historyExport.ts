/**
 * Every history OKX keeps of an account, read page after page and written as one CSV document: on-chain earn
 * orders, ETH and SOL staking purchases and redemptions, savings lending, each flexible-loan order's history
 * and accrued interest, OKUSD subscriptions, redemptions (fast and standard) and daily rewards, and Dual
 * Investment orders. Nothing is returned until every page has been read: a cancelled or failed export gives
 * no partial result. Amounts are exactly as OKX sent them; times in ISO 8601 UTC, or, in the readable form
 * (./exportColumns), as dates with rates as percentages. No `vscode` import.
 */
import type { OkxClient } from '../okx/client';
import type { Pager } from '../okx/pager';
import type * as T from '../okx/types';
import { csvDocument, isoTime } from './csv';
import { UTF8_BOM, readableTable, type Table } from './exportColumns';

export const EXPORT_KINDS = ['onchain', 'eth', 'sol', 'savings', 'loan', 'interest', 'okusdSubscribe', 'okusdRedeem', 'okusdRewards', 'dual'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The part of the file name that says which history it is. */
const FILE_SLUGS: Record<ExportKind, string> = {
  onchain: 'onchain-orders',
  eth: 'eth-staking',
  sol: 'sol-staking',
  savings: 'savings-lending',
  loan: 'loan-history',
  interest: 'loan-interest',
  okusdSubscribe: 'okusd-subscriptions',
  okusdRedeem: 'okusd-redemptions',
  okusdRewards: 'okusd-rewards',
  dual: 'dual-investment-orders',
};

/** `okx-earn-savings-lending-2026-12-02.csv`, dated with the local day. */
export function exportFileName(kind: ExportKind, today: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `okx-earn-${FILE_SLUGS[kind]}-${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}.csv`;
}

export interface ExportOptions {
  /** Only records at or after this time (OKX's clock, Unix ms); everything OKX keeps when absent. */
  readonly since?: number;
  /** Checked before and after every page: once aborted, the export stops with ExportCancelled. */
  readonly signal?: AbortSignal;
  /** After every page: the records in range read so far. */
  readonly onProgress?: (records: number) => void;
  /** Records per request; OKX's maximum, 100, by default. */
  readonly pageSize?: number;
  /**
   * The readable form (./exportColumns): each column headed by what this says of its OKX field (and number, for a
   * numbered field of on-chain orders), times as dates and rates as percentages. OKX's raw fields when absent.
   */
  readonly readable?: (field: string, kind: ExportKind, index: number | undefined) => string;
}

export interface HistoryExport {
  readonly csv: string;
  /** Data rows (the header not counted). */
  readonly records: number;
}

/** The export was cancelled: nothing of it is kept. */
export class ExportCancelled extends Error {
  constructor() {
    super('The export was cancelled.');
    this.name = 'ExportCancelled';
  }
}

/** Text as OKX sent it; '' for a missing field (never "undefined"). */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/** Milliseconds of an OKX time, or undefined when it is not one (such a record is kept: nothing is lost). */
function millis(value: unknown): number | undefined {
  return typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : undefined;
}

const atOrAfter = (time: unknown, since: number | undefined): boolean => {
  if (since === undefined) return true;
  const ms = millis(time);
  return ms === undefined || ms >= since;
};

interface Reading {
  readonly since: number | undefined;
  readonly pageSize: number;
  readonly limit: string;
  /** Throws ExportCancelled once the signal is aborted. */
  checkpoint(): void;
  /** Counts records read in range and tells the listener. */
  counted(records: number): void;
}

interface Pages<R> {
  readonly done: boolean;
  next(): Promise<R[]>;
}

/**
 * Reads pages until the history ends or, with `stopEarly` (the history comes newest first), until a whole page
 * is older than the range. Keeps the records `inRange` says are in it.
 */
async function readAll<R>(pages: Pages<R>, reading: Reading, inRange: (record: R) => boolean, stopEarly: boolean): Promise<R[]> {
  const kept: R[] = [];
  while (!pages.done) {
    reading.checkpoint();
    const page = await pages.next();
    reading.checkpoint();
    const wanted = page.filter(inRange);
    kept.push(...wanted);
    reading.counted(wanted.length);
    if (stopEarly && page.length > 0 && wanted.length === 0) break;
  }
  return kept;
}

const upTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

function onchainTable(orders: readonly T.HistoricOrder[]): Table {
  // One row per order; an order's invested and earned currencies side by side, as many as the order with most.
  const invest = orders.reduce((n, o) => Math.max(n, (o.investData ?? []).length), 1);
  const earning = orders.reduce((n, o) => Math.max(n, (o.earningData ?? []).length), 1);
  const header = [
    'ordId', 'productId', 'ccy', 'protocol', 'protocolType', 'term', 'apy', 'state', 'purchasedTime', 'redeemedTime', 'tag',
    ...upTo(invest).flatMap((i) => [`investCcy${i}`, `investAmt${i}`]),
    ...upTo(earning).flatMap((i) => [`earningCcy${i}`, `earningType${i}`, `realizedEarnings${i}`]),
  ];
  const rows = orders.map((o) => [
    text(o.ordId), text(o.productId), text(o.ccy), text(o.protocol), text(o.protocolType), text(o.term), text(o.apy), text(o.state),
    isoTime(o.purchasedTime), isoTime(o.redeemedTime), text(o.tag),
    ...upTo(invest).flatMap((i) => {
      const d = (o.investData ?? [])[i - 1];
      return [text(d?.ccy), text(d?.amt)];
    }),
    ...upTo(earning).flatMap((i) => {
      const d = (o.earningData ?? [])[i - 1];
      return [text(d?.ccy), text(d?.earningType), text(d?.realizedEarnings)];
    }),
  ]);
  return { header, rows };
}

function stakingTable(records: readonly T.StakingHistoryRecord[], withOrderId: boolean): Table {
  const header = [...(withOrderId ? ['ordId'] : []), 'type', 'status', 'amt', 'redeemingAmt', 'requestTime', 'completedTime', 'estCompletedTime'];
  const rows = records.map((r) => [
    ...(withOrderId ? [text(r.ordId)] : []),
    text(r.type), text(r.status), text(r.amt), text(r.redeemingAmt), isoTime(r.requestTime), isoTime(r.completedTime), isoTime(r.estCompletedTime),
  ]);
  return { header, rows };
}

function savingsTable(records: readonly T.LendingRecord[]): Table {
  return {
    header: ['ts', 'ccy', 'amt', 'earnings', 'rate'],
    rows: records.map((r) => [isoTime(r.ts), text(r.ccy), text(r.amt), text(r.earnings), text(r.rate)]),
  };
}

function loanTable(records: readonly (T.LoanHistoryRecord & { ordId: string })[]): Table {
  return {
    header: ['ordId', 'refId', 'type', 'ccy', 'amt', 'ts'],
    rows: records.map((r) => [text(r.ordId), text(r.refId), text(r.type), text(r.ccy), text(r.amt), isoTime(r.ts)]),
  };
}

function interestTable(records: readonly (T.InterestAccrual & { ordId: string })[]): Table {
  return {
    header: ['ordId', 'refId', 'ccy', 'loan', 'interest', 'interestRate', 'ts'],
    rows: records.map((r) => [text(r.ordId), text(r.refId), text(r.ccy), text(r.loan), text(r.interest), text(r.interestRate), isoTime(r.ts)]),
  };
}

function okusdSubscribeTable(records: readonly T.OkusdSubscription[]): Table {
  return {
    header: ['ordId', 'clOrdId', 'status', 'ccy', 'amt', 'settleCcy', 'settleCcyAmt', 'ts'],
    rows: records.map((r) => [text(r.ordId), text(r.clOrdId), text(r.status), text(r.ccy), text(r.amt), text(r.settleCcy), text(r.settleCcyAmt), isoTime(r.ts)]),
  };
}

function okusdRedeemTable(records: readonly T.OkusdRedemption[]): Table {
  return {
    header: ['ordId', 'clOrdId', 'type', 'status', 'ccy', 'amt', 'fee', 'settleCcy', 'settleCcyAmt', 'estSettlementTime', 'ts'],
    rows: records.map((r) => [
      text(r.ordId), text(r.clOrdId), text(r.type), text(r.status), text(r.ccy), text(r.amt), text(r.fee), text(r.settleCcy), text(r.settleCcyAmt),
      isoTime(r.estSettlementTime), isoTime(r.ts),
    ]),
  };
}

function okusdRewardsTable(records: readonly T.OkusdReward[]): Table {
  return {
    header: ['ts', 'ccy', 'earnAmt', 'amt', 'apr'],
    rows: records.map((r) => [isoTime(r.ts), text(r.ccy), text(r.earnAmt), text(r.amt), text(r.apr)]),
  };
}

function dualTable(orders: readonly T.DualOrder[]): Table {
  return {
    header: [
      'ordId', 'quoteId', 'productId', 'state', 'baseCcy', 'quoteCcy', 'uly', 'strike', 'notionalSz', 'notionalCcy', 'absYield', 'annualizedYield',
      'yieldSz', 'yieldCcy', 'settleSz', 'settleCcy', 'settlePx', 'settleTime', 'expTime', 'redeemStartTime', 'redeemEndTime', 'cTime', 'uTime',
    ],
    rows: orders.map((o) => [
      text(o.ordId), text(o.quoteId), text(o.productId), text(o.state), text(o.baseCcy), text(o.quoteCcy), text(o.uly), text(o.strike), text(o.notionalSz),
      text(o.notionalCcy), text(o.absYield), text(o.annualizedYield), text(o.yieldSz), text(o.yieldCcy), text(o.settleSz), text(o.settleCcy), text(o.settlePx),
      isoTime(o.settleTime), isoTime(o.expTime), isoTime(o.redeemStartTime), isoTime(o.redeemEndTime), isoTime(o.cTime), isoTime(o.uTime),
    ]),
  };
}

/** Newest first across orders (a stable sort: records of the same time keep OKX's order). */
function newestFirst<R extends { ts: string }>(records: R[]): R[] {
  const key = (r: R): number => millis(r.ts) ?? 0;
  return records.sort((a, b) => key(b) - key(a));
}

/**
 * A loan history (or its interest), order by order. OKX's records carry no order id, so each order that
 * loan-info lists is read with its `ordId`; then the whole history once more, for the records of orders that
 * are closed (repaid or liquidated, so no longer listed), which get an empty `ordId`.
 */
async function perOrder<R extends { refId: string; ts: string }>(
  client: OkxClient,
  reading: Reading,
  pagesOf: (ordId: string | undefined) => Pager<R>,
): Promise<(R & { ordId: string })[]> {
  reading.checkpoint();
  const orders = await client.loan.info();
  const inRange = (r: R): boolean => atOrAfter(r.ts, reading.since);
  const all: (R & { ordId: string })[] = [];
  const known = new Set<string>();
  for (const { ordId } of orders) {
    for (const record of await readAll(pagesOf(ordId), reading, inRange, true)) {
      all.push({ ...record, ordId });
      known.add(record.refId);
    }
  }
  // The progress of this pass counts only records not read above.
  const everyOrder = await readAll(pagesOf(undefined), { ...reading, counted: () => undefined }, inRange, true);
  const ofClosedOrders = everyOrder.filter((record) => !known.has(record.refId));
  all.push(...ofClosedOrders.map((record) => ({ ...record, ordId: '' })));
  reading.counted(ofClosedOrders.length);
  return newestFirst(all);
}

async function table(client: OkxClient, kind: ExportKind, reading: Reading): Promise<Table> {
  const { since, limit } = reading;
  switch (kind) {
    case 'onchain': {
      // Paged by order id, so an order bought before the range but redeemed in it can be on any page: all are read.
      const orders = await readAll(client.onchain.orderHistory({ limit }), reading, (o) => atOrAfter(o.purchasedTime, since) || atOrAfter(o.redeemedTime, since), false);
      return onchainTable(orders);
    }
    case 'eth':
    case 'sol': {
      const product = kind === 'eth' ? client.eth : client.sol;
      // The client's pager reads records that share a time across page ends without losing any.
      return stakingTable(await readAll(product.history({ limit }), reading, (r) => atOrAfter(r.requestTime, since), true), kind === 'eth');
    }
    case 'savings': {
      return savingsTable(await readAll(client.savings.lendingHistory({ limit }), reading, (r) => atOrAfter(r.ts, since), true));
    }
    case 'loan':
      return loanTable(await perOrder(client, reading, (ordId) => client.loan.history(ordId === undefined ? { limit } : { limit, ordId })));
    case 'interest':
      return interestTable(await perOrder(client, reading, (ordId) => client.loan.interestAccrued(ordId === undefined ? { limit } : { limit, ordId })));
    case 'okusdSubscribe':
      return okusdSubscribeTable(await readAll(client.okusd.subscribeHistory({ limit }), reading, (r) => atOrAfter(r.ts, since), true));
    case 'okusdRedeem': {
      // OKX lists fast and standard redemptions apart (standard unless asked): both, then merged newest first.
      const fast = await readAll(client.okusd.redeemHistory({ limit, type: 'fast' }), reading, (r) => atOrAfter(r.ts, since), true);
      const standard = await readAll(client.okusd.redeemHistory({ limit, type: 'standard' }), reading, (r) => atOrAfter(r.ts, since), true);
      return okusdRedeemTable(newestFirst([...fast, ...standard]));
    }
    case 'okusdRewards':
      // OKX keeps six months of rewards; asked with no range, it pages back from now.
      return okusdRewardsTable(await readAll(client.okusd.rewardsHistory({ limit }), reading, (r) => atOrAfter(r.ts, since), true));
    case 'dual':
      // Paged by order id: an order placed before the range but settled in it can be on any page, so all are read.
      return dualTable(await readAll(client.dual.orderHistory({ limit }), reading, (o) => atOrAfter(o.cTime, since) || atOrAfter(o.uTime, since), false));
  }
}

/** Reads one history in full (within `since`) and returns it as a CSV document; throws ExportCancelled when aborted. */
export async function exportHistory(client: OkxClient, kind: ExportKind, options: ExportOptions = {}): Promise<HistoryExport> {
  const pageSize = options.pageSize ?? 100;
  let records = 0;
  const reading: Reading = {
    since: options.since,
    pageSize,
    limit: String(pageSize),
    checkpoint: () => {
      if (options.signal?.aborted === true) throw new ExportCancelled();
    },
    counted: (n) => {
      records += n;
      options.onProgress?.(records);
    },
  };
  const raw = await table(client, kind, reading);
  reading.checkpoint();
  const { readable } = options;
  if (readable === undefined) return { csv: csvDocument(raw.header, raw.rows), records: raw.rows.length };
  const { header, rows } = readableTable(raw, (field, index) => readable(field, kind, index));
  // The readable form is for spreadsheets: a byte order mark, without which Excel reads UTF-8 (a Chinese
  // heading, a currency name) in the system's code page.
  return { csv: `${UTF8_BOM}${csvDocument(header, rows)}`, records: rows.length };
}

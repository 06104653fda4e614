/**
 * The two forms of an exported history. "OKX's raw fields": OKX's field names as the header, values exactly as
 * OKX sent them, times in ISO 8601 UTC. "Readable": the same columns, in the same order, headed in words (the
 * caller gives them, in the display language), times as `2026-12-02 09:00:00` (UTC, which a spreadsheet reads as
 * a date) and rates as percentages (`0.0123` → `1.23%`: the decimal point moves, nothing is rounded). Amounts,
 * ids, currencies and states are the same in both. The readable file starts with a UTF-8 byte order mark (for
 * Excel); the raw one does not. No `vscode` import.
 */
import { isPlainDecimal, mul, trim } from '../decimal';

export const EXPORT_STYLES = ['readable', 'raw'] as const;
export type ExportStyle = (typeof EXPORT_STYLES)[number];

/** What the readable file starts with, so that Excel reads it as UTF-8. */
export const UTF8_BOM = '\uFEFF';

export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** OKX's time fields (Unix ms, written as ISO 8601 by the raw form). */
const TIME_FIELDS: ReadonlySet<string> = new Set([
  'ts', 'purchasedTime', 'redeemedTime', 'requestTime', 'completedTime', 'estCompletedTime', 'estSettlementTime',
  'settleTime', 'expTime', 'redeemStartTime', 'redeemEndTime', 'cTime', 'uTime',
]);

/** OKX's rate fields: fractions ("0.0123" is 1.23 %), annual but for `absYield` (the yield over a Dual term). */
const RATE_FIELDS: ReadonlySet<string> = new Set(['apy', 'rate', 'interestRate', 'apr', 'absYield', 'annualizedYield']);

/** A header field as its name and, for the numbered ones of on-chain orders (`investAmt2`), its number. */
export function splitField(field: string): { readonly name: string; readonly index: number | undefined } {
  const numbered = /^([A-Za-z]+?)(\d+)$/.exec(field);
  return numbered === null ? { name: field, index: undefined } : { name: numbered[1] ?? field, index: Number(numbered[2]) };
}

/** A rate OKX sent as a fraction, as a percentage: "0.0123" → "1.23%", exact. Anything else is kept as it came. */
export function percentText(fraction: string): string {
  if (fraction === '' || !(isPlainDecimal(fraction) || (fraction.startsWith('-') && isPlainDecimal(fraction.slice(1))))) return fraction;
  return `${trim(mul(fraction, '100'))}%`;
}

/** An ISO 8601 UTC time as `2026-12-02 09:00:00` (milliseconds kept when there are any). Anything else as it came. */
export function utcText(iso: string): string {
  const parts = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d{3})Z$/.exec(iso);
  if (parts === null) return iso;
  const [, day, time, ms] = parts;
  return `${day ?? ''} ${time ?? ''}${ms === '.000' ? '' : (ms ?? '')}`;
}

/** The heading of a column in words: its OKX field name, and its number for a numbered field. */
export type ColumnLabel = (name: string, index: number | undefined) => string;

/** The readable form of a table in the raw form (see the top of this file). */
export function readableTable(table: Table, label: ColumnLabel): Table {
  const fields = table.header.map(splitField);
  const format = fields.map(({ name }) => (TIME_FIELDS.has(name) ? utcText : RATE_FIELDS.has(name) ? percentText : (value: string) => value));
  return {
    header: fields.map(({ name, index }) => label(name, index)),
    rows: table.rows.map((row) => row.map((value, i) => (format[i] ?? ((v: string) => v))(value))),
  };
}

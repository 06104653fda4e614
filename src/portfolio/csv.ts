/**
 * CSV as RFC 4180 writes it: CRLF after every record (the header row included), and a field quoted, with its
 * quotes doubled, when it holds a comma, a quote, CR or LF. Values are written exactly as given (amounts as OKX
 * sent them), with one exception against spreadsheet formula injection: a text that is not a number and starts
 * with `=`, `+`, `-`, `@`, a tab or CR gets a leading apostrophe, so that a spreadsheet shows it as text rather
 * than running it. A number (`-0.5`, `+3`, `1e-8`) is never touched. No `vscode` import.
 */

/** A number in any notation a spreadsheet reads as one: never a formula, so never neutralised. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** What a spreadsheet takes as the start of a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, neutralised and quoted as needed. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record, CRLF-terminated. */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** A whole document: the header row, then one record per row. Every row must have the header's width. */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const parts = [csvRecord(header)];
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`A CSV row has ${row.length} fields; the header has ${header.length}.`);
    parts.push(csvRecord(row));
  }
  return parts.join('');
}

/**
 * A time OKX sent (Unix milliseconds, as text) in ISO 8601 UTC, e.g. `2026-12-02T09:00:00.000Z`; empty when OKX
 * gave none. Text that is not a time in milliseconds is kept as it came rather than lost.
 */
export function isoTime(ms: string | undefined): string {
  if (ms === undefined || ms === '') return '';
  if (!/^\d{1,16}$/.test(ms)) return ms;
  const date = new Date(Number(ms));
  return Number.isNaN(date.getTime()) ? ms : date.toISOString();
}

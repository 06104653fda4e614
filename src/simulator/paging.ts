/** after/before/limit paging over records sorted newest first by a numeric cursor field. */
import { badParam } from './simError';

export function page<R>(records: readonly R[], cursor: (record: R) => string, query: Record<string, string>): R[] {
  const limitText = query.limit ?? '100';
  if (!/^\d+$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > 100) {
    badParam('limit');
  }
  for (const name of ['after', 'before']) {
    const value = query[name];
    if (value !== undefined && !/^\d+$/.test(value)) {
      badParam(name);
    }
  }
  // Each record's cursor read once (a history holds thousands of records), then sorted newest first.
  let selected = records.map((record) => ({ record, key: BigInt(cursor(record)) })).sort((a, b) => (b.key > a.key ? 1 : b.key < a.key ? -1 : 0));
  if (query.after !== undefined) {
    const after = BigInt(query.after);
    selected = selected.filter(({ key }) => key < after);
  }
  if (query.before !== undefined) {
    const before = BigInt(query.before);
    // Newer than `before`: the ones closest to it, still newest first.
    selected = selected.filter(({ key }) => key > before).slice(-Number(limitText));
  }
  return selected.slice(0, Number(limitText)).map(({ record }) => record);
}

/**
 * begin/end/limit paging (the OKUSD histories): records whose time is within [begin, end], both inclusive,
 * newest first, at most `limit` (default `defaultLimit`, at most 100). `maxSpanMs`: the longest begin–end
 * span OKX accepts, where it documents one.
 */
export function timeRange<R>(
  records: readonly R[],
  time: (record: R) => number,
  query: { limit?: string; begin?: string; end?: string },
  defaultLimit: number,
  maxSpanMs?: number,
): R[] {
  const limitText = query.limit ?? String(defaultLimit);
  if (!/^\d+$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > 100) badParam('limit');
  for (const name of ['begin', 'end'] as const) {
    const value = query[name];
    if (value !== undefined && !/^\d{1,16}$/.test(value)) badParam(name);
  }
  const begin = query.begin === undefined ? undefined : Number(query.begin);
  const end = query.end === undefined ? undefined : Number(query.end);
  if (begin !== undefined && end !== undefined && begin > end) badParam('begin');
  if (maxSpanMs !== undefined && begin !== undefined && end !== undefined && end - begin > maxSpanMs) badParam('begin');
  return records
    .filter((r) => (begin === undefined || time(r) >= begin) && (end === undefined || time(r) <= end))
    .sort((a, b) => time(b) - time(a))
    .slice(0, Number(limitText));
}

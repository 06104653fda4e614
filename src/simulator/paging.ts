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
  const key = (record: R): bigint => BigInt(cursor(record));
  let selected = [...records].sort((a, b) => (key(b) > key(a) ? 1 : key(b) < key(a) ? -1 : 0));
  if (query.after !== undefined) {
    const after = BigInt(query.after);
    selected = selected.filter((record) => key(record) < after);
  }
  if (query.before !== undefined) {
    const before = BigInt(query.before);
    // Newer than `before`: the ones closest to it, still newest first.
    selected = selected.filter((record) => key(record) > before).slice(-Number(limitText));
  }
  return selected.slice(0, Number(limitText));
}

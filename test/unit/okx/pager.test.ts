import * as assert from 'node:assert/strict';
import { Pager } from '../../../src/okx/pager';
import { OkxError } from '../../../src/okx/errors';

interface Row {
  readonly id: string;
  readonly ts: string;
}

/** OKX's `after`: the records strictly older than the cursor, newest first, `size` at most. */
function okxPages(rows: readonly Row[], size: number, asked: (string | undefined)[]): (after: string | undefined) => Promise<Row[]> {
  const sorted = [...rows].sort((a, b) => Number(b.ts) - Number(a.ts));
  return (after) => {
    asked.push(after);
    return Promise.resolve(sorted.filter((r) => after === undefined || Number(r.ts) < Number(after)).slice(0, size));
  };
}

async function readAll(pager: Pager<Row>): Promise<Row[]> {
  const all: Row[] = [];
  for await (const page of pager) all.push(...page);
  return all;
}

describe('okx/client Pager', () => {
  // Three records an hour, as the savings lending history without a currency.
  const rows: Row[] = [];
  for (let hour = 0; hour < 10; hour += 1) for (const ccy of ['BTC', 'ETH', 'USDT']) rows.push({ id: `${ccy}${hour}`, ts: String(1_700_000_000_000 + hour * 3_600_000) });

  it('a time cursor (ties) reads records sharing a time across page ends, each once', async () => {
    const asked: (string | undefined)[] = [];
    const all = await readAll(new Pager(okxPages(rows, 4, asked), (r) => r.ts, 4, true));
    assert.equal(all.length, rows.length);
    assert.deepEqual(new Set(all.map((r) => r.id)), new Set(rows.map((r) => r.id)));
    assert.equal(asked[1], String(Number(rows[rows.length - 1 - 3]?.ts) + 1), 'the second page is asked from just after the last time read');
  });

  it('the strict cursor (an id) reads as OKX gives, and would lose tied records at page ends', async () => {
    const all = await readAll(new Pager(okxPages(rows, 4, []), (r) => r.ts, 4));
    assert.ok(all.length < rows.length, `${all.length} of ${rows.length}`);
  });

  it('more records at one time than a page holds: an OkxError, not a short history', async () => {
    const pager = new Pager(okxPages(rows, 2, []), (r) => r.ts, 2, true);
    await assert.rejects(readAll(pager), (error: unknown) => error instanceof OkxError && error.category === 'unavailable' && /more than 2 records/.test(error.message));
    assert.equal(pager.done, true);
  });

  it('ends on a short page and never asks again', async () => {
    const asked: (string | undefined)[] = [];
    const pager = new Pager(okxPages(rows.slice(0, 5), 4, asked), (r) => r.ts, 4, true);
    assert.equal((await pager.next()).length, 4);
    assert.equal((await pager.next()).length, 1);
    assert.equal(pager.done, true);
    assert.deepEqual(await pager.next(), []);
    assert.equal(asked.length, 2);
  });
});

import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import { columnLabel } from '../../../src/commands/exportLabels';
import { UTF8_BOM, percentText, readableTable, splitField, utcText } from '../../../src/portfolio/exportColumns';
import { EXPORT_KINDS, exportHistory } from '../../../src/portfolio/historyExport';
import { parseCsv } from '../support/csv';
import { startSim, type SimHarness } from '../support/sim';

/** `2026-12-02 09:00:00`, in UTC, as the readable form writes a time. */
const utc = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').replace(/\.000Z$/, '').replace(/Z$/, '');

describe('portfolio/exportColumns: the readable form of an export', () => {
  it('writes a rate OKX sends as a fraction as an exact percentage, and leaves anything else as it came', () => {
    assert.equal(percentText('0.0123'), '1.23%');
    assert.equal(percentText('0.05'), '5%');
    assert.equal(percentText('0.000001234567'), '0.0001234567%', 'nothing rounded');
    assert.equal(percentText('3.65'), '365%');
    assert.equal(percentText('0'), '0%');
    assert.equal(percentText('-0.012'), '-1.2%');
    assert.equal(percentText(''), '');
    assert.equal(percentText('n/a'), 'n/a');
  });

  it('writes an ISO time as a date and time a spreadsheet reads, in UTC', () => {
    assert.equal(utcText('2026-12-02T09:00:00.000Z'), '2026-12-02 09:00:00');
    assert.equal(utcText('2026-12-02T09:00:00.123Z'), '2026-12-02 09:00:00.123', 'milliseconds kept when there are any');
    assert.equal(utcText(''), '');
    assert.equal(utcText('soon'), 'soon');
  });

  it("names the numbered fields of on-chain orders by name and number", () => {
    assert.deepEqual(splitField('investAmt2'), { name: 'investAmt', index: 2 });
    assert.deepEqual(splitField('realizedEarnings1'), { name: 'realizedEarnings', index: 1 });
    assert.deepEqual(splitField('ordId'), { name: 'ordId', index: undefined });
  });

  it('heads every column in words, converts only the time and rate columns, and keeps the order of the columns', () => {
    const table = readableTable(
      { header: ['ts', 'ccy', 'amt', 'rate', 'investAmt1'], rows: [['2026-12-02T09:00:00.000Z', 'USDT', '0.00000001', '0.0841', '12.5']] },
      (name, index) => `<${name}${index === undefined ? '' : ` #${index}`}>`,
    );
    assert.deepEqual(table.header, ['<ts>', '<ccy>', '<amt>', '<rate>', '<investAmt #1>']);
    assert.deepEqual(table.rows, [['2026-12-02 09:00:00', 'USDT', '0.00000001', '8.41%', '12.5']], 'amounts exactly as OKX sent them');
  });

  it('has a heading in words for every field of every history (none left as an OKX field name)', () => {
    const fields = ['ordId', 'clOrdId', 'quoteId', 'refId', 'productId', 'ccy', 'protocol', 'protocolType', 'term', 'state', 'status', 'type', 'tag', 'amt',
      'redeemingAmt', 'earnings', 'earnAmt', 'loan', 'interest', 'fee', 'settleCcy', 'settleCcyAmt', 'settleSz', 'settlePx', 'baseCcy', 'quoteCcy', 'uly',
      'strike', 'notionalSz', 'notionalCcy', 'yieldSz', 'yieldCcy', 'apy', 'annualizedYield', 'apr', 'rate', 'interestRate', 'absYield', 'ts', 'purchasedTime',
      'redeemedTime', 'requestTime', 'completedTime', 'estCompletedTime', 'estSettlementTime', 'settleTime', 'expTime', 'redeemStartTime', 'redeemEndTime',
      'cTime', 'uTime'];
    for (const kind of EXPORT_KINDS) {
      for (const field of fields) assert.notEqual(columnLabel(field, kind, undefined), field, `${kind}: ${field}`);
    }
    assert.equal(columnLabel('investAmt', 'onchain', 2), 'Invested amount 2');
  });
});

describe('portfolio/historyExport: the readable form, against the simulator', function () {
  this.timeout(30_000);
  let h: SimHarness;
  beforeEach(async () => {
    h = await startSim({ frozenClock: true });
  });
  afterEach(() => h.sim.close());

  it('savings lending: headed in words, times as UTC dates, the lending rate as a percentage, amounts as OKX sent them', async () => {
    const result = await exportHistory(h.client, 'savings', { readable: columnLabel });
    assert.ok(result.csv.startsWith(`${UTF8_BOM}Time (UTC),`), 'a byte order mark first, for Excel');
    const rows = parseCsv(result.csv.slice(UTF8_BOM.length));
    assert.deepEqual(rows[0], ['Time (UTC)', 'Currency', 'Amount lent', 'Earnings', 'Lending rate (a year)']);
    assert.equal(result.records, h.sim.state.lendingHistory.length);
    const newest = [...h.sim.state.lendingHistory].sort((a, b) => b.ts - a.ts).find((r) => r.ccy === 'USDT');
    assert.ok(newest);
    assert.deepEqual(rows.find((r) => r[1] === 'USDT'), [utc(newest.ts), 'USDT', newest.amt, newest.earnings, percentText(newest.rate)]);
    assert.match(rows[1]?.[4] ?? '', /^\d+(\.\d+)?%$/);
    assert.match(rows[1]?.[0] ?? '', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it("Dual Investment orders: both yields as percentages, the same records as OKX's raw fields", async () => {
    const readableCsv = (await exportHistory(h.client, 'dual', { readable: columnLabel })).csv;
    const rawCsv = (await exportHistory(h.client, 'dual')).csv;
    assert.ok(readableCsv.startsWith(UTF8_BOM) && rawCsv.startsWith('ordId,'), "a byte order mark in the readable form only");
    const readable = parseCsv(readableCsv.slice(UTF8_BOM.length));
    const raw = parseCsv(rawCsv);
    assert.equal(readable.length, raw.length);
    assert.ok(raw.length > 1, 'the demo account has Dual Investment orders');
    const at = (name: string): number => raw[0]?.indexOf(name) ?? -1;
    assert.equal(readable[0]?.[at('absYield')], 'Yield for the term');
    assert.equal(readable[0]?.[at('annualizedYield')], 'APY');
    assert.equal(readable[0]?.[at('notionalSz')], 'Amount invested');
    for (const [i, row] of raw.slice(1).entries()) {
      const shown = readable[i + 1] ?? [];
      assert.equal(shown[at('annualizedYield')], percentText(row[at('annualizedYield')] ?? ''));
      assert.equal(shown[at('absYield')], percentText(row[at('absYield')] ?? ''));
      assert.equal(shown[at('notionalSz')], row[at('notionalSz')], 'amounts untouched');
      assert.equal(shown[at('ordId')], row[at('ordId')]);
      assert.equal(shown[at('cTime')], utcText(row[at('cTime')] ?? ''));
    }
  });
});

import * as assert from 'node:assert/strict';
import { csvDocument, csvField, csvRecord, isoTime } from '../../../src/portfolio/csv';
import { parseCsv } from '../support/csv';

describe('portfolio/csv: RFC 4180, amounts as given, times in ISO 8601 UTC', () => {
  it('leaves plain fields as they are, amounts included', () => {
    for (const value of ['', 'USDT', '12004.21873311000', '0.00000001', '-0.5', '+3', '1e-8', '-2E5', 'collateral_locked', '3000000001']) {
      assert.equal(csvField(value), value);
    }
  });

  it('quotes a field with a comma, a quote, CR or LF, doubling its quotes', () => {
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('"'), '""""');
    assert.equal(csvField('line\nbreak'), '"line\nbreak"');
    assert.equal(csvField('carriage\rreturn'), '"carriage\rreturn"');
    assert.equal(csvField('crlf\r\n'), '"crlf\r\n"');
  });

  it('neutralises text a spreadsheet would run as a formula, never a number', () => {
    assert.equal(csvField('=HYPERLINK("http://x","y")'), '"\'=HYPERLINK(""http://x"",""y"")"');
    assert.equal(csvField('+cmd|calc'), "'+cmd|calc");
    assert.equal(csvField('-2+3'), "'-2+3");
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvField('\tx'), "'\tx");
    assert.equal(csvField('\rx'), '"\'\rx"');
    assert.equal(csvField('-'), "'-");
    assert.equal(csvField('-0.5'), '-0.5');
    assert.equal(csvField('-.5'), '-.5');
  });

  it('ends every record with CRLF and writes the header first; rows must have its width', () => {
    assert.equal(csvRecord(['a', 'b,c']), 'a,"b,c"\r\n');
    const doc = csvDocument(['ts', 'note', 'amt'], [['1', 'x, "y"\nz', '-0.5'], ['2', '', '0.1']]);
    assert.equal(doc, 'ts,note,amt\r\n1,"x, ""y""\nz",-0.5\r\n2,,0.1\r\n');
    assert.deepEqual(parseCsv(doc), [['ts', 'note', 'amt'], ['1', 'x, "y"\nz', '-0.5'], ['2', '', '0.1']]);
    assert.equal(csvDocument(['only'], []), 'only\r\n');
    assert.throws(() => csvDocument(['a', 'b'], [['1']]), /1 fields; the header has 2/);
  });

  it('writes OKX times (Unix ms) in ISO 8601 UTC; empty when OKX gave none; other text kept', () => {
    assert.equal(isoTime('1764662400000'), '2025-12-02T08:00:00.000Z');
    assert.equal(isoTime('0'), '1970-01-01T00:00:00.000Z');
    assert.equal(isoTime('1764662400123'), '2025-12-02T08:00:00.123Z');
    assert.equal(isoTime(''), '');
    assert.equal(isoTime(undefined), '');
    assert.equal(isoTime('soon'), 'soon');
    assert.equal(isoTime('99999999999999999'), '99999999999999999', 'beyond what a date holds: kept as sent');
  });
});

import * as assert from 'node:assert/strict';
import { buildQuery, isoTimestamp, sign } from '../../../src/okx/signing';

describe('okx/signing', () => {
  it('matches the public OKX signing vector', () => {
    const signature = sign(
      'chNOOS4KvNXR_Xq4k4c9qsfoKWvnDecLATCRlcBwyKDYnWgO',
      '2020-12-08T09:08:57.715Z',
      'GET',
      '/api/v5/account/balance',
      '',
    );
    assert.equal(signature, 'PJ61e1nb2F2Qd7D8SPiaIcx2gjdELc+o0ygzre9z33k=');
  });

  it('upper-cases the method before signing', () => {
    assert.equal(sign('s', 't', 'get', '/p', ''), sign('s', 't', 'GET', '/p', ''));
  });

  it('formats the timestamp as ISO-8601 UTC with milliseconds', () => {
    assert.equal(isoTimestamp(Date.UTC(2020, 11, 8, 9, 8, 57, 715)), '2020-12-08T09:08:57.715Z');
    assert.equal(isoTimestamp(Date.UTC(2021, 0, 1)), '2021-01-01T00:00:00.000Z');
  });

  it('builds the query once, in order, encoding what needs it and leaving out empty values', () => {
    assert.equal(buildQuery({}), '');
    assert.equal(buildQuery({ ccy: 'USDT' }), '?ccy=USDT');
    assert.equal(buildQuery({ ccy: 'BTC', after: undefined, limit: '10', state: '' }), '?ccy=BTC&limit=10');
    assert.equal(buildQuery({ tag: 'a b&c=d/é', 'we ird': '1' }), '?tag=a%20b%26c%3Dd%2F%C3%A9&we%20ird=1');
  });
});

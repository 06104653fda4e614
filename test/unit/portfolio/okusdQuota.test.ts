import * as assert from 'node:assert/strict';
import type { OkusdLimits } from '../../../src/okx/types';
import { amountCcy, checkOkusdAmount, headroom, quotaLeft, quotaOf, redemptionCost, standardSettlement, type OkusdCheck } from '../../../src/portfolio/okusdQuota';

/** OKX's documented example: subscribe 4 500 000 (personal) of 45 000 000 (platform); fast 10 000 / 4 000 000; standard 1 000 000 / 40 000 000. */
function limits(overrides: { sub?: Partial<OkusdLimits['subLimit']>; fast?: Partial<OkusdLimits['fastRedeemLimit']>; std?: Partial<OkusdLimits['stdRedeemLimit']> } = {}): OkusdLimits {
  return {
    subLimit: { maxSubAmt: '45000000', personalDailyLimit: '5000000', personalUsedAmt: '500000', platformDailyLimit: '50000000', platformUsedAmt: '5000000', ...overrides.sub },
    fastRedeemLimit: { personalDailyLimit: '10000', personalUsedAmt: '0', platformDailyLimit: '5000000', platformUsedAmt: '1000000', feeRate: '0.001', ...overrides.fast },
    stdRedeemLimit: { personalDailyLimit: '1000000', personalUsedAmt: '0', platformDailyLimit: '40000000', platformUsedAmt: '0', feeRate: '0.00025', ...overrides.std },
    ts: '1718500000000',
  };
}

const reason = (check: OkusdCheck): string => (check.ok ? 'ok' : check.reason);
const limitOf = (check: OkusdCheck): string => (check.ok ? '' : check.limit);

describe('portfolio/okusdQuota: OKUSD amounts checked against the minimum, decimals, both daily quotas and the balance', () => {
  describe('the amount itself', () => {
    for (const input of ['', 'abc', '1e3', '-5', '+5', '1,000', '1 000', '.5', '5.', '0', '0.00000000', '01']) {
      it(`${JSON.stringify(input)} is not an amount`, () => {
        assert.equal(reason(checkOkusdAmount(input, 'subscribe', limits(), '100000')), 'not-an-amount');
      });
    }

    it('takes 8 decimal places, refuses 9 (for subscriptions and both redemptions)', () => {
      for (const op of ['subscribe', 'fast', 'standard'] as const) {
        assert.equal(reason(checkOkusdAmount('1.12345678', op, limits(), '100000')), 'ok', op);
        const nine = checkOkusdAmount('1.123456789', op, limits(), '100000');
        assert.equal(reason(nine), 'too-many-decimals', op);
        assert.equal(limitOf(nine), '8');
      }
      // Trailing zeros count as written: OKX refuses more than 8 places whatever they are.
      assert.equal(reason(checkOkusdAmount('2.000000000', 'subscribe', limits(), '100000')), 'too-many-decimals');
    });

    it('the minimum is 1: 1 is taken, 0.99999999 is not', () => {
      assert.equal(reason(checkOkusdAmount('1', 'subscribe', limits(), '100000')), 'ok');
      assert.equal(reason(checkOkusdAmount('1', 'fast', limits(), '100000')), 'ok');
      const below = checkOkusdAmount('0.99999999', 'standard', limits(), '100000');
      assert.equal(reason(below), 'below-minimum');
      assert.equal(limitOf(below), '1');
    });

    it('is returned trimmed, exactly as typed (no rounding, no float)', () => {
      const check = checkOkusdAmount(' 1234.50000001 ', 'subscribe', limits(), '100000');
      assert.ok(check.ok);
      assert.equal(check.amount, '1234.50000001');
      assert.equal(check.leftAfter, '4498765.49999999');
    });
  });

  describe('the quotas: the user\'s own and OKX\'s platform-wide one, and which binds', () => {
    it('what is left of each, and the lesser', () => {
      assert.deepEqual(quotaLeft(limits().subLimit), { personal: '4500000', platform: '45000000', left: '4500000', binds: 'personal' });
      assert.deepEqual(quotaLeft(limits({ fast: { platformUsedAmt: '4995000' } }).fastRedeemLimit), { personal: '10000', platform: '5000', left: '5000', binds: 'platform' });
      // Used beyond the limit (OKX counted something else meanwhile): nothing left, never negative.
      assert.deepEqual(quotaLeft(limits({ sub: { personalUsedAmt: '5000001' } }).subLimit), { personal: '0', platform: '45000000', left: '0', binds: 'personal' });
      // Equal: the user's own is named.
      assert.equal(quotaLeft(limits({ std: { platformDailyLimit: '1000000' } }).stdRedeemLimit)?.binds, 'personal');
    });

    it('each operation reads its own quota', () => {
      const l = limits();
      assert.equal(quotaOf(l, 'subscribe'), l.subLimit);
      assert.equal(quotaOf(l, 'fast'), l.fastRedeemLimit);
      assert.equal(quotaOf(l, 'standard'), l.stdRedeemLimit);
      assert.equal(amountCcy('subscribe'), 'USDT');
      assert.equal(amountCcy('fast'), 'OKUSD');
    });

    it('up to the personal quota left is taken; a hundred-millionth more is refused as the personal quota', () => {
      const l = limits({ fast: { personalUsedAmt: '9000' } });
      const exact = checkOkusdAmount('1000', 'fast', l, '50000');
      assert.ok(exact.ok);
      assert.equal(exact.leftAfter, '0');
      const over = checkOkusdAmount('1000.00000001', 'fast', l, '50000');
      assert.equal(reason(over), 'personal-quota');
      assert.equal(limitOf(over), '1000');
    });

    it('when the platform has less left than the user, the platform quota is the one refused, named as such', () => {
      const l = limits({ sub: { platformUsedAmt: '49999000' } });
      assert.equal(reason(checkOkusdAmount('1000', 'subscribe', l, '100000')), 'ok');
      const over = checkOkusdAmount('1000.5', 'subscribe', l, '100000');
      assert.equal(reason(over), 'platform-quota');
      assert.equal(limitOf(over), '1000');
      assert.ok(!over.ok && over.quota?.personal === '4500000', 'the personal quota would have allowed it');
    });

    it('above both: the smaller one is named (it is the one that binds)', () => {
      assert.equal(reason(checkOkusdAmount('20000', 'fast', limits({ fast: { platformUsedAmt: '4995000' } }), '50000')), 'platform-quota');
      assert.equal(reason(checkOkusdAmount('20000', 'fast', limits(), '50000')), 'personal-quota');
    });

    it('a quota used up refuses even the minimum', () => {
      assert.equal(reason(checkOkusdAmount('1', 'standard', limits({ std: { personalUsedAmt: '1000000' } }), '50000')), 'personal-quota');
      assert.equal(reason(checkOkusdAmount('1', 'subscribe', limits({ sub: { platformUsedAmt: '50000000' } }), '50000')), 'platform-quota');
    });

    it('limits OKX sent in a shape that is not figures: refused, nothing guessed', () => {
      assert.equal(reason(checkOkusdAmount('5', 'subscribe', limits({ sub: { personalUsedAmt: '' } }), '100')), 'limits-unreadable');
      assert.equal(quotaLeft(limits({ fast: { platformDailyLimit: '1e6' } }).fastRedeemLimit), undefined);
    });
  });

  describe('the balance', () => {
    it('subscribe: no more than the USDT available in the funding account', () => {
      assert.equal(reason(checkOkusdAmount('250', 'subscribe', limits(), '250')), 'ok');
      const over = checkOkusdAmount('250.00000001', 'subscribe', limits(), '250');
      assert.equal(reason(over), 'insufficient-usdt');
      assert.equal(limitOf(over), '250');
    });

    it('redeem: no more than the OKUSD held', () => {
      assert.equal(reason(checkOkusdAmount('100', 'standard', limits(), '99.9')), 'insufficient-okusd');
      assert.equal(reason(checkOkusdAmount('100', 'fast', limits(), '99.9')), 'insufficient-okusd');
    });

    it('the quota is named before the balance when both are short', () => {
      assert.equal(reason(checkOkusdAmount('20000', 'fast', limits(), '15000')), 'personal-quota');
    });

    it('a balance that is not known is left to OKX', () => {
      assert.equal(reason(checkOkusdAmount('100', 'subscribe', limits(), undefined)), 'ok');
    });
  });

  describe('headroom: the most that can be sent, and what bounds it', () => {
    it('the quota, or the balance when it is less', () => {
      assert.deepEqual(headroom('subscribe', limits(), '100')?.max, '100');
      assert.equal(headroom('subscribe', limits(), '100')?.bound, 'balance');
      assert.equal(headroom('subscribe', limits(), '99999999')?.bound, 'personal');
      assert.equal(headroom('fast', limits({ fast: { platformUsedAmt: '4999990' } }), '50000')?.max, '10');
      assert.equal(headroom('fast', limits({ fast: { platformUsedAmt: '4999990' } }), '50000')?.bound, 'platform');
      assert.equal(headroom('standard', limits(), '12.123456789')?.max, '12.12345678', 'floored to 8 places');
      assert.equal(headroom('standard', limits({ std: { personalUsedAmt: 'x' } }), '5'), undefined);
    });
  });

  describe('what a redemption costs and when it settles', () => {
    it("the fee and the USDT net, each floored to 8 places, as OKX's examples have them", () => {
      assert.deepEqual(redemptionCost('1000', '0.001'), { fee: '1', net: '999' });
      assert.deepEqual(redemptionCost('50000', '0.00025'), { fee: '12.5', net: '49987.5' });
      // 1.23456789 × 0.001 = 0.00123456789 → 0.00123456 (floored, never rounded up).
      assert.deepEqual(redemptionCost('1.23456789', '0.001'), { fee: '0.00123456', net: '1.23333333' });
      assert.deepEqual(redemptionCost('7', ''), { fee: '0', net: '7' });
    });

    it('standard: D+5 before 16:00 UTC+8, D+6 from 16:00 UTC+8, at the same time of day', () => {
      const day = 24 * 60 * 60 * 1000;
      // 07:59:59.999 UTC is 15:59:59.999 UTC+8; 08:00 UTC is 16:00 UTC+8.
      const before = Date.UTC(2026, 11, 2, 7, 59, 59, 999);
      const at = Date.UTC(2026, 11, 2, 8, 0, 0, 0);
      assert.deepEqual(standardSettlement(before), { days: 5, at: before + 5 * day, late: false });
      assert.deepEqual(standardSettlement(at), { days: 6, at: at + 6 * day, late: true });
      // 23:30 UTC is 07:30 the next day in UTC+8: before 16:00 there.
      assert.equal(standardSettlement(Date.UTC(2026, 11, 2, 23, 30)).days, 5);
      // 16:00 UTC is 00:00 the next day in UTC+8.
      assert.equal(standardSettlement(Date.UTC(2026, 11, 2, 16, 0)).days, 5);
      assert.equal(standardSettlement(Date.UTC(2026, 11, 2, 15, 59)).days, 6);
    });
  });
});

import * as assert from 'node:assert/strict';
import { PATTERNS, checkToolInput } from '../../../src/chat/toolInput';
import * as text from '../../../src/chat/toolText';
import type * as T from '../../../src/okx/types';
import { fillTemplate } from '../../../src/okx/errors';
import { computeOverview } from '../../../src/portfolio/overview';

/** The English templates, filled in: what the tools say in an English VS Code. */
const en: text.L10n = { t: (template, ...args) => fillTemplate(template, Object.fromEntries(args.map((a, i) => [String(i), a]))) };
const WHERE = text.whereText(en, 'Sandbox', undefined);

const loan = (ordId: string, curLTV: string, liqPx = ''): T.LoanInfo => ({
  ordId, loanNotionalUsd: '6600', loanData: [{ ccy: 'USDT', amt: '6600.12345678' }], collateralNotionalUsd: '10000', collateralData: [{ ccy: 'BTC', amt: '0.1' }],
  riskWarningData: { instId: liqPx === '' ? '' : 'BTC-USDT', liqPx }, curLTV, marginCallLTV: '0.7', liqLTV: '0.8',
});

describe('chat/toolText: what the tools answer', () => {
  it('names where the figures come from, never a credential', () => {
    assert.equal(WHERE, 'OKX Earn, Sandbox');
    assert.equal(text.whereText(en, 'Production', 'main'), 'OKX Earn, Production, profile main');
    assert.match(text.noKeyText(en), /Run "OKX Earn: Set API Key…" \(a Read-only key is enough to read; Trade is needed to move money\)/);
  });

  it('the portfolio: totals to the cent at index prices, incomplete totals say what they leave out', () => {
    const o = computeOverview({
      now: 0,
      onchain: { orders: [] },
      eth: { balance: { ccy: 'BETH', amt: '2', latestInterestAccrual: '0.001', totalInterestAccrual: '0.1' }, product: undefined, pendingRedemptions: [] },
      sol: { balance: undefined, product: { fastRedemptionAvail: '0', fastRedemptionDailyLimit: '0' } },
      savings: { balances: [{ ccy: 'XYZ', amt: '5', earnings: '0', rate: '0.01', loanAmt: '0', pendingAmt: '5', redemptAmt: '' }] },
      okusd: { account: undefined, limits: undefined, apr: undefined, latestReward: undefined, pendingRedemptions: [] },
      stable: { holdings: [], apy: new Map() },
      dual: { orders: [] },
      prices: { usd: new Map([['ETH', '3000.005']]) },
    });
    const answer = text.portfolioText(en, WHERE, o);
    assert.match(answer, /^Portfolio \(OKX Earn, Sandbox\)\. USD values at OKX index prices\./);
    assert.match(answer, /\nHoldings: 6,000\.01 USD \(incomplete: XYZ not counted\)\n/);
    // A share as everywhere: one decimal, rounded (issue 25, item 4).
    assert.match(answer, /\n- ETH staking: 6,000\.01 USD \(100\.0%\)\n/);
    assert.match(answer, /\nWhat comes next: nothing scheduled$/);
    assert.doesNotMatch(answer, /\nLoans:/, 'no loan line without a loan order');
    const withLoan = text.portfolioText(en, WHERE, computeOverview({ now: 0, loans: { loans: [loan('1', '0.66')] }, prices: { usd: new Map() } }));
    assert.match(withLoan, /\nLoans: 1 order; collateral 10,000\.00 USD, borrowed 6,600\.00 USD, net 3,400\.00 USD\n/);
  });

  it('positions and loan risk: amounts exactly as OKX states them, levels in words, the what-if', () => {
    const positions = text.positionsText(en, WHERE, { loans: [loan('680000000000000001', '0.66', '81234.5')] });
    assert.match(positions, /order 680000000000000001: borrowed 6600\.12345678 USDT; collateral 0\.1 BTC; LTV 66%, margin call at 70%, liquidation at 80%; liquidation price 81234\.5 \(BTC-USDT\)/);
    const risk = text.loanRiskText(en, WHERE, [{ loan: loan('1', '0.66'), level: 'warning', whatIf: { ccy: 'BTC', change: '-20', ltv: '0.825', level: 'liquidation' } }, { loan: loan('2', '0.3'), level: 'safe', whatIf: { ccy: 'BTC', change: '-20', ltv: undefined, level: undefined, reason: 'the order neither holds nor borrows BTC' } }]);
    assert.match(risk, /- order 1: .*: near margin call\n {2}if BTC changes by -20%: LTV 82\.5%, at liquidation\n- order 2: .*: safe\n {2}if BTC changes by -20%: the order neither holds nor borrows BTC$/);
    assert.equal(text.loanRiskText(en, WHERE, []), 'Flexible loans (OKX Earn, Sandbox): no loan order.');
  });

  it('positions of the More Earn products: OKUSD, Stable Rewards (and how one subscribes now), Dual Investment with both outcomes or what it paid', () => {
    const dual = (ordId: string, extra: Partial<T.DualOrder>): T.DualOrder => ({
      ordId, quoteId: 'q', state: 'live', productId: 'BTC-USDT-261205-95000-C', baseCcy: 'BTC', quoteCcy: 'USDT', uly: 'BTC-USD', strike: '95000', notionalSz: '0.05',
      notionalCcy: 'BTC', absYield: '0.001', annualizedYield: '0.12', yieldSz: '0.00005', yieldCcy: 'BTC', settleSz: '', settleCcy: '', settlePx: '', settleTime: '',
      expTime: String(Date.UTC(2026, 11, 5, 8)), redeemStartTime: '', redeemEndTime: '', cTime: '0', uTime: '0', ...extra,
    });
    const answer = text.positionsText(en, WHERE, {
      okusd: { account: { ccy: 'OKUSD', amt: '10000.12345678', totalEarnAccrual: '21.5', ts: '0' }, apr: '0.0418' },
      stable: [{ ccy: 'USDG', amt: '2500', totalEarnAccrual: '6.8412', state: 'pending', apy: '0.05' }],
      dual: [
        { order: dual('41', {}), outcomes: ['If BTC settles at or above 95,000 USDT: you receive 4,754.75 USDT.', 'If it settles below 95,000 USDT: you receive 0.05005 BTC.'] },
        { order: dual('42', { state: 'settled', settleSz: '4754.75', settleCcy: 'USDT', settlePx: '96000.1' }), outcomes: [] },
      ],
    });
    assert.match(answer, /\nOKUSD: 10000\.12345678 OKUSD; earned 21\.5 USDT in total; APR 4\.18%\n/);
    assert.match(answer, /- USDG: 2500 USDG held, earned 6\.8412 USDG, APY 5%, not earning\n/);
    assert.match(answer, /no API to subscribe or redeem since 2026-07-14/);
    assert.match(answer, /- order 41: BTC-USDT-261205-95000-C, 0\.05 BTC invested, strike 95000 USDT, APY 12%, state live, expires 2026-12-05T08:00:00Z If BTC settles at or above .*you receive 0\.05005 BTC\./);
    assert.match(answer, /- order 42: .*state settled.*; paid 4754\.75 USDT at 96000\.1 USDT$/);
  });

  it('offers by APY, highest first; a rate history summarised; history records with ISO times', () => {
    const offer = (productId: string, apy: string, term: string, state = 'purchasable'): T.Offer => ({
      ccy: 'USDT', productId, protocol: `P${productId}`, protocolType: 'defi', term, apy, earlyRedeem: false, investData: [{ ccy: 'USDT', bal: '0', minAmt: '1', maxAmt: '100' }], earningData: [], state, redeemPeriod: [], fastRedemptionDailyLimit: '',
    });
    const offers = text.offersText(en, WHERE, 'USDT', [offer('1', '0.03', '0'), offer('2', '0.09', '90', 'sold_out'), offer('3', '0.05', '30')], {}, [{ ccy: 'USDT', lendingRate: '0.0412' }]);
    assert.deepEqual([...offers.matchAll(/product (\d)/g)].map((m) => m[1]), ['2', '3', '1']);
    assert.match(offers, /APY 9%, 90-day fixed term, from 1 USDT to 100 USDT \(sold out\)/);
    assert.match(offers, /Simple Earn USDT: savers earned 4\.12% in the last hour/);
    const history = text.rateHistoryText(en, WHERE, 'ETH staking APY', [{ ts: '86400000', rate: '0.03' }, { ts: '0', rate: '0.02' }, { ts: '172800000', rate: '0.025' }]);
    assert.match(history, /3 points from 1970-01-01T00:00:00Z to 1970-01-03T00:00:00Z/);
    assert.match(history, /latest 2\.5%; average 2\.5%; lowest 2% \(1970-01-01T00:00:00Z\); highest 3% \(1970-01-02T00:00:00Z\); first 2%/);
    assert.equal(text.recordLine({ refId: '9', ccy: 'USDT', amt: '-0.5', ts: '1000', type: 'collateral_locked' }, 'ts'), '1970-01-01T00:00:01Z: refId 9, ccy USDT, amt -0.5, type collateral_locked');
  });

  it('an action: declined, refused input, done or not carried out, each said plainly', () => {
    const base = { done: false, confirmation: 'none' as const, problems: [], said: [] };
    assert.equal(text.actionText(en, WHERE, 'stake 1 ETH', { ...base, confirmation: 'declined' }), "Not sent: stake 1 ETH (OKX Earn, Sandbox). The user declined it in OKX Earn's confirmation.");
    assert.equal(text.actionText(en, WHERE, 'stake 1 ETH', { ...base, problems: ['The minimum is 0.01 ETH.'] }), 'Not sent: stake 1 ETH (OKX Earn, Sandbox). The minimum is 0.01 ETH.');
    assert.equal(text.actionText(en, WHERE, 'stake 1 ETH', { ...base, done: true, confirmation: 'confirmed', said: [{ kind: 'info', message: 'Staked 1 ETH.' }] }), 'Done: stake 1 ETH (OKX Earn, Sandbox). Staked 1 ETH.');
    assert.equal(text.actionText(en, WHERE, 'stake 1 ETH', { ...base, confirmation: 'confirmed', said: [{ kind: 'error', message: 'Stake: Insufficient balance.' }] }), 'stake 1 ETH: not carried out (OKX Earn, Sandbox). Stake: Insufficient balance.');
    // Once sent, the first words are the outcome, never "not carried out" for an unknown one, never "Done" for a failed one.
    const unknown = { ...base, confirmation: 'confirmed' as const, outcome: { state: 'unknown' as const, message: 'Still unknown…' }, said: [{ kind: 'warning' as const, message: 'Still unknown…' }] };
    assert.match(text.actionText(en, WHERE, 'stake 1 ETH', unknown), /^Unknown whether it was carried out: stake 1 ETH\. Don't send it again/);
    const failed = { ...base, confirmation: 'confirmed' as const, outcome: { state: 'not-done' as const, message: 'Subscribe: not done.' }, said: [{ kind: 'error' as const, message: 'Subscribe: not done.' }] };
    assert.equal(text.actionText(en, WHERE, 'stake 1 ETH', failed), 'Not done: stake 1 ETH (OKX Earn, Sandbox). Subscribe: not done.');
    assert.match(text.actionText(en, WHERE, 'stake 1 ETH', { ...failed, done: true }), /^Not done:/, 'the outcome wins over a flow that returned true');
  });
});

describe('chat/toolInput: checked like a webview message', () => {
  const spec = { productId: { type: 'string', required: true, pattern: PATTERNS.id }, amount: { type: 'string', required: true, pattern: PATTERNS.amount }, eMode: { type: 'boolean' } } as const;

  it('takes exactly the declared fields, of their types', () => {
    assert.deepEqual(checkToolInput({ productId: '4005', amount: ' 12.5 ', eMode: true }, spec), { ok: true, input: { productId: '4005', amount: '12.5', eMode: true } });
    assert.deepEqual(checkToolInput({ productId: '4005', amount: 'MAX' }, spec), { ok: true, input: { productId: '4005', amount: 'MAX' } });
  });

  it('refuses anything else, saying what is wrong', () => {
    const refused = (raw: unknown): string => {
      const checked = checkToolInput(raw, spec);
      return checked.ok ? 'accepted' : en.t(checked.problem.template, ...checked.problem.args);
    };
    assert.equal(refused(null), 'The input must be an object of named fields.');
    assert.equal(refused('4005'), 'The input must be an object of named fields.');
    assert.equal(refused({ productId: '4005', amount: 12.5 }), '"amount" must be text, not a number (write amounts exactly, like "12.5").');
    assert.equal(refused({ productId: '4005', amount: '1', ccy: 'USDT' }), 'Unknown field(s): ccy. This tool takes: productId, amount, eMode.');
    assert.equal(refused({ amount: '1' }), '"productId" is required.');
    assert.equal(refused({ productId: '4005', amount: '1e3' }), '"amount" is not valid: "1e3".');
    assert.equal(refused({ productId: '4005', amount: '-1' }), '"amount" is not valid: "-1".');
    assert.equal(refused({ productId: 'x'.repeat(65), amount: '1' }), '"productId" is too long.');
    assert.equal(refused({ productId: '4005', amount: '1', eMode: 'yes' }), '"eMode" must be true or false.');
    assert.equal(refused(Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`f${i}`, '1']))), 'Too many fields (13).');
  });

  it('issue 25: an offer with no room is said to be closed for now; one point is one; an LTV is never rounded up', () => {
    const dot: T.Offer = {
      ccy: 'DOT', productId: '101', protocol: 'Polkadot', protocolType: 'staking', term: '0', apy: '0.1767', earlyRedeem: false,
      investData: [{ ccy: 'DOT', bal: '500', minAmt: '2', maxAmt: '0' }], earningData: [], state: 'purchasable', redeemPeriod: [], fastRedemptionDailyLimit: '',
    };
    assert.match(text.offersText(en, WHERE, 'DOT', [dot], {}, []), /from 2 DOT to 0 DOT \(nothing can be subscribed now: the maximum is below the minimum\)$/m);
    assert.match(text.rateHistoryText(en, WHERE, 'ETH staking APY', [{ ts: '0', rate: '0.03' }]), /, 1 point, at 1970-01-01T00:00:00Z:/);
    // Rates round half up now; an LTV keeps rounding down: 79.999 % is not "80%".
    assert.match(text.positionsText(en, WHERE, { loans: [loan('1', '0.79999')] }), /LTV 79\.99%, margin call at 70%/);
  });
});

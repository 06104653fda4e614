import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import * as D from '../../../src/decimal';
import type { DualProduct } from '../../../src/okx/types';
import { COMPARE_PANEL_AREAS, compareCommand } from '../../../src/panels/comparePanel';
import { buildCompareState, compareInputOf, compareText, heldCcys } from '../../../src/panels/compareState';
import { dualPairKey, dualPairsFor, rankOptions } from '../../../src/portfolio/compare';
import { Portfolio } from '../../../src/portfolio/portfolio';
import { bestText, IDLE_ROW_AREAS, idleOf } from '../../../src/views/idleRows';
import { OVERVIEW_AREAS } from '../../../src/views/overviewView';
import { startSim, type SimHarness } from '../support/sim';

describe('panels/compareState: the Compare panel against the simulator', () => {
  let h: SimHarness;
  let portfolio: Portfolio;
  let dual: Map<string, readonly DualProduct[]>;
  before(async () => {
    h = await startSim({ rateLimits: false, frozenClock: true });
    portfolio = new Portfolio(h.client);
    await portfolio.refresh(COMPARE_PANEL_AREAS);
    dual = new Map();
    for (const pair of dualPairsFor('USDT', compareInputOf(portfolio, h.sim.clock.now()))) {
      const products = await portfolio.dualProducts(pair);
      assert.ok(!(products instanceof Error));
      dual.set(dualPairKey(pair), products);
    }
  });
  after(() => h.sim.close());

  it('USDT: every product that takes it, the highest rate first, each saying which rate it is and what can be lost', () => {
    const now = h.sim.clock.now();
    const input = compareInputOf(portfolio, now, dual);
    const state = buildCompareState('USDT', portfolio, input, heldCcys(portfolio), new Set());
    assert.equal(state.title, 'Compare: USDT');
    assert.equal(state.error, undefined);
    assert.match(state.honest, /^Rates as OKX gives them now \(.+\): they change .* and are not promised\./);
    const names = state.rows.map((r) => r.product);
    for (const name of ['Simple Earn savings', 'OKUSD', 'On-chain earn · On-Chain Defi', 'Dual Investment · BTC/USDT · Buy low', 'Dual Investment · ETH/USDT · Buy low']) assert.ok(names.includes(name), name);
    // Sorted by rate as decimals: each known rate at most the one before.
    const ranked = rankOptions('USDT', input);
    const rates = ranked.filter((o) => o.buyable && o.rate !== undefined).map((o) => o.rate ?? '');
    for (let i = 1; i < rates.length; i++) assert.ok(D.lte(rates[i] ?? '', rates[i - 1] ?? ''), `${rates[i] ?? ''} after ${rates[i - 1] ?? ''}`);
    const savings = state.rows.find((r) => r.id === 'savings');
    assert.equal(savings?.rateKind, 'lending rate savers earned in the last hour');
    assert.equal(savings?.term, 'Flexible: no lock-up');
    assert.equal(savings?.action, 'Subscribe…');
    assert.match(savings?.rate ?? '', /^\d+(\.\d+)?%$/);
    const okusd = state.rows.find((r) => r.id === 'okusd');
    assert.equal(okusd?.rateKind, 'latest daily APR');
    assert.match(okusd?.payback ?? '', /^Fast redemption at once \(fee 0\.1%\); standard after 5 calendar days/);
    const dualRow = state.rows.find((r) => r.id === 'dual:BTC-USDT:P');
    assert.equal(dualRow?.rateKind, 'annualised yield of the best product on offer, if the strike is not reached');
    assert.match(dualRow?.risk ?? '', /^Converted to BTC at the strike \([\d,.]+ USDT\) if BTC falls to it/);
    assert.match(dualRow?.term ?? '', /locked$/);
    assert.equal(dualRow?.action, 'Buy…');
    assert.equal(state.rows[0]?.id, ranked[0]?.id, 'the rows in the ranking\'s order');
    assert.equal(state.empty, '');
  });

  it('ETH: staking with its APY, minimum and redemption days; the picker lists held currencies first', () => {
    const input = compareInputOf(portfolio, h.sim.clock.now(), dual);
    const state = buildCompareState('ETH', portfolio, input, ['USDT', 'ETH'], new Set());
    const staking = state.rows.find((r) => r.id === 'eth');
    assert.equal(staking?.product, 'ETH staking (BETH)');
    assert.equal(staking?.rateKind, 'staking APY today');
    assert.match(staking?.payback ?? '', /^A standard redemption takes \d+ days?/);
    assert.equal(staking?.action, 'Stake ETH for BETH…');
    assert.deepEqual(state.held, ['USDT', 'ETH']);
    assert.ok(!state.others.includes('USDT') && state.others.includes('BTC'));
  });

  it('a currency no product takes says so; a pair still being read says so', () => {
    const input = compareInputOf(portfolio, h.sim.clock.now());
    assert.equal(buildCompareState('XYZ', portfolio, input, [], new Set()).empty, 'No Earn product OKX offers now takes XYZ.');
    const loading = buildCompareState('USDT', portfolio, input, [], new Set(['dual:BTC-USDT:P']));
    assert.equal(loading.loading, 'Reading the Dual Investment products on offer…');
    assert.equal(loading.rows.find((r) => r.id === 'dual:BTC-USDT:P')?.rate, 'reading…');
  });

  it('each row runs its product\'s own command, with the currency or product filled in', () => {
    const input = compareInputOf(portfolio, h.sim.clock.now(), dual);
    const byId = new Map(rankOptions('USDT', input).map((o) => [o.id, compareCommand(o)]));
    assert.deepEqual(byId.get('savings'), { command: 'okxEarn.savings.subscribe', arg: { payload: { kind: 'savings', ccy: 'USDT' } } });
    assert.deepEqual(byId.get('okusd'), { command: 'okxEarn.okusd.subscribe', arg: { payload: { kind: 'okusd' } } });
    assert.equal(byId.get('onchain:4005')?.command, 'okxEarn.onchain.purchase');
    assert.equal((byId.get('onchain:4005')?.arg as { payload: { offer: { productId: string } } }).payload.offer.productId, '4005');
    assert.deepEqual(byId.get('dual:BTC-USDT:P'), { command: 'okxEarn.dual.purchase', arg: { payload: { kind: 'dualPair', pair: { baseCcy: 'BTC', quoteCcy: 'USDT', optType: 'P', uly: (byId.get('dual:BTC-USDT:P')?.arg as { payload: { pair: { uly: string } } }).payload.pair.uly } } } });
  });

  it('the chat tool\'s text lists the same rows in the same order, with the note that rates change', () => {
    const input = compareInputOf(portfolio, h.sim.clock.now(), dual);
    const state = buildCompareState('USDT', portfolio, input, [], new Set());
    const text = compareText('USDT', state.rows, state.honest);
    const positions = state.rows.map((r) => text.indexOf(`. ${r.product}: ${r.rate} (${r.rateKind})`));
    assert.ok(positions.every((p) => p > 0), 'every row');
    assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'in order');
    assert.ok(text.endsWith(state.honest));
  });
});

describe('views/idleRows: the Overview\'s idle money against the simulator', () => {
  let h: SimHarness;
  before(async () => {
    h = await startSim({ rateLimits: false, frozenClock: true });
  });
  after(() => h.sim.close());

  it('lists each currency idle in the funding and trading accounts with the best product keeping it, the largest first', async () => {
    const portfolio = new Portfolio(h.client);
    await portfolio.refresh([...OVERVIEW_AREAS, ...IDLE_ROW_AREAS]);
    const rows = idleOf(portfolio, h.sim.clock.now()) ?? [];
    const usdt = rows.find((r) => r.ccy === 'USDT');
    // 25,000 in the funding account; the trading account's 3,200 are all lent by auto-earn.
    assert.equal(usdt?.amt, '25000');
    assert.equal(usdt?.trading, '0');
    assert.equal(rows.find((r) => r.ccy === 'USDC')?.amt, '5800', '5,000 funding + 800 trading (auto-earn off)');
    for (const c of ['BETH', 'OKSOL', 'OKUSD', 'USDG']) assert.ok(!rows.some((r) => r.ccy === c), `${c} earns where it is held`);
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]?.usd, rows[i]?.usd];
      if (a !== undefined && b !== undefined) assert.ok(D.gte(a, b), 'the largest USD value first');
    }
    const input = compareInputOf(portfolio, h.sim.clock.now());
    const best = rankOptions('USDT', input).find((o) => o.buyable && o.rate !== undefined && o.product !== 'dual');
    assert.equal(usdt?.best.id, best?.id);
    assert.match(bestText(usdt?.best ?? (best as never)), /^(Simple Earn|OKUSD|On-chain earn( \(\d+ days\))?) pays \d+(\.\d+)?% now \((lending rate|APR|estimated APY)\)$/);
    const eth = rows.find((r) => r.ccy === 'ETH');
    assert.equal(eth?.amt, '5', '4.2 funding + 0.8 trading');
    assert.equal(eth?.best.product, 'eth', 'staking is the best for ETH that keeps it in ETH');
  });

  it('without either account read there is no row (not a guess)', () => {
    assert.equal(idleOf(new Portfolio(h.client), h.sim.clock.now()), undefined);
  });
});

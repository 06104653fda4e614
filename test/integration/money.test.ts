import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as D from '../../src/decimal';
import { OKX_CODES, fillTemplate } from '../../src/okx/errors';
import { formatDisplayAmount } from '../../src/portfolio/format';
import { confirmAction, type MoneyAction } from '../../src/commands/moneyAction';
import { OkxClient } from '../../src/okx/client';
import { customEnvironment } from '../../src/okx/environments';
import { SANDBOX_KEY } from '../../src/simulator/server';
import { loanFigures } from '../../src/simulator/state';
import { runScripted as run, configure, waitFor, withShortRateLimitWindows } from './helpers';
import { moneySuite } from './moneySuite';

describe('Money-moving commands, against the simulator', function () {
  this.timeout(60_000);
  withShortRateLimitWindows();
  const suite = moneySuite('money-tests');
  const { posts, loanArg } = suite;

  describe('every action succeeds and the views show the result', () => {
    it('purchases an on-chain product from the palette; the order appears under Pending', async () => {
      const before = suite.sim.state.orders.length;
      const done = await run(suite.ui, 'okxEarn.onchain.purchase', { picks: ['USDT · On-Chain Defi'], inputs: ['100'], confirmWith: 'Purchase' });
      assert.equal(done, true);
      const order = suite.sim.state.orders[before];
      assert.ok(order && order.invest[0]?.amt === '100' && /^vsc[a-z0-9]{13}$/.test(order.tag));
      const [confirmation] = suite.ui.shown.filter((s) => s.modal);
      assert.match(confirmation?.message ?? '', /^Purchase 100 USDT of USDT · On-Chain Defi\?$/);
      assert.match(confirmation?.detail ?? '', /Amount: 100 USDT[\s\S]*Environment: Custom host \(money-tests\)/);
      assert.match(suite.ui.messages('info').join('\n'), new RegExp(`Purchased 100 USDT of USDT · On-Chain Defi: order ${order.ordId}\\.`));
      const pending = await waitFor(async () => {
        const onchain = (await suite.api.renderView('staking', 3)).find((i) => i.label === 'On-chain earn');
        return onchain?.children.find((c) => c.label === 'Pending' && c.children.some((o) => o.id === `order:${order.ordId}`));
      }, 'the new order in the Staking view');
      assert.ok(pending);
    });

    it('the very same purchase again within a minute: "Again?", naming the order it made', async () => {
      const before = suite.sim.state.orders.length;
      assert.equal(await run(suite.ui, 'okxEarn.onchain.purchase', { picks: ['USDT · On-Chain Defi'], inputs: ['100'], confirmWith: 'Purchase' }), true);
      const first = suite.sim.state.orders[before];
      assert.ok(first);
      suite.ui.shown.length = 0;
      assert.equal(await run(suite.ui, 'okxEarn.onchain.purchase', { picks: ['USDT · On-Chain Defi'], inputs: ['100'], confirmWith: 'Purchase' }), true);
      const [again] = suite.ui.shown.filter((s) => s.modal);
      assert.match(again?.message ?? '', /^Again\? Purchase 100 USDT of USDT · On-Chain Defi\?$/);
      assert.match(again?.detail ?? '', new RegExp(`The same request was done \\d+ s ago: Purchased 100 USDT of USDT · On-Chain Defi: order ${first.ordId}\\. Sending it again makes a second one\\.`));
      assert.equal(suite.sim.state.orders.length, before + 2, 'sent as the user confirmed: a second order, knowingly');
    });

    it('sends the term of a fixed-term product, from the offer\'s context menu', async () => {
      // An offer sits in its currency's folder, or alone when it is its currency's only one.
      const offer = (await suite.api.renderView('products', 3)).flatMap((i) => i.children).flatMap((c) => (c.id?.startsWith('offer:') === true ? [c] : c.children)).find((o) => o.id === 'offer:3101');
      assert.ok(offer);
      const node = { payload: { kind: 'offer', offer: { ...suite.sim.state.offers.find((o) => o.productId === '3101'), investData: [{ ccy: 'SOL', bal: '120', minAmt: '1', maxAmt: '5000' }], earningData: [], state: 'purchasable', redeemPeriod: ['2D', '3D'], fastRedemptionDailyLimit: '' } } };
      assert.equal(await run(suite.ui, 'okxEarn.onchain.purchase', { arg: node, inputs: ['5'], confirmWith: 'Purchase' }), true);
      assert.equal(suite.sim.state.orders.at(-1)?.term, '30');
      assert.match(suite.ui.shown.find((s) => s.modal)?.detail ?? '', /Term: 30 days, fixed/);
    });

    it('redeems an earning order, and cancels a pending purchase', async () => {
      const earning = suite.sim.state.orders.find((o) => o.productId === '101' && o.state === '1');
      assert.ok(earning);
      assert.equal(await run(suite.ui, 'okxEarn.onchain.redeem', { picks: ['DOT · Polkadot'], confirmWith: 'Redeem' }), true);
      assert.equal(earning.state, '2');
      const pending = suite.sim.state.orders.find((o) => o.state === '8');
      assert.ok(pending);
      assert.equal(await run(suite.ui, 'okxEarn.onchain.cancel', { arg: { payload: { kind: 'order', order: { ordId: pending.ordId, ccy: pending.ccy, protocol: pending.protocol, state: '8', investData: pending.invest, fastRedemptionData: [], cancelRedemptionDeadline: '' } } }, confirmWith: 'Cancel Purchase' }), true);
      assert.equal(pending.state, '13');
    });

    it('redeems a fixed-term order early only where allowed, and explains where not', async () => {
      const usdc = suite.sim.state.orders.find((o) => o.productId === '5002' && o.state === '1');
      const sol = suite.sim.state.orders.find((o) => o.productId === '3101' && o.state === '1');
      assert.ok(usdc && sol);
      const redeems = posts('onchainRedeem');
      assert.equal(await run(suite.ui, 'okxEarn.onchain.redeem', { picks: ['USDC · Aave V3'], confirmWith: 'Redeem' }), false);
      assert.match(suite.ui.messages('warning').join('\n'), /cannot be redeemed before its term ends .*OKX does not allow early redemption/);
      assert.equal(posts('onchainRedeem'), redeems, 'nothing sent');
      suite.ui.choose = (_m, items) => items.find((i) => i === 'Redeem Early' || i === 'Redeem');
      suite.ui.picks.push('SOL · Solana');
      assert.equal(await vscode.commands.executeCommand('okxEarn.onchain.redeem'), true);
      assert.equal(sol.state, '2');
    });

    it('stakes ETH and SOL, redeems BETH and OKSOL, and cancels a pending ETH redemption', async () => {
      const eth = suite.sim.state.funding.ETH ?? '0';
      assert.equal(await run(suite.ui, 'okxEarn.eth.stake', { inputs: ['0.5'], confirmWith: 'Stake' }), true);
      assert.equal(suite.sim.state.funding.ETH, D.sub(eth, '0.5'));
      assert.equal(await run(suite.ui, 'okxEarn.eth.redeem', { inputs: ['0.2'], confirmWith: 'Redeem' }), true);
      assert.match(suite.ui.prompts.join('\n'), /Up to 100 BETH a day.*A standard redemption takes 7 days\./, "with product-info's redemptDays");
      assert.match(suite.ui.prompts.join('\n'), /Stake ETH for BETH: .*The minimum is 0\.01 ETH\. APY today: \d+(\.\d+)?%\./, "with product-info's minAmt and today's APY");
      assert.equal(await run(suite.ui, 'okxEarn.sol.stake', { inputs: ['3'], confirmWith: 'Stake' }), true);
      assert.equal(await run(suite.ui, 'okxEarn.sol.redeem', { inputs: ['1'], confirmWith: 'Redeem' }), true);
      assert.match(suite.ui.prompts.join('\n'), /can be redeemed at once today/);
      const pending = suite.sim.state.eth.history.find((r) => r.type === 'redeem' && r.status === 'pending');
      assert.ok(pending);
      assert.equal(await run(suite.ui, 'okxEarn.eth.cancelRedeem', { picks: ['0.3 BETH'], confirmWith: 'Cancel Redemption' }), true);
      assert.equal(pending.status, 'cancelled');
      // The tree: no pending ETH redemption left, and the staked BETH as the simulator has it.
      const ethItem = await waitFor(async () => {
        const item = (await suite.api.renderView('staking', 2)).find((i) => i.label === 'ETH staking');
        return item !== undefined && !item.children.some((c) => c.label === 'Pending redemptions') ? item : undefined;
      }, 'the ETH item without the cancelled redemption');
      const staked = D.add(suite.sim.state.funding.BETH ?? '0', D.sum(suite.sim.state.eth.history.filter((r) => r.type === 'redeem' && r.status === 'pending').map((r) => r.amt)));
      assert.equal(ethItem.description, `${formatDisplayAmount(staked)} BETH`);
    });

    it('subscribes to savings with a rate typed in percent, redeems, and sets the lending rate', async () => {
      const usdc = suite.sim.state.savings.USDC?.amt ?? '0';
      assert.equal(await run(suite.ui, 'okxEarn.savings.subscribe', { picks: ['USDC'], inputs: ['250', '5'], confirmWith: 'Subscribe' }), true);
      assert.equal(suite.sim.state.savings.USDC?.amt, D.add(usdc, '250'));
      assert.equal(suite.sim.state.savings.USDC?.rate, '0.05');
      // The decision in context: the amount, then the minimum rate, each step numbered and showing the market.
      assert.deepEqual(suite.ui.steps, ['1/2', '2/2']);
      // Issue 25: each rate named for what it is: the lending rate is what savers earn, the others what borrowers pay.
      const market = /Lending rate \(what savers earn\): \d+(\.\d+)?% in the last hour\. Borrowing rate \(what borrowers pay, not what you earn\): next \d+(\.\d+)?% \(estimated\), 24-hour average \d+(\.\d+)?%\./;
      assert.match(suite.ui.prompts.at(-2) ?? '', market);
      assert.match(suite.ui.prompts.at(-1) ?? '', /Minimum lending rate for USDC: .*Lending rate \(what savers earn\): /);
      assert.equal(await run(suite.ui, 'okxEarn.savings.redeem', { arg: { payload: { kind: 'savings', ccy: 'USDC' } }, inputs: ['50'], confirmWith: 'Redeem' }), true);
      assert.equal(suite.sim.state.savings.USDC?.amt, D.add(usdc, '200'));
      assert.equal(await run(suite.ui, 'okxEarn.savings.setRate', { arg: { payload: { kind: 'savings', ccy: 'USDT' } }, inputs: ['12.5'], confirmWith: 'Set Rate' }), true);
      assert.equal(suite.sim.state.savings.USDT?.rate, '0.125');
      assert.match(suite.ui.prompts.at(-1) ?? '', /Minimum lending rate for USDT: .*now \d+(\.\d+)?%\. Lending rate \(what savers earn\): /);
      const savings = await waitFor(async () => {
        const items = await suite.api.renderView('savings', 0);
        return items.some((i) => i.label === 'USDT' && i.description.endsWith('min 12.5%')) ? items : undefined;
      }, 'the new rate in the Savings view');
      assert.equal(savings.find((i) => i.label === 'USDC')?.description, `${formatDisplayAmount(suite.sim.state.savings.USDC?.amt ?? '')} · min 5%`, 'the label names the currency');
      assert.match(suite.ui.shown.filter((s) => s.modal).at(-1)?.detail ?? '', /Sent as: 0\.125/);
    });

    it('adds and reduces collateral on the order it is asked for, showing the LTV it leads to before confirming', async () => {
      const [first] = suite.sim.state.loans.orders;
      assert.ok(first);
      const btc = first.collateral.find((c) => c.ccy === 'BTC')?.amt ?? '0';
      assert.equal(await run(suite.ui, 'okxEarn.loan.addCollateral', { arg: await loanArg(0), picks: ['BTC'], inputs: ['0.25'], confirmWith: 'Add Collateral' }), true);
      assert.equal(first.collateral.find((c) => c.ccy === 'BTC')?.amt, D.add(btc, '0.25'));
      assert.equal(suite.sim.received('loanAdjustCollateral').at(-1)?.params?.ordId, first.ordId);
      // The LTV shown before confirming is the one the order has afterwards.
      const shownAfter = /LTV now: 6\d(\.\d+)?%\nLTV after: (\d+(\.\d+)?)%/.exec(suite.ui.shown.find((s) => s.modal)?.detail ?? '')?.[2];
      const actual = loanFigures(first, (ccy) => suite.sim.prices.usd(ccy, suite.sim.clock.now())).ltv;
      // An LTV is shown to one decimal, rounded down (as everywhere): within 0.1 point, plus the estimate's own error.
      assert.ok(shownAfter !== undefined && Math.abs(Number(shownAfter) - Number(D.mul(actual, '100'))) < 0.15, `${shownAfter ?? '?'}% vs ${actual}`);
      // …and already while the amount was typed, the same figure.
      assert.equal(/LTV after: (\d+(\.\d+)?)%/.exec(suite.ui.promptsAfterTyping.at(-1) ?? '')?.[1], shownAfter, suite.ui.promptsAfterTyping.join(' | '));
      suite.ui.shown.length = 0;
      assert.equal(await run(suite.ui, 'okxEarn.loan.reduceCollateral', { arg: await loanArg(0), picks: ['SOL'], inputs: ['2'], confirmWith: 'Reduce Collateral' }), true);
      assert.equal(first.collateral.find((c) => c.ccy === 'SOL')?.amt, '8');
      assert.match(suite.ui.promptsAfterTyping.at(-1) ?? '', /LTV after: \d+(\.\d+)?%( \(near margin call\)| \(over margin call\))?\.$/);
      const collateral = await waitFor(async () => {
        const [loan] = await suite.api.renderView('loans', 2);
        const group = loan?.children.find((c) => c.label === 'Collateral');
        return group?.children.some((c) => c.label === 'SOL' && c.description === '8') ? group : undefined;
      }, 'the new collateral in the Loans view');
      assert.equal(collateral.children.find((c) => c.label === 'BTC')?.description, formatDisplayAmount(D.add(btc, '0.25')));
      assert.equal(collateral.children.find((c) => c.label === 'BTC')?.tooltip, `${D.trim(D.add(btc, '0.25'))} BTC`, 'exact in the tooltip');
      assert.match(suite.ui.shown.find((s) => s.modal)?.detail ?? '', /Most that can be taken back: [\d.,]+ SOL\nLTV now: [\d.]+%\nLTV after: [\d.]+%/);
    });

    it('refuses to reduce collateral beyond what OKX says can be redeemed', async () => {
      const reduces = posts('loanAdjustCollateral');
      await run(suite.ui, 'okxEarn.loan.reduceCollateral', { arg: await loanArg(0), picks: ['ETH'], inputs: ['6'] });
      assert.match(suite.ui.refused.join('\n'), /more than the [\d,.]+ ETH available to take back now/);
      assert.equal(posts('loanAdjustCollateral'), reduces);
    });

    it('shows the maximum loan of an order, with supplementary collateral', async () => {
      await run(suite.ui, 'okxEarn.loan.maxLoan', { arg: await loanArg(1), picks: ['USDC', 'ETH'], inputs: ['1'] });
      assert.match(suite.ui.messages('info').join('\n'), /USDC loan · order …\d+ can borrow up to [\d,.]+ USDC more \([\d,.]+ USD\) with 1 ETH more collateral\. Remaining quota: [\d,.]+ USDC\./);
      assert.equal(suite.sim.received('loanMaxLoan').at(-1)?.params?.ordId, suite.sim.state.loans.orders[1]?.ordId);
    });
  });

  describe('invalid input is refused before any request', () => {
    it("an ETH stake below OKX's minimum (product-info's minAmt)", async () => {
      const stakes = posts('ethPurchase');
      assert.equal(await run(suite.ui, 'okxEarn.eth.stake', { inputs: ['0.005'], confirmWith: 'Stake' }), false);
      assert.match(suite.ui.refused.join('\n'), /The minimum is 0\.01 ETH\./);
      assert.equal(posts('ethPurchase'), stakes, 'nothing sent');
    });

    const badAmounts: [string, RegExp][] = [
      ['0', /more than zero/],
      ['-5', /more than zero/],
      ['1e3', /without an exponent/],
      ['1,000', /without thousands separators/],
      ['10.1234567', /at most 6 decimal places/],
      ['0.5', /minimum is 1 USDT/],
      ['100001', /maximum is 100,000 USDT/],
      ['24000.5', /more than the [\d,.]+ USDT available in your funding account/],
      ['abc', /is not an amount/],
    ];
    for (const [input, message] of badAmounts) {
      it(`purchase amount ${JSON.stringify(input)}`, async () => {
        suite.sim.state.funding.USDT = '20000';
        const purchases = posts('onchainPurchase');
        assert.equal(await run(suite.ui, 'okxEarn.onchain.purchase', { picks: ['USDT · On-Chain Defi'], inputs: [input], confirmWith: 'Purchase' }), false);
        assert.match(suite.ui.refused.join('\n'), message);
        assert.equal(posts('onchainPurchase'), purchases, 'nothing sent');
        assert.equal(suite.ui.shown.filter((s) => s.modal).length, 0, 'no confirmation asked');
      });
    }

    for (const [input, message] of [['0.5', /from 1% to 365%/], ['400', /from 1% to 365%/], ['5.125', /two decimal places/], ['five', /is not a rate/]] as [string, RegExp][]) {
      it(`lending rate ${JSON.stringify(input)}`, async () => {
        const before = posts('savingsSetLendingRate');
        await run(suite.ui, 'okxEarn.savings.setRate', { arg: { payload: { kind: 'savings', ccy: 'USDT' } }, inputs: [input], confirmWith: 'Set Rate' });
        assert.match(suite.ui.refused.join('\n'), message);
        assert.equal(posts('savingsSetLendingRate'), before);
      });
    }

    it('a cancelled confirmation sends nothing', async () => {
      const before = posts('ethPurchase');
      assert.equal(await run(suite.ui, 'okxEarn.eth.stake', { inputs: ['0.1'], confirmWith: undefined }), false);
      assert.equal(posts('ethPurchase'), before);
    });
  });

  describe('OKX refusals are explained', () => {
    const codes = ['51008', '58002', '50120', '50038', ...Array.from({ length: 20 }, (_, i) => String(51720 + i)), ...Array.from({ length: 13 }, (_, i) => String(51750 + i))];
    it(`each of ${codes.length} codes (51720-51762, 51008, 58002, 50120, 50038) gets its own message`, async () => {
      for (const code of codes) {
        suite.sim.faults.add({ fault: { kind: 'okx', code, msg: `raw ${code}` }, endpoint: 'savingsSetLendingRate', times: 1 });
        await run(suite.ui, 'okxEarn.savings.setRate', { arg: { payload: { kind: 'savings', ccy: 'USDT' } }, inputs: ['3'], confirmWith: 'Set Rate' });
        const entry = OKX_CODES[code];
        assert.ok(entry, code);
        const expected = fillTemplate(entry.withoutCcy ?? entry.template, { ccy: 'USDT' });
        const last = suite.ui.messages('error').at(-1) ?? '';
        assert.ok(last.startsWith(`Set Rate: ${fillTemplate(entry.template, { ccy: 'USDT' })}`) || last.startsWith(`Set Rate: ${expected}`), `${code}: ${last}`);
        assert.ok(last.includes(`(OKX code ${code})`), last);
      }
    });
  });

  describe('production is loud', () => {
    // Driven through the confirmation step itself: a test never sends anything to OKX's real hosts.
    const action = (sent: string[]): MoneyAction<void> => ({
      what: 'test purchase', question: 'Purchase 100 USDT of USDT · On-Chain Defi?', verb: 'Purchase',
      rows: [['Amount', '100 USDT']], amount: { value: '100', ccy: 'USDT' },
      send: () => { sent.push('sent'); return Promise.resolve(); },
      done: () => 'done', lookup: { kind: 'test', params: {} }, refresh: [],
    });

    it('says REAL MONEY on a production host, and sends nothing when cancelled', async () => {
      const sent: string[] = [];
      const client = new OkxClient({ environment: customEnvironment(suite.sim.url), credentials: SANDBOX_KEY });
      suite.ui.choose = () => undefined;
      assert.equal(await confirmAction({ environment: 'production', profile: 'main' }, client, action(sent)), false);
      const modal = suite.ui.shown.find((s) => s.modal);
      assert.match(modal?.message ?? '', /^⚠ REAL MONEY: Purchase 100 USDT of USDT · On-Chain Defi\?$/);
      assert.match(modal?.detail ?? '', /Amount: 100 USDT\nEnvironment: Production \(main\)\n\nPRODUCTION: this moves real money on your OKX account\./);
      assert.equal(await confirmAction({ environment: 'sandbox', profile: undefined }, client, action(sent)), false);
      assert.match(suite.ui.shown.filter((s) => s.modal)[1]?.message ?? '', /^Purchase 100 USDT/);
      assert.match(suite.ui.shown.filter((s) => s.modal)[1]?.detail ?? '', /Sandbox: simulated, no real money\./);
      assert.deepEqual(sent, []);
    });

    it('asks for the amount again above okxEarn.retypeAmountAboveUsd, and a mistyped amount cancels', async () => {
      const client = new OkxClient({ environment: customEnvironment(suite.sim.url), credentials: SANDBOX_KEY });
      suite.ui.choose = (_m, items) => items.find((i) => i === 'Purchase');
      await configure({ retypeAmountAboveUsd: 50 });
      suite.ui.inputs.push('10');
      assert.equal(await confirmAction({ environment: 'us', profile: 'main' }, client, action([])), false);
      assert.match(suite.ui.prompts.join('\n'), /Type the amount again to confirm: Type 100 to confirm "Purchase" of 100 USDT on your production account\./);
      assert.match(suite.ui.refused.join('\n'), /Type exactly 100/);
      suite.ui.inputs.push('100');
      assert.equal(await confirmAction({ environment: 'eea', profile: 'main' }, client, action([])), true);
      await configure({ retypeAmountAboveUsd: 0 });
      suite.ui.prompts.length = 0;
      assert.equal(await confirmAction({ environment: 'production', profile: 'main' }, client, action([])), true);
      assert.deepEqual(suite.ui.prompts, [], 'off by default: no re-typing');
      await configure({ retypeAmountAboveUsd: undefined });
    });
  });
});

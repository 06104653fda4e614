import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import * as D from '../../src/decimal';
import type { OkxEarnApi } from '../../src/extension';
import type { EndpointId } from '../../src/okx/endpoints';
import { OKX_CODES } from '../../src/okx/errors';
import { OkxClient } from '../../src/okx/client';
import { customEnvironment } from '../../src/okx/environments';
import { formatDisplayAmount } from '../../src/portfolio/format';
import { standardSettlement } from '../../src/portfolio/okusdQuota';
import { SANDBOX_KEY, Simulator } from '../../src/simulator/server';
import type { SimOkusdOrder } from '../../src/simulator/state';
import { parseCsv } from '../unit/support/csv';
import { ScriptedWindow, configure, extensionApi, removeTestKey, useTestKey, waitFor, withShortRateLimitWindows } from './helpers';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

describe('OKUSD money flows, against the simulator', function () {
  this.timeout(60_000);
  withShortRateLimitWindows();
  let api: OkxEarnApi;
  let sim: Simulator;
  let ui: ScriptedWindow;
  /** The quick pick items shown, in order of the picks. */
  let pickItems: vscode.QuickPickItem[][];
  /** Runs before a quick pick answers (after the flow's first read of the limits). */
  let onPick: () => void;
  const posts = (endpoint: EndpointId): number => sim.received(endpoint).length;
  const okusdArg = { payload: { kind: 'okusd' } };
  const client = (): OkxClient => new OkxClient({ environment: customEnvironment(sim.url), credentials: SANDBOX_KEY });
  const modal = (): { message: string; detail: string } | undefined => ui.shown.filter((s) => s.modal).at(-1);
  const newOrders = (before: number): SimOkusdOrder[] => sim.state.okusd.orders.slice(before);

  /** Runs a command with scripted answers; the confirmation answers `confirmWith` after `atConfirm` (undefined = Cancel). */
  async function run(command: string, options: { inputs?: string[]; picks?: string[]; confirmWith?: string; atConfirm?: () => void } = {}): Promise<unknown> {
    ui.inputs.push(...(options.inputs ?? []));
    ui.picks.push(...(options.picks ?? []));
    ui.choose = (_message, items) => {
      const choice = items.find((i) => i === options.confirmWith);
      if (choice !== undefined) options.atConfirm?.();
      return choice;
    };
    return vscode.commands.executeCommand(command, okusdArg);
  }

  before(async () => {
    sim = await Simulator.start({ keys: [SANDBOX_KEY], priceMotion: false, rateLimits: false });
    api = await extensionApi();
    await configure({ environment: 'custom', customBaseUrl: sim.url, autoRefreshSeconds: 3600 });
    await useTestKey(api, 'okusd-tests', SANDBOX_KEY);
  });

  beforeEach(() => {
    ui = new ScriptedWindow().install();
    sim.faults.clear();
    sim.state.okusd.maintenance = false;
    pickItems = [];
    onPick = () => undefined;
    // Records what each quick pick offered, then lets the script answer it.
    const w = vscode.window as Writable<typeof vscode.window>;
    const scripted = w.showQuickPick;
    w.showQuickPick = ((items: readonly vscode.QuickPickItem[], options?: vscode.QuickPickOptions) => {
      pickItems.push([...items]);
      onPick();
      return scripted(items, options);
    }) as typeof w.showQuickPick;
  });
  afterEach(() => ui.restore());

  after(async () => {
    await removeTestKey('okusd-tests');
    await configure({ environment: undefined, customBaseUrl: undefined, autoRefreshSeconds: undefined });
    await sim.close();
  });

  describe('subscribe and redeem, with the views and histories after', () => {
    it('subscribes USDT for OKUSD 1:1 with one client order id, and the More Earn view shows the new holding', async () => {
      const usdt = sim.state.funding.USDT ?? '0';
      const okusd = sim.state.funding.OKUSD ?? '0';
      const before = sim.state.okusd.orders.length;
      assert.equal(await run('okxEarn.okusd.subscribe', { inputs: ['250.12345678'], confirmWith: 'Subscribe' }), true);
      const [order, ...more] = newOrders(before);
      assert.ok(order && more.length === 0, 'exactly one order');
      assert.equal(order.kind, 'subscribe');
      assert.equal(order.amt, '250.12345678', '8 decimal places, exactly as typed');
      assert.match(order.clOrdId, /^vsc[a-z0-9]{29}$/);
      assert.equal(sim.state.funding.USDT, D.sub(usdt, '250.12345678'));
      assert.equal(sim.state.funding.OKUSD, D.add(okusd, '250.12345678'));
      const confirmation = modal();
      assert.equal(confirmation?.message, 'Subscribe 250.12345678 USDT to OKUSD?');
      assert.match(confirmation?.detail ?? '', /Amount: 250\.12345678 USDT from your funding account\nYou receive: 250\.12345678 OKUSD \(1:1, no fee\), in your funding account at once\n/);
      assert.match(confirmation?.detail ?? '', /Subscription quota left after: 4,999,749\.87654322 USDT today \(yours: 4,999,749\.87654322 USDT; OKX's: 44,999,749\.87654322 USDT\)/);
      // Issue 25: the client order id is in the log and the records, not in the question.
      assert.match(confirmation?.detail ?? '', /\nEnvironment: Custom host \(okusd-tests\)/);
      assert.doesNotMatch(confirmation?.detail ?? '', /Client order ID|vsc[a-z0-9]{29}/);
      assert.match(ui.messages('info').join('\n'), new RegExp(`Subscribed 250\\.12345678 USDT: 250\\.12345678 OKUSD is in your funding account \\(order ${order.ordId}\\)\\.`));
      // OKX's history has it under the client order id that was sent.
      const [first] = await client().okusd.subscribeHistory({ limit: '5' }).next();
      assert.equal(first?.clOrdId, order.clOrdId);
      // The view: the new holding, and the subscription in its history.
      const held = `${formatDisplayAmount(sim.state.funding.OKUSD ?? '')} OKUSD`;
      await waitFor(async () => {
        const item = (await api.renderView('moreEarn', 1)).find((i) => i.id === 'okusd');
        return item?.description.startsWith(held) === true || undefined;
      }, `${held} in the More Earn view`);
      await waitFor(async () => {
        const okusdItem = (await api.renderView('moreEarn', 3)).find((i) => i.id === 'okusd');
        const subscriptions = okusdItem?.children.find((c) => c.id === 'okusd:subscriptions');
        return subscriptions?.children.some((c) => c.tooltip.includes(order.ordId)) === true || undefined;
      }, 'the subscription in the history');
    });

    it('redeems fast: the pick explains quota, fee and timing; the fee and net are floored to 8 places; USDT arrives at once', async () => {
      const usdt = sim.state.funding.USDT ?? '0';
      const before = sim.state.okusd.orders.length;
      assert.equal(await run('okxEarn.okusd.redeem', { picks: ['Fast redemption'], inputs: ['123.45678901'], confirmWith: 'Redeem' }), true);
      const [items] = pickItems;
      const fast = items?.find((i) => i.label === 'Fast redemption');
      const standard = items?.find((i) => i.label === 'Standard redemption');
      assert.match(fast?.description ?? '', /^10,000 OKUSD left today · fee 0\.1%$/);
      assert.match(fast?.detail ?? '', /Settled at once/);
      assert.match(standard?.description ?? '', /OKUSD left today · fee 0\.025%$/);
      const { days } = standardSettlement(sim.clock.now());
      assert.match(standard?.detail ?? '', new RegExp(`Settled in ${days} days.*expected `));
      const [order] = newOrders(before);
      assert.ok(order);
      assert.equal(order.kind, 'fast');
      // 123.45678901 × 0.001 = 0.12345678901 → 0.12345678; net 123.33333223.
      assert.equal(order.fee, '0.12345678');
      assert.equal(order.net, '123.33333223');
      assert.equal(sim.state.funding.USDT, D.add(usdt, '123.33333223'));
      const detail = modal()?.detail ?? '';
      assert.match(detail, /Redemption: Fast redemption\nAmount: 123\.45678901 OKUSD\nFee: 0\.12345678 USDT \(0\.1%\)\nYou receive: 123\.33333223 USDT in your funding account\nSettlement: at once\n/);
      assert.match(detail, /Fast redemption quota left after: 9,876\.54321099 OKUSD today/);
      assert.doesNotMatch(detail, /Client order ID|vsc[a-z0-9]{29}/);
      assert.match(ui.messages('info').join('\n'), new RegExp(`Redeemed 123\\.45678901 OKUSD: 123\\.33333223 USDT is in your funding account \\(fee 0\\.12345678 USDT; order ${order.ordId}\\)`));
      const [record] = await client().okusd.redeemHistory({ type: 'fast', limit: '5' }).next();
      assert.equal(record?.clOrdId, order.clOrdId);
    });

    it('redeems standard: the expected settlement date before confirming, and the redemption on its way in the view', async () => {
      const before = sim.state.okusd.orders.length;
      const now = sim.clock.now();
      assert.equal(await run('okxEarn.okusd.redeem', { picks: ['Standard redemption'], inputs: ['200'], confirmWith: 'Redeem' }), true);
      const [order] = newOrders(before);
      assert.ok(order?.settleAt !== undefined);
      assert.equal(order.kind, 'standard');
      assert.equal(order.status, 'pending');
      assert.equal(order.fee, '0.05');
      const { days } = standardSettlement(now);
      assert.equal(Math.round((order.settleAt - order.ts) / 86_400_000), days);
      assert.match(modal()?.message ?? '', new RegExp(`^Redeem 200 OKUSD \\(standard, ${days} days\\)\\?$`));
      assert.match(modal()?.detail ?? '', new RegExp(`Fee: 0\\.05 USDT \\(0\\.025%\\)\\nYou receive: 199\\.95 USDT in your funding account\\nSettlement: expected .+ \\(D\\+${days}\\)`));
      assert.match(ui.messages('info').join('\n'), new RegExp(`Redemption of 200 OKUSD accepted: 199\\.95 USDT arrives in your funding account around .+ \\(order ${order.ordId}\\)`));
      await waitFor(async () => {
        const okusdItem = (await api.renderView('moreEarn', 2)).find((i) => i.id === 'okusd');
        return okusdItem?.children.some((c) => c.id === `okusd:pending:${order.ordId}`) === true || undefined;
      }, 'the standard redemption on its way in the More Earn view');
      const [record] = await client().okusd.redeemHistory({ type: 'standard', limit: '5' }).next();
      assert.equal(record?.clOrdId, order.clOrdId);
    });
  });

  describe('OKUSD quotas checked here, before anything is sent', () => {
    afterEach(() => {
      for (const q of [sim.state.okusd.sub, sim.state.okusd.fast, sim.state.okusd.std]) {
        q.personalUsed = '0';
        q.platformUsed = q.platformBaseline;
      }
    });

    it('above what is left of the personal fast-redemption quota: said so (with what standard allows), and nothing sent', async () => {
      sim.state.okusd.fast.personalUsed = '9950';
      const redeems = posts('okusdRedeem');
      assert.equal(await run('okxEarn.okusd.redeem', { picks: ['Fast redemption'], inputs: ['60'], confirmWith: 'Redeem' }), false);
      assert.match(ui.refused.join('\n'), /That is more than your own fast-redemption quota left today: 50 OKUSD \(of 10,000 OKUSD a day\)\. Redeem at most that fast, or use standard redemption \([\d,.]+ OKUSD left today\)\./);
      assert.equal(posts('okusdRedeem'), redeems, 'nothing sent');
      assert.equal(ui.shown.filter((s) => s.modal).length, 0, 'no confirmation asked');
    });

    it('above what is left of the platform-wide subscription quota, though the personal one allows it: the platform named', async () => {
      sim.state.okusd.sub.platformUsed = D.sub(sim.state.okusd.sub.platformDailyLimit, '100');
      const subscribes = posts('okusdSubscribe');
      assert.equal(await run('okxEarn.okusd.subscribe', { inputs: ['150'], confirmWith: 'Subscribe' }), false);
      assert.match(ui.refused.join('\n'), /That is more than OKX's platform-wide subscription quota left today: 100 USDT \(your own quota would allow [\d,.]+ USDT\)/);
      assert.match(ui.prompts.join('\n'), /Your subscription quota left today: 100 USDT \(OKX's platform-wide quota is the limit\)\./);
      assert.equal(posts('okusdSubscribe'), subscribes, 'nothing sent');
    });

    it('more decimals than OKUSD takes, or less than 1: refused as typed', async () => {
      const subscribes = posts('okusdSubscribe');
      await run('okxEarn.okusd.subscribe', { inputs: ['10.123456789'] });
      await run('okxEarn.okusd.subscribe', { inputs: ['0.5'] });
      assert.match(ui.refused[0] ?? '', /at most 8 decimal places/);
      assert.match(ui.refused[1] ?? '', /The minimum is 1 USDT\./);
      assert.equal(posts('okusdSubscribe'), subscribes);
    });

    it('a quota used up meanwhile (by another sub-account) is caught when the limits are read again before the confirmation', async () => {
      const redeems = posts('okusdRedeem');
      const limitsRead = posts('okusdLimits');
      // After the flow read the limits and while the pick is open, the standard quota is used elsewhere.
      onPick = () => {
        sim.state.okusd.std.personalUsed = D.sub(sim.state.okusd.std.personalDailyLimit, '10');
      };
      assert.equal(await run('okxEarn.okusd.redeem', { picks: ['Standard redemption'], inputs: ['20'], confirmWith: 'Redeem' }), false);
      assert.deepEqual(ui.refused, [], 'the amount was fine as typed');
      assert.match(ui.messages('error').join('\n'), /^Redeem: That is more than your own standard-redemption quota left today: 10 OKUSD \(of 1,000,000 OKUSD a day\)\. Redeem at most that, or the rest tomorrow\. Nothing was sent\.$/m);
      assert.ok(posts('okusdLimits') >= limitsRead + 2, 'read again');
      assert.equal(posts('okusdRedeem'), redeems, 'nothing sent');
      assert.equal(ui.shown.filter((s) => s.modal).length, 0, 'no confirmation asked');
    });

    it('nothing at all left of the fast quota: said at once, pointing to standard redemption', async () => {
      sim.state.okusd.fast.platformUsed = sim.state.okusd.fast.platformDailyLimit;
      assert.equal(await run('okxEarn.okusd.redeem', { picks: ['Fast redemption'] }), false);
      assert.match(pickItems[0]?.find((i) => i.label === 'Fast redemption')?.description ?? '', /^none left today/);
      assert.match(ui.messages('warning').join('\n'), /OKX's platform-wide fast-redemption quota for today is used up \(0 OKUSD left\)\. Use standard redemption/);
      assert.deepEqual(ui.prompts, [], 'no amount asked');
    });
  });

  describe("OKX's OKUSD refusals explained", () => {
    afterEach(() => {
      sim.state.okusd.maintenance = false;
      sim.state.okusd.sub.platformUsed = sim.state.okusd.sub.platformBaseline;
    });

    it('the platform quota used up between the check and the send: 51766, which quota and what it means', async () => {
      const before = sim.state.okusd.orders.length;
      const usdt = sim.state.funding.USDT;
      const subscribes = posts('okusdSubscribe');
      assert.equal(await run('okxEarn.okusd.subscribe', {
        inputs: ['50'],
        confirmWith: 'Subscribe',
        atConfirm: () => {
          sim.state.okusd.sub.platformUsed = sim.state.okusd.sub.platformDailyLimit;
        },
      }), false);
      assert.equal(posts('okusdSubscribe'), subscribes + 1, 'sent once, never again');
      assert.equal(sim.state.okusd.orders.length, before);
      assert.equal(sim.state.funding.USDT, usdt);
      assert.match(ui.messages('error').join('\n'), /^Subscribe: OKX's daily subscription limit for this product has been reached\. Try again tomorrow\. \(OKX code 51766\) Your own quota is not the limit: OKX's platform-wide quota for all users is used up for today\. Nothing was exchanged\.$/m);
    });

    it('each of 51765-51774 gets its own message and its own next step', async function () {
      this.timeout(120_000);
      const steps = new Set<string>();
      for (let n = 51765; n <= 51774; n++) {
        const code = String(n);
        // Subscriptions and redemptions in turn, so that each kind of request is seen to explain every code.
        const subscribe = n % 2 === 1;
        sim.faults.add({ fault: { kind: 'okx', code, msg: `raw ${code}` }, endpoint: subscribe ? 'okusdSubscribe' : 'okusdRedeem', times: 1 });
        const sent = subscribe
          ? await run('okxEarn.okusd.subscribe', { inputs: ['5'], confirmWith: 'Subscribe' })
          : await run('okxEarn.okusd.redeem', { picks: ['Standard redemption'], inputs: ['5'], confirmWith: 'Redeem' });
        assert.equal(sent, false, code);
        const last = ui.messages('error').at(-1) ?? '';
        const entry = OKX_CODES[code];
        assert.ok(entry, code);
        const verb = subscribe ? 'Subscribe' : 'Redeem';
        assert.ok(last.startsWith(`${verb}: ${entry.template} (OKX code ${code}) `), `${code}: ${last}`);
        const step = last.slice(`${verb}: ${entry.template} (OKX code ${code}) `.length);
        assert.ok(step.length > 20 && !/^Retry in a moment/.test(step), `${code}: a next step of its own: ${step}`);
        steps.add(step);
      }
      // The platform-wide codes share one explanation per kind; the rest each have their own.
      assert.ok(steps.size >= 8, [...steps].join('\n'));
    });

    it('the OKUSD API under maintenance (51774) as the redemption is sent: said, nothing changed', async () => {
      const okusd = sim.state.funding.OKUSD;
      assert.equal(await run('okxEarn.okusd.redeem', {
        picks: ['Fast redemption'],
        inputs: ['10'],
        confirmWith: 'Redeem',
        atConfirm: () => {
          sim.state.okusd.maintenance = true;
        },
      }), false);
      assert.equal(sim.state.funding.OKUSD, okusd);
      assert.match(ui.messages('error').join('\n'), /^Redeem: OKX's OKUSD API is under maintenance\. Try again later\. \(OKX code 51774\) Subscriptions and redemptions wait until it is over; nothing was changed\.$/m);
    });
  });

  describe('OKUSD unknown outcomes: looked up by the client order id, never sent again', () => {
    it('a standard redemption carried out whose answer is lost: found by its client order id, so certain', async () => {
      sim.faults.add({ fault: { kind: 'lose-response' }, endpoint: 'okusdRedeem', times: 1 });
      const before = sim.state.okusd.orders.length;
      const redeems = posts('okusdRedeem');
      assert.equal(await run('okxEarn.okusd.redeem', { picks: ['Standard redemption'], inputs: ['30'], confirmWith: 'Redeem' }), true);
      assert.equal(posts('okusdRedeem'), redeems + 1, 'sent once');
      const [order, ...more] = newOrders(before);
      assert.ok(order && more.length === 0, 'exactly one redemption');
      assert.equal(order.clOrdId, sim.received('okusdRedeem').at(-1)?.params?.clOrdId, 'the client order id sent');
      assert.ok(sim.received('okusdRedeemHistory').some((r) => r.params?.type === 'standard'), 'looked up in the standard redemptions');
      assert.match(ui.messages('info').join('\n'), new RegExp(`OKX's answer was lost or unclear, but the request went through: redemption ${order.ordId} \\(client order id ${order.clOrdId}\\): 30 OKUSD → 29\\.9925 USDT after a fee of 0\\.0075 USDT, pending\\.`));
      assert.deepEqual(ui.shown.filter((s) => s.kind === 'warning' && !s.modal).map((s) => s.message), [], 'never "probably"');
    });

    it('a subscription whose connection dropped: unknown and pending, then sent again with the same client order id on the user\'s click: one order', async () => {
      sim.faults.add({ fault: { kind: 'drop' }, endpoint: 'okusdSubscribe', times: 1 });
      const before = sim.state.okusd.orders.length;
      const subscribes = posts('okusdSubscribe');
      // The "still unknown" notification's button is clicked, and the resend's own confirmation too.
      ui.inputs.push('40');
      const confirmations: string[] = [];
      ui.choose = (message, items) => {
        if (items.includes('Subscribe')) {
          confirmations.push(message);
          return 'Subscribe';
        }
        return items.find((i) => i === 'Send Again With the Same Key…');
      };
      assert.equal(await vscode.commands.executeCommand('okxEarn.okusd.subscribe', okusdArg), false);
      assert.match(ui.messages('warning').join('\n'), /Still unknown whether OKX carried out the OKUSD subscription of 40 USDT/);
      assert.doesNotMatch(ui.messages('warning').join('\n'), /did not go through/);
      const [order, ...more] = await waitFor(() => (sim.state.okusd.orders.length > before ? newOrders(before) : undefined), 'the order of the resend');
      // The resend's confirmation names the key it is sent again with (the first confirmation names none).
      const shownId = /same key \(client order id (\S+)\)/.exec(ui.shown.filter((s) => s.modal)[1]?.detail ?? '')?.[1] ?? '?';
      assert.ok(order && more.length === 0, 'exactly one subscription');
      assert.equal(order.clOrdId, shownId, 'the same client order id');
      // The dropped request never reached the simulator's records (the connection closed first): the resend did.
      assert.equal(posts('okusdSubscribe'), subscribes + 1, 'the user\'s resend');
      assert.equal(confirmations.length, 2);
      assert.match(confirmations[1] ?? '', /^Send the same request again: Subscribe 40 USDT to OKUSD\?/);
      await waitFor(() => (api.pendingMoves().length === 0 ? true : undefined), 'nothing pending');
    });
  });

  describe('OKUSD and Dual Investment histories exported from the More Earn view', () => {
    let folder: string;
    beforeEach(() => {
      folder = mkdtempSync(path.join(tmpdir(), 'okx-earn-okusd-export-'));
    });
    afterEach(() => rmSync(folder, { recursive: true, force: true }));

    it('OKUSD redemptions: fast and standard in one file, newest first, each with its client order id', async () => {
      ui.picks.push('OKUSD redemptions', 'Everything OKX keeps', "OKX's raw fields");
      ui.saves.push(vscode.Uri.file(path.join(folder, 'redemptions.csv')));
      assert.equal(await vscode.commands.executeCommand('okxEarn.moreEarn.exportHistory'), true);
      assert.match(path.basename(ui.saveDialogs[0]?.defaultUri?.path ?? ''), /^okx-earn-okusd-redemptions-\d{4}-\d{2}-\d{2}\.csv$/);
      const rows = parseCsv(readFileSync(path.join(folder, 'redemptions.csv'), 'utf8'));
      assert.deepEqual(rows[0], ['ordId', 'clOrdId', 'type', 'status', 'ccy', 'amt', 'fee', 'settleCcy', 'settleCcyAmt', 'estSettlementTime', 'ts']);
      const redemptions = sim.state.okusd.orders.filter((o) => o.kind !== 'subscribe');
      assert.deepEqual(rows.slice(1).map((r) => r[1]).sort(), redemptions.map((o) => o.clOrdId).sort(), 'every redemption once, by its client order id');
      assert.ok(rows.some((r) => r[2] === 'fast') && rows.some((r) => r[2] === 'standard'));
      const times = rows.slice(1).map((r) => r[10] ?? '');
      assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
      assert.deepEqual(readdirSync(folder), ['redemptions.csv']);
      assert.deepEqual(ui.messages('info'), [`OKUSD redemptions: ${redemptions.length} records exported to redemptions.csv.`]);
    });

    it('Dual Investment orders, from the palette', async () => {
      ui.picks.push('Dual Investment orders', 'Everything OKX keeps', "OKX's raw fields");
      ui.saves.push(vscode.Uri.file(path.join(folder, 'dual.csv')));
      assert.equal(await vscode.commands.executeCommand('okxEarn.exportHistory'), true);
      const rows = parseCsv(readFileSync(path.join(folder, 'dual.csv'), 'utf8'));
      assert.equal(rows[0]?.[0], 'ordId');
      assert.deepEqual(rows.slice(1).map((r) => r[0]).sort(), sim.state.dual.orders.map((o) => o.ordId).sort());
    });
  });
});

/**
 * The outcome matrix of issue 22: every money flow (./flowHarness) × every way OKX has a bad day, each asserting
 * what the user and the chat tool are told and how many times OKX carried the request out: never a false
 * "not done", never a second order, never a "done" without the order.
 */
import './fakeVscode';
import * as assert from 'node:assert/strict';
import { actionText } from '../../../src/chat/toolText';
import { setCheckSchedule } from '../../../src/commands/moneyOutcome';
import { PendingChecker } from '../../../src/commands/pendingChecker';
import { PendingMoves } from '../../../src/commands/pendingMoves';
import { runForTool, type ToolRun } from '../../../src/commands/ui';
import type { Fault } from '../../../src/simulator/faults';
import { fakeWindow } from './fakeVscode';
import { executed, flowContext, FLOWS, memoryMemento, type FlowCase } from './flowHarness';
import { instantLimiter, startSim, type SimHarness } from './sim';

/** The look-up window in these tests: the real one's shape (0, 2, 5, 10, 20, 40 s), in milliseconds. */
const WINDOW = [0, 150, 400, 800, 1500, 2500];
const l10n = { t: (message: string, ...args: unknown[]): string => message.replace(/\{(\d+)\}/g, (w, i: string) => { const arg = args[Number(i)]; return typeof arg === 'string' || typeof arg === 'number' ? String(arg) : w; }) };

export interface BadDay {
  readonly name: string;
  /** The faults on the flow's money endpoint. */
  faults(endpoint: FlowCase['endpoint']): { fault: Fault; endpoint: FlowCase['endpoint']; times: number }[];
  /** The client's timeout (ms). */
  readonly timeoutMs?: number;
}

export const BAD_DAYS: Readonly<Record<string, BadDay>> = {
  lost: { name: 'the answer is lost after OKX carried it out', faults: (endpoint) => [{ fault: { kind: 'lose-response' }, endpoint, times: 1 }] },
  late50004: { name: '50004, then OKX carries it out late', faults: (endpoint) => [{ fault: { kind: 'late', afterMs: 250 }, endpoint, times: 1 }] },
  lateTimeout: { name: 'no answer past the timeout, then OKX carries it out', timeoutMs: 400, faults: (endpoint) => [{ fault: { kind: 'late', answer: 'hang', afterMs: 600 }, endpoint, times: 1 }] },
  late5xx: { name: 'a 502 page, then OKX carries it out', faults: (endpoint) => [{ fault: { kind: 'late', answer: { httpStatus: 502 }, afterMs: 250 }, endpoint, times: 1 }] },
  historyLag: {
    name: '50004, carried out late, and its histories lag behind',
    faults: (endpoint) => [{ fault: { kind: 'late', afterMs: 100 }, endpoint, times: 1 }, { fault: { kind: 'history-lag', ms: 700 }, endpoint, times: 1 }],
  },
  emptyAck: { name: 'an empty acknowledgement (data: [{}]) for a request carried out', faults: (endpoint) => [{ fault: { kind: 'ack', data: [{}], execute: true }, endpoint, times: 1 }] },
};

async function runAsTool(flow: FlowCase, h: SimHarness, context: ReturnType<typeof flowContext>): Promise<{ result: boolean; run: ToolRun }> {
  return runForTool(flow.answers, () => flow.run(context, h.client, h.sim));
}

function chatText(flow: FlowCase, result: boolean, run: ToolRun): string {
  return actionText(l10n, 'Sandbox', flow.name, { done: result, confirmation: run.confirmation, problems: run.problems, said: run.said, ...(run.outcome === undefined ? {} : { outcome: run.outcome }) });
}

/** A "done" names what was done: no "order ?" or empty order id. */
function assertNamesTheOrder(message: string): void {
  assert.doesNotMatch(message, /order \?|order \)|\(order \)|order \.|: \.$/, `a done that names no order: ${message}`);
}

function harness(day?: BadDay): { get: () => SimHarness; before: () => Promise<void>; after: () => Promise<void> } {
  let h: SimHarness | undefined;
  return {
    get: () => {
      assert.ok(h);
      return h;
    },
    before: async () => {
      fakeWindow.reset();
      setCheckSchedule(WINDOW);
      const started = await startSim({ rateLimits: false });
      // A repayment settles (and shows in the loan history) within the look-up window here.
      started.sim.state.loans.repaySettleMs = 100;
      h = { ...started, client: started.clientWith({ limiter: instantLimiter(), timeoutMs: day?.timeoutMs ?? 2000 }) };
    },
    after: async () => {
      setCheckSchedule(undefined);
      await h?.sim.close();
    },
  };
}

/** For each flow: the bad day `key`, end to end. */
export function badDaySuite(key: keyof typeof BAD_DAYS): void {
  const day = BAD_DAYS[key];
  assert.ok(day);
  describe(`every money flow when ${day.name}`, function () {
    this.timeout(20_000);
    const env = harness(day);
    beforeEach(env.before);
    afterEach(env.after);
    for (const flow of FLOWS) {
      it(`${flow.name}: told done (by its key), exactly one carried out, and the chat tool says "Done" first`, async () => {
        const h = env.get();
        const context = flowContext(h.client, memoryMemento());
        const before = executed(h.sim, flow.endpoint);
        for (const rule of day.faults(flow.endpoint)) h.sim.faults.add(rule);
        const { result, run } = await runAsTool(flow, h, context);
        assert.deepEqual(run.problems, [], 'the flow had every answer');
        assert.equal(run.confirmation, 'confirmed', run.said.map((x) => x.message).join(' | '));
        assert.equal(run.outcome?.state, 'done', `${run.outcome?.state ?? 'no outcome'}: ${run.outcome?.message ?? run.said.map((s) => s.message).join(' | ')}`);
        assert.equal(result, true);
        assertNamesTheOrder(run.outcome.message);
        assert.match(chatText(flow, result, run), /^Done: /);
        if (!flow.keyed && key !== 'emptyAck' && key !== 'lost') assert.match(run.outcome.message, /probably|went through/);
        // Whatever the schedule, let anything late finish before counting.
        await new Promise((resolve) => setTimeout(resolve, 50));
        assert.equal(executed(h.sim, flow.endpoint) - before, 1, 'OKX carried it out exactly once');
        assert.equal(context.pending?.all().length, 0, 'nothing left pending');
      });
    }
  });
}

/** For each flow: a second invocation while the first is open, and a reload while the outcome is pending. */
export function guardAndReloadSuite(): void {
  describe('every money flow: invoked twice at once, and reloaded while pending', function () {
    this.timeout(20_000);
    const env = harness();
    beforeEach(env.before);
    afterEach(env.after);
    for (const flow of FLOWS) {
      it(`${flow.name}: a second invocation while the first is open starts nothing; one carried out`, async () => {
        const h = env.get();
        const context = flowContext(h.client, memoryMemento());
        const before = executed(h.sim, flow.endpoint);
        // The first waits at its confirmation while the second is invoked.
        let confirmFirst: (value: string | undefined) => void = () => undefined;
        const confirmed = new Promise<string | undefined>((resolve) => (confirmFirst = resolve));
        let asked = 0;
        fakeWindow.confirm = (_m, items) => {
          asked += 1;
          return asked === 1 ? (confirmed as unknown as string | undefined) : items[0];
        };
        const first = runAsTool(flow, h, context);
        let second: Awaited<ReturnType<typeof runAsTool>>;
        try {
          await waitUntil(() => asked === 1);
          second = await runAsTool(flow, h, context);
        } finally {
          confirmFirst(fakeWindow.shown.find((s) => s.modal)?.items[0]);
        }
        const done = await first;
        assert.equal(second.result, false);
        assert.match(second.run.problems.join(' '), /^Already open: /);
        assert.match(chatText(flow, second.result, second.run), /^Not sent: /);
        assert.equal(done.run.outcome?.state, 'done', done.run.outcome?.message);
        assert.equal(asked, 1, 'one confirmation');
        assert.equal(executed(h.sim, flow.endpoint) - before, 1, 'one carried out');
      });

      it(`${flow.name}: still unknown after the window → a pending move that a reloaded window settles, told once`, async () => {
        const h = env.get();
        const memento = memoryMemento();
        const context = flowContext(h.client, memento);
        const before = executed(h.sim, flow.endpoint);
        setCheckSchedule([0, 100]);
        h.sim.faults.add({ fault: { kind: 'late', afterMs: 900 }, endpoint: flow.endpoint, times: 1 });
        const { result, run } = await runAsTool(flow, h, context);
        assert.equal(result, false);
        assert.equal(run.outcome?.state, 'unknown', run.outcome?.message);
        assert.match(run.outcome.message, /Don't send it again/);
        assert.match(chatText(flow, result, run), /^Unknown whether it was carried out: /);
        assert.equal(context.pending?.all().length, 1, 'kept as pending');
        // A window reload: a new store over the same global state, and a new background checker.
        const reloaded = flowContext(h.client, memento);
        const moves = reloaded.pending ?? new PendingMoves(memento);
        assert.equal(moves.all().length, 1, 'the pending move survives the reload');
        const checker = new PendingChecker(reloaded, moves);
        try {
          checker.setSchedule([0]);
          await waitUntil(() => executed(h.sim, flow.endpoint) - before === 1, 3000);
          fakeWindow.shown = [];
          for (let i = 0; i < 20 && moves.all().length > 0; i++) {
            await checker.checkDue();
            if (moves.all().length > 0) await new Promise((resolve) => setTimeout(resolve, 150));
          }
          assert.equal(moves.all().length, 0, 'settled');
          const told = fakeWindow.shown.filter((s) => /^The pending .* (probably )?went through/.test(s.message));
          assert.equal(told.length, 1, fakeWindow.shown.map((s) => s.message).join(' | '));
          await checker.checkDue();
          assert.equal(fakeWindow.shown.filter((s) => /^The pending /.test(s.message)).length, 1, 'told once');
          assert.equal(executed(h.sim, flow.endpoint) - before, 1, 'one carried out');
        } finally {
          checker.dispose();
        }
      });
    }
  });
}

async function waitUntil(condition: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

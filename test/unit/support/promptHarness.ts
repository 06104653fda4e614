/**
 * The money flows driven as the user drives them (input boxes typed into, quick picks chosen, the confirmation
 * clicked: ./fakeVscode), against the simulator, for tests of what each prompt and confirmation says.
 */
import './fakeVscode';
import * as assert from 'node:assert/strict';
import { forgetRecentlyDone, type FlowContext } from '../../../src/commands/moneyAction';
import type { OkxClient } from '../../../src/okx/client';
import type { Simulator, SimulatorOptions } from '../../../src/simulator/server';
import { fakeWindow, type BoxSeen, type Shown } from './fakeVscode';
import { flowContext, memoryMemento } from './flowHarness';
import { instantLimiter, startSim } from './sim';

export interface PromptHarness {
  readonly sim: Simulator;
  readonly client: OkxClient;
  readonly context: FlowContext;
}

/** A fresh simulator (with `options`), client and flow context for each test (and the fake window reset). */
export function promptHarness(options: SimulatorOptions = {}): () => PromptHarness {
  let current: PromptHarness | undefined;
  beforeEach(async () => {
    fakeWindow.reset();
    forgetRecentlyDone();
    const started = await startSim({ rateLimits: false, ...options });
    const client = started.clientWith({ limiter: instantLimiter() });
    current = { sim: started.sim, client, context: flowContext(client, memoryMemento()) };
  });
  afterEach(async () => {
    await current?.sim.close();
    current = undefined;
  });
  return () => {
    assert.ok(current);
    return current;
  };
}

/** The `index`th input box shown (from 0). */
export function box(index: number): BoxSeen {
  const seen = fakeWindow.boxes[index];
  assert.ok(seen, `input box ${index + 1} of ${fakeWindow.boxes.length} shown`);
  return seen;
}

/** The (last) modal confirmation shown. */
export function confirmation(): Shown {
  const modal = fakeWindow.shown.filter((s) => s.modal).at(-1);
  assert.ok(modal, `a confirmation among ${fakeWindow.shown.map((s) => s.message).join(' | ')}`);
  return modal;
}

/** The non-modal messages shown, in order. */
export function toasts(): string[] {
  return fakeWindow.shown.filter((s) => !s.modal).map((s) => s.message);
}

/** `text` as a regular expression matching it literally. */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

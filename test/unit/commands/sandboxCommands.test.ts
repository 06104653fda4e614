/**
 * Sandbox: Play OKX's Bad Day… in plain Node (the fake `vscode`, a real simulator): the slow day makes every
 * answer, reads too, come 5 s late until "Off", so a refresh can be watched as it happens.
 */
import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Connection } from '../../../src/connection';
import { registerSandboxBadDay } from '../../../src/commands/sandboxCommands';
import { fakeWindow } from '../support/fakeVscode';
import { startSim, type SimHarness } from '../support/sim';

describe('commands/sandboxCommands: a bad day chosen in the Sandbox', () => {
  let harness: SimHarness;
  let badDay: () => Promise<unknown>;
  const original = vscode.commands.registerCommand;

  before(async () => {
    harness = await startSim();
    (vscode.commands as { registerCommand: unknown }).registerCommand = (_id: string, handler: () => Promise<unknown>) => {
      badDay = handler;
      return { dispose: () => undefined };
    };
    registerSandboxBadDay({ sandbox: harness.sim } as unknown as Connection);
  });

  after(async () => {
    (vscode.commands as { registerCommand: unknown }).registerCommand = original;
    await harness.sim.close();
  });

  beforeEach(() => fakeWindow.reset());

  const choose = async (label: RegExp): Promise<void> => {
    fakeWindow.choose = (_title, labels) => labels.find((l) => label.test(l));
    assert.equal(await badDay(), true);
  };

  it('"Slow": every read and every move is answered 5 s late, until "Off"', async () => {
    await choose(/^Slow: every answer takes 5 s$/);
    assert.equal(harness.sim.faults.take('savingsBalance', false).delayMs, 5_000);
    assert.equal(harness.sim.faults.take('onchainPurchase', true).delayMs, 5_000);
    assert.equal(harness.sim.faults.take('savingsBalance', false).delayMs, 5_000, 'still slow on the next read');
    assert.ok(fakeWindow.shown.some((s) => /every answer from OKX takes 5 s until you choose "Off"/.test(s.message)));
    await choose(/^Off: a good day$/);
    assert.equal(harness.sim.faults.take('savingsBalance', false).delayMs, 0);
  });
});

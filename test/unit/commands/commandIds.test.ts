import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPORT_COMMAND_IDS, KEY_COMMAND_IDS, MONEY_COMMAND_IDS, PANEL_COMMAND_IDS, PENDING_COMMAND_IDS, PRODUCTS_FILTER_COMMAND_IDS, SANDBOX_COMMAND_IDS } from '../../../src/commands/commandIds';
import { registerExportCommands } from '../../../src/commands/export';
import { registerKeyCommands } from '../../../src/commands/keys';
import { registerMoneyCommands } from '../../../src/commands/money';
import type { FlowContext } from '../../../src/commands/moneyAction';
import { PendingChecker } from '../../../src/commands/pendingChecker';
import { PendingMoves } from '../../../src/commands/pendingMoves';
import { registerPanelCommands } from '../../../src/commands/panels';
import { registerProductsFilter } from '../../../src/commands/productsFilter';
import { registerSandboxBadDay, registerSandboxMovePrice } from '../../../src/commands/sandboxCommands';
import type { PanelOpener } from '../../../src/panels/lazyPanels';
import type { Portfolio } from '../../../src/portfolio/portfolio';
import type { ProductsView } from '../../../src/views/productsView';

/** The ids `register` registers, through the stand-in vscode module. */
function registeredBy(register: () => unknown): string[] {
  const ids: string[] = [];
  const commands = vscode.commands as unknown as { registerCommand: (id: string) => vscode.Disposable };
  const original = commands.registerCommand;
  commands.registerCommand = (id: string) => {
    ids.push(id);
    return { dispose: () => undefined };
  };
  try {
    register();
  } finally {
    commands.registerCommand = original;
  }
  return ids.sort();
}

const memento = { get: () => undefined, update: () => Promise.resolve(), keys: () => [] } as unknown as vscode.Memento;

describe('commands/commandIds: the commands registered at start-up before their code loads', () => {
  it('are exactly what each module registers once loaded', () => {
    const none = {} as never;
    assert.deepEqual(registeredBy(() => registerMoneyCommands({} as FlowContext)), [...MONEY_COMMAND_IDS].sort());
    assert.deepEqual(registeredBy(() => registerKeyCommands(none, none)), [...KEY_COMMAND_IDS].sort());
    assert.deepEqual(registeredBy(() => registerExportCommands({} as FlowContext, memento)), [...EXPORT_COMMAND_IDS].sort());
    assert.deepEqual(registeredBy(() => [registerSandboxBadDay(none), registerSandboxMovePrice(none)]), [...SANDBOX_COMMAND_IDS].sort());
    assert.deepEqual(registeredBy(() => registerPanelCommands({} as PanelOpener, {} as Portfolio)), [...PANEL_COMMAND_IDS].sort());
    const view = { message: undefined } as unknown as vscode.TreeView<never>;
    assert.deepEqual(registeredBy(() => registerProductsFilter(memento, {} as Portfolio, { filter: {} } as ProductsView, view)), [...PRODUCTS_FILTER_COMMAND_IDS].sort());
    const checker = new PendingChecker({} as FlowContext, new PendingMoves({ get: () => undefined, update: () => Promise.resolve() }));
    try {
      assert.deepEqual(registeredBy(() => checker.registerCommands()), [...PENDING_COMMAND_IDS].sort());
    } finally {
      checker.dispose();
    }
  });
});

import { fakeWindow } from './support/fakeVscode';
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { Connection } from '../../src/connection';
import type { CredentialStore } from '../../src/credentials';
import { VIEWS_SEEN, registerWalkthrough } from '../../src/walkthrough';

/** A tree view that can be shown and hidden. */
function view(visible: boolean): vscode.TreeView<unknown> & { show(shown: boolean): void } {
  const listeners: ((e: { visible: boolean }) => unknown)[] = [];
  const state = { visible };
  return {
    get visible() {
      return state.visible;
    },
    onDidChangeVisibility: (listener: (e: { visible: boolean }) => unknown) => {
      listeners.push(listener);
      return { dispose: () => undefined };
    },
    show(shown: boolean) {
      state.visible = shown;
      for (const listener of listeners) listener({ visible: shown });
    },
  } as unknown as vscode.TreeView<unknown> & { show(shown: boolean): void };
}

function extensionContext(kept: Map<string, unknown>): vscode.ExtensionContext {
  return {
    extension: { id: 'okx-earn.okx-earn' },
    extensionMode: 3,
    globalState: { get: (key: string, fallback?: unknown) => (kept.has(key) ? kept.get(key) : fallback), update: (key: string, value: unknown) => Promise.resolve(void kept.set(key, value)) },
  } as unknown as vscode.ExtensionContext;
}

const store = { profiles: () => [], get: () => Promise.resolve(undefined), onDidChange: () => ({ dispose: () => undefined }) } as unknown as CredentialStore;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

describe('walkthrough: the "Views and status bar" step completes however the views came on screen', () => {
  beforeEach(() => fakeWindow.reset());

  it('a view already on screen when the extension starts (the sidebar restored open) ticks it, and it stays ticked in the next session', async () => {
    const kept = new Map<string, unknown>();
    registerWalkthrough(extensionContext(kept), store, {} as Connection, [view(false), view(true)]);
    await settle();
    assert.equal(fakeWindow.contextKeys.get(VIEWS_SEEN), true);
    fakeWindow.reset();
    registerWalkthrough(extensionContext(kept), store, {} as Connection, [view(false), view(false)]);
    await settle();
    assert.equal(fakeWindow.contextKeys.get(VIEWS_SEEN), true, 'kept from the last session');
  });

  it('none on screen: not ticked until one turns visible', async () => {
    const views = [view(false), view(false)];
    registerWalkthrough(extensionContext(new Map()), store, {} as Connection, views);
    await settle();
    assert.equal(fakeWindow.contextKeys.get(VIEWS_SEEN), false);
    views[1]?.show(true);
    await settle();
    assert.equal(fakeWindow.contextKeys.get(VIEWS_SEEN), true);
  });
});

/**
 * The "Get started with OKX Earn" walkthrough (contributes.walkthroughs in package.json): the context keys its
 * steps complete on, its practice purchase, and opening it once, the first time the extension runs.
 */
import * as vscode from 'vscode';
import type { Connection } from './connection';
import type { CredentialStore } from './credentials';

export const WALKTHROUGH_ID = 'okxEarn.gettingStarted';
/** True while any profile has a key in SecretStorage (the "Set your API key" step completes on it). */
export const HAS_API_KEY = 'okxEarn.hasApiKey';
/** True once a practice purchase in the Sandbox went through (the last step completes on it). */
export const PRACTICE_PURCHASED = 'okxEarn.walkthrough.purchased';
/**
 * True once one of the tour's views has been on screen (the "Views and status bar" step completes on it too).
 * VS Code counts `onView:` only when a view turns visible after the walkthrough is registered: a view already on
 * screen (the sidebar restored open at start-up) never ticked the step.
 */
export const VIEWS_SEEN = 'okxEarn.walkthrough.viewsSeen';
const SHOWN = 'okxEarn.walkthrough.shown';

/** `tourViews`: the views the tour step shows (Staking, Savings, Loans, Products). */
export function registerWalkthrough(context: vscode.ExtensionContext, store: CredentialStore, connection: Connection, tourViews: readonly vscode.TreeView<unknown>[]): vscode.Disposable[] {
  const fullId = `${context.extension.id}#${WALKTHROUGH_ID}`;
  const updateHasKey = async (): Promise<void> => {
    const keys = await Promise.all(store.profiles().map((profile) => store.get(profile)));
    await vscode.commands.executeCommand('setContext', HAS_API_KEY, keys.some((key) => key !== undefined));
  };
  void updateHasKey();
  const purchased = keptFlag(context, PRACTICE_PURCHASED);
  void openOnFirstRun(context, store, fullId);

  return [
    ...watchViewsSeen(context, tourViews),
    store.onDidChange(() => void updateHasKey()),
    vscode.commands.registerCommand('okxEarn.openWalkthrough', () => vscode.commands.executeCommand('workbench.action.openWalkthrough', fullId, false)),
    vscode.commands.registerCommand('okxEarn.walkthrough.purchaseInSandbox', async () => {
      // Practice only: never with a real key. Switch to the Sandbox first when elsewhere.
      if (connection.current.environment !== 'sandbox') {
        await vscode.commands.executeCommand('okxEarn.trySandbox');
        await connection.update();
      }
      if (connection.current.environment !== 'sandbox') return false;
      const done = await vscode.commands.executeCommand<boolean>('okxEarn.onchain.purchase');
      if (done === true) await purchased();
      return done === true;
    }),
  ];
}

/**
 * Opens the walkthrough the first time the extension runs in a profile, and never again. Not for people who
 * already have a key (they installed an earlier version), not when the user turned off walkthroughs opening
 * on install (`workbench.welcomePage.walkthroughs.openOnInstall`), and not under an extension test run.
 */
async function openOnFirstRun(context: vscode.ExtensionContext, store: CredentialStore, fullId: string): Promise<void> {
  if (context.globalState.get<boolean>(SHOWN, false)) return;
  await context.globalState.update(SHOWN, true);
  const wanted = vscode.workspace.getConfiguration('workbench.welcomePage').get<boolean>('walkthroughs.openOnInstall', true);
  if (!wanted || store.profiles().length > 0 || context.extensionMode === vscode.ExtensionMode.Test) return;
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', fullId, false);
}

/**
 * A context key kept in globalState for the walkthrough's steps: set from it now; the function returned turns it
 * on for good.
 */
function keptFlag(context: vscode.ExtensionContext, key: string): () => Promise<void> {
  void vscode.commands.executeCommand('setContext', key, context.globalState.get<boolean>(key, false));
  return async () => {
    if (context.globalState.get<boolean>(key, false)) return;
    await context.globalState.update(key, true);
    await vscode.commands.executeCommand('setContext', key, true);
  };
}

/** Sets VIEWS_SEEN once any of `views` is visible: now, or when it turns visible. */
function watchViewsSeen(context: vscode.ExtensionContext, views: readonly vscode.TreeView<unknown>[]): vscode.Disposable[] {
  const seen = keptFlag(context, VIEWS_SEEN);
  if (views.some((view) => view.visible)) void seen();
  return views.map((view) => view.onDidChangeVisibility((e) => (e.visible ? void seen() : undefined)));
}

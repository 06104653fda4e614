import * as vscode from 'vscode';
import { VIEW_IDS, type ViewKey } from './views/viewIds';
import { SectionTree } from './views/sectionTree';

/** What the extension hands to other extensions (and to its own integration tests). */
export interface OkxEarnApi {
  /** Wall time spent inside activate(), in milliseconds. */
  readonly activationMs: number;
}

export function activate(context: vscode.ExtensionContext): OkxEarnApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel(vscode.l10n.t('OKX Earn'), { log: true });
  context.subscriptions.push(log);

  const trees = new Map<ViewKey, SectionTree>();
  for (const key of Object.keys(VIEW_IDS) as ViewKey[]) {
    const tree = new SectionTree();
    trees.set(key, tree);
    context.subscriptions.push(
      tree,
      vscode.window.createTreeView(VIEW_IDS[key], { treeDataProvider: tree, showCollapseAll: key !== 'products' }),
    );
  }

  context.subscriptions.push(
    vscode.commands.registerCommand('okxEarn.refresh', () => {
      for (const tree of trees.values()) {
        tree.refresh();
      }
      log.info('Views refreshed');
    }),
  );

  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms`);
  return { activationMs };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

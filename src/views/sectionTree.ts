import * as vscode from 'vscode';

/**
 * One sidebar section (Staking, Savings, Loans, Products).
 *
 * It has no data source yet: the client and the portfolio state land in later issues. Until then it
 * returns no items, so VS Code shows the view's `viewsWelcome` text instead of an empty tree.
 */
export class SectionTree implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.TreeItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  getTreeItem(element: vscode.TreeItem): vscode.TreeItem {
    return element;
  }

  getChildren(): vscode.TreeItem[] {
    return [];
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** A sidebar tree over some areas of the portfolio: re-renders when they change, loads them on first view. */
import * as vscode from 'vscode';
import type { AreaData, AreaId, Portfolio } from '../portfolio/portfolio';
import { errorNode, type TreeNode } from './nodes';
import { onDidChangePending, pendingNodes } from './pendingRows';

export abstract class PortfolioTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };
  private readonly pendingSubscription: { dispose(): void };
  private pending = false;
  /** Whether the view shows pending money moves of its areas at its top (the product views do). */
  protected readonly showsPending: boolean = true;

  constructor(
    protected readonly portfolio: Portfolio,
    /** The areas this view shows, which the auto-refresh reloads while the view is visible. */
    readonly areas: readonly AreaId[],
  ) {
    this.subscription = portfolio.onDidChange((changed) => {
      if (changed.some((area) => this.areas.includes(area))) this.refresh();
    });
    this.pendingSubscription = onDidChangePending(() => {
      if (this.showsPending) this.refresh();
    });
  }

  /** Re-renders (coalescing bursts of changes into one). */
  refresh(): void {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.changed.fire(undefined);
    });
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.item();
  }

  getChildren(node?: TreeNode): TreeNode[] | Promise<TreeNode[]> {
    if (node !== undefined) return node.children?.() ?? [];
    if (!this.showsPending) return this.roots();
    return this.roots().then((roots) => [...pendingNodes(this.areas), ...roots]);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  protected abstract roots(): Promise<TreeNode[]>;

  /**
   * The nodes for one area: waits for its first load (VS Code shows the view's progress bar meanwhile), then
   * renders its data; a failed area becomes an error node with Retry, keeping what was shown before.
   */
  protected async area<K extends AreaId>(area: K, render: (data: AreaData[K]) => TreeNode[]): Promise<TreeNode[]> {
    await this.portfolio.ensure(area);
    const state = this.portfolio.get(area);
    if (state.status === 'error') {
      return [errorNode(area, state.error), ...(state.data === undefined ? [] : render(state.data))];
    }
    return 'data' in state && state.data !== undefined ? render(state.data) : [];
  }

  dispose(): void {
    this.subscription.dispose();
    this.pendingSubscription.dispose();
    this.changed.dispose();
  }
}

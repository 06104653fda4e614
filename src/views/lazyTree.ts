/**
 * A sidebar view whose code loads when VS Code first asks for its items: a view never shown never loads. Before
 * that, what it shows (./viewAreas) is all the auto-refresh needs to know of it.
 */
import * as vscode from 'vscode';
import type { AreaId } from '../portfolio/portfolio';
import type { TreeNode } from './nodes';
import type { PortfolioTree } from './portfolioTree';

export class LazyTree<V extends PortfolioTree = PortfolioTree> implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private tree: V | undefined;
  private loading: Promise<V> | undefined;
  private forwarding: vscode.Disposable | undefined;
  private disposed = false;

  constructor(
    /** The areas the view shows, as its code will say. */
    readonly areas: readonly AreaId[],
    private readonly create: () => Promise<V>,
  ) {}

  /** The view's code and provider, loaded once (again after a failed load). */
  loaded(): Promise<V> {
    this.loading ??= this.create().then(
      (tree) => {
        if (this.disposed) {
          tree.dispose();
          return tree;
        }
        this.tree = tree;
        this.forwarding = tree.onDidChangeTreeData((node) => this.changed.fire(node));
        return tree;
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    return (await this.loaded()).getChildren(node);
  }

  /** Nodes come from the loaded provider, and render themselves. */
  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.item();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** Re-renders (nothing to do before the view has loaded: it renders what is there when it does). */
  refresh(): void {
    this.tree?.refresh();
  }

  dispose(): void {
    this.disposed = true;
    this.forwarding?.dispose();
    this.tree?.dispose();
    this.changed.dispose();
  }
}

/** A view's items as VS Code would get them, in plain Node (with ../support/fakeVscode loaded first). */
import type * as vscode from 'vscode';
import type { TreeNode } from '../../../src/views/nodes';
import type { PortfolioTree } from '../../../src/views/portfolioTree';

export interface Item {
  readonly id: string | undefined;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly contextValue: string | undefined;
  readonly icon: unknown;
  readonly command: vscode.Command | undefined;
  /** 0 none, 1 collapsed, 2 expanded. */
  readonly collapsible: number;
  readonly children: Item[];
}

export async function render(tree: PortfolioTree, depth = 3, node?: TreeNode): Promise<Item[]> {
  const nodes = await tree.getChildren(node);
  return Promise.all(nodes.map(async (child) => {
    const item = tree.getTreeItem(child);
    const collapsible = Number(item.collapsibleState ?? 0);
    const tooltip = item.tooltip;
    return {
      id: item.id,
      label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
      description: typeof item.description === 'string' ? item.description : '',
      tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''),
      contextValue: item.contextValue,
      icon: item.iconPath,
      command: item.command,
      collapsible,
      children: collapsible !== 0 && depth > 0 ? await render(tree, depth - 1, child) : [],
    };
  }));
}

/** The item with this id, anywhere under `items`. */
export function byId(items: readonly Item[], id: string): Item {
  for (const item of items) {
    if (item.id === id) return item;
    const found = item.children.length === 0 ? undefined : tryById(item.children, id);
    if (found !== undefined) return found;
  }
  throw new Error(`No item ${id} among ${items.map((i) => i.id).join(', ')}`);
}

function tryById(items: readonly Item[], id: string): Item | undefined {
  try {
    return byId(items, id);
  } catch {
    return undefined;
  }
}

/**
 * The building blocks of the sidebar's trees: a node knows its TreeItem and its children. Trees render what
 * the portfolio holds and never call the network; expanding a history asks the portfolio for its next page.
 */
import * as vscode from 'vscode';
import { errorText, fullErrorText } from '../messages';
import { formatAmount, formatDisplayAmount, formatFeeRate, formatFixed, formatLtv, formatPercent, formatShare, formatTime, numberSymbols } from '../portfolio/format';
import type { ActiveOrder, DualCurrencyPair, DualOrder, DualProduct, LoanInfo, Offer, StakingHistoryRecord } from '../okx/types';
import type { AreaId, HistoryKind, HistoryList, HistoryRecords, Portfolio } from '../portfolio/portfolio';

/** What a node stands for, handed to the commands run on it (context menus pre-fill their forms with it). */
export type Payload =
  | { readonly kind: 'offer'; readonly offer: Offer }
  | { readonly kind: 'order'; readonly order: ActiveOrder }
  | { readonly kind: 'eth' }
  | { readonly kind: 'sol' }
  | { readonly kind: 'ethRedemption'; readonly record: StakingHistoryRecord }
  | { readonly kind: 'savings'; readonly ccy: string }
  | { readonly kind: 'loan'; readonly loan: LoanInfo }
  | { readonly kind: 'collateral'; readonly ccy: string; readonly loan: LoanInfo }
  | { readonly kind: 'okusd' }
  | { readonly kind: 'stable'; readonly ccy: string }
  | { readonly kind: 'dualOrder'; readonly order: DualOrder }
  | { readonly kind: 'dualPair'; readonly pair: DualCurrencyPair }
  | { readonly kind: 'dualProduct'; readonly product: DualProduct }
  /** Money held idle in the funding and trading accounts (the Overview's idle-money rows). */
  | { readonly kind: 'idle'; readonly ccy: string }
  /** A currency of the trading account, for auto-earn (./autoEarnRows). */
  | { readonly kind: 'autoEarn'; readonly ccy: string }
  /** A money move whose outcome is still unknown (../commands/pendingMoves). */
  | { readonly kind: 'pending'; readonly id: string };

export interface TreeNode {
  readonly id: string;
  readonly parent?: TreeNode;
  readonly payload?: Payload;
  item(): vscode.TreeItem;
  children?(): TreeNode[] | Promise<TreeNode[]>;
}

const symbols = (): ReturnType<typeof numberSymbols> => numberSymbols(vscode.env.language);
export const amount = (value: string): string => formatAmount(value, symbols());
export const percent = (fraction: string, dp = 2): string => formatPercent(fraction, dp, symbols());
/** A share of the holdings: one decimal, rounded half up ("< 0.1%" for a sliver), the same in every view and panel. */
export const share = (fraction: string): string => formatShare(fraction, symbols());
/** A fee rate exactly as OKX gives it ("0.025%"), the same in the views, panels and prompts. */
export const feeRate = (fraction: string): string => formatFeeRate(fraction, symbols());
export const time = (ms: string): string => formatTime(ms, vscode.env.language);
export const withCcy = (value: string, ccy: string): string => `${amount(value)} ${ccy}`;
/** An amount at the precision a row has room for (descriptions); tooltips show `amount` exactly. */
export const shortAmount = (value: string): string => formatDisplayAmount(value, symbols());
export const shortWithCcy = (value: string, ccy: string): string => `${shortAmount(value)} ${ccy}`;
/** An LTV: the one rounding the trees, tooltips, status bar and LTV panel share. */
export const ltv = (fraction: string): string => formatLtv(fraction, symbols());
/** A USD value, to the cent. */
export const usd = (value: string): string => `${formatFixed(value, 2, symbols())} USD`;

/** A tooltip listing fields as a two-column table; values are escaped. */
export function fieldsTooltip(title: string, rows: readonly (readonly [string, string])[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escapeMarkdown(title)}**\n\n| | |\n|---|---|\n`);
  for (const [name, value] of rows) {
    if (value !== '') md.appendMarkdown(`| ${escapeMarkdown(name)} | ${escapeMarkdown(value)} |\n`);
  }
  return md;
}

/** Text from OKX (or the user) made inert inside Markdown: every character Markdown gives a meaning is escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

interface ItemOptions {
  label: string;
  description?: string;
  icon?: string | vscode.ThemeIcon;
  tooltip?: string | vscode.MarkdownString;
  contextValue?: string;
  payload?: Payload;
  /** What a click (or Enter) runs; items with a payload open its detail unless told otherwise. */
  command?: vscode.Command;
}

/** The detail a payload opens on click: a product's panel, or a loan order's LTV panel. */
export function detailCommand(payload: Payload | undefined): vscode.Command | undefined {
  switch (payload?.kind) {
    case 'offer':
    case 'order':
    case 'eth':
    case 'sol':
    case 'savings':
    case 'okusd':
    case 'stable':
    case 'dualOrder':
    case 'dualProduct':
      return { command: 'okxEarn.openProduct', title: vscode.l10n.t('Show Details'), arguments: [{ payload }] };
    case 'loan':
    case 'collateral':
      return { command: 'okxEarn.openLtv', title: vscode.l10n.t('Show Loan LTV'), arguments: [{ payload }] };
    default:
      return undefined;
  }
}

function treeItem(id: string, options: ItemOptions, state: vscode.TreeItemCollapsibleState): vscode.TreeItem {
  const item = new vscode.TreeItem(options.label, state);
  item.id = id;
  item.description = options.description;
  item.iconPath = typeof options.icon === 'string' ? new vscode.ThemeIcon(options.icon) : options.icon;
  item.tooltip = options.tooltip;
  item.contextValue = options.contextValue;
  item.command = options.command ?? detailCommand(options.payload);
  return item;
}

/** A plain leaf: label, description, icon, optional tooltip, context value and command. */
export class LeafNode implements TreeNode {
  constructor(
    readonly id: string,
    private readonly options: ItemOptions,
    readonly parent?: TreeNode,
  ) {}

  get payload(): Payload | undefined {
    return this.options.payload;
  }

  item(): vscode.TreeItem {
    return treeItem(this.id, this.options, vscode.TreeItemCollapsibleState.None);
  }
}

/** A node with children computed on expansion. */
export class GroupNode implements TreeNode {
  constructor(
    readonly id: string,
    private readonly options: ItemOptions & { expanded?: boolean; children: (self: GroupNode) => TreeNode[] | Promise<TreeNode[]> },
    readonly parent?: TreeNode,
  ) {}

  get payload(): Payload | undefined {
    return this.options.payload;
  }

  item(): vscode.TreeItem {
    return treeItem(this.id, this.options, this.options.expanded === true ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  }

  children(): TreeNode[] | Promise<TreeNode[]> {
    return this.options.children(this);
  }
}

export const AREA_LABELS = (): Record<AreaId, string> => ({
  onchain: vscode.l10n.t('on-chain earn orders'),
  eth: vscode.l10n.t('ETH staking'),
  sol: vscode.l10n.t('SOL staking'),
  savings: vscode.l10n.t('savings'),
  loans: vscode.l10n.t('flexible loans'),
  loanLimits: vscode.l10n.t('how much collateral can be taken back'),
  offers: vscode.l10n.t('on-chain earn offers'),
  market: vscode.l10n.t('market rates'),
  prices: vscode.l10n.t('prices'),
  valuation: vscode.l10n.t("OKX's valuation of your account"),
  recent: vscode.l10n.t('savings earnings since the start of yesterday (UTC)'),
  okusd: vscode.l10n.t('OKUSD'),
  stable: vscode.l10n.t('Stable Rewards'),
  dual: vscode.l10n.t('Dual Investment orders'),
  dualPairs: vscode.l10n.t('Dual Investment currency pairs'),
  funding: vscode.l10n.t('funding account balances'),
  trading: vscode.l10n.t('trading account balances'),
});

/** "Could not load …": what happened, and a click to retry. The rest of the view keeps working. */
export function errorNode(area: AreaId, error: Error, parent?: TreeNode): TreeNode {
  return new LeafNode(
    `error:${area}`,
    {
      label: vscode.l10n.t('Could not load {0}', AREA_LABELS()[area]),
      description: errorText(error),
      icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')),
      tooltip: new vscode.MarkdownString(`${fullErrorText(error)}\n\n${vscode.l10n.t('Click to retry.')}`),
      contextValue: 'okxEarn.error',
      command: { command: 'okxEarn.retry', title: vscode.l10n.t('Retry'), arguments: [area] },
    },
    parent,
  );
}

/** Children of a history: its records so far, then "Load more" (or the error of the last page). */
export function historyNode<K extends HistoryKind>(
  id: string,
  label: string,
  portfolio: Portfolio,
  kind: K,
  /** The savings currency, or the loan order (`ordId`), the history is of. */
  scope: string | undefined,
  render: (record: HistoryRecords[K], index: number, parent: TreeNode) => TreeNode,
  parent?: TreeNode,
): TreeNode {
  return new GroupNode(
    id,
    {
      label,
      icon: 'history',
      contextValue: 'okxEarn.history',
      children: async (self) => {
        const list: HistoryList<HistoryRecords[K]> | undefined = portfolio.history(kind, scope);
        if (list === undefined) return [];
        if (!list.started) await list.loadMore();
        const nodes = list.items.map((record, index) => render(record, index, self));
        if (list.error !== undefined) {
          nodes.push(
            new LeafNode(`${id}:error`, {
              label: vscode.l10n.t('Could not load more'),
              description: errorText(list.error),
              icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')),
              tooltip: fullErrorText(list.error),
              command: { command: 'okxEarn.loadMore', title: vscode.l10n.t('Retry'), arguments: [kind, scope] },
            }, self),
          );
        } else if (!list.done) {
          nodes.push(
            new LeafNode(`${id}:more`, {
              label: vscode.l10n.t('Load more…'),
              icon: 'ellipsis',
              command: { command: 'okxEarn.loadMore', title: vscode.l10n.t('Load more'), arguments: [kind, scope] },
            }, self),
          );
        } else if (nodes.length === 0) {
          nodes.push(new LeafNode(`${id}:empty`, { label: vscode.l10n.t('No records'), icon: 'circle-slash' }, self));
        }
        return nodes;
      },
    },
    parent,
  );
}

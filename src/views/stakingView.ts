/** Staking: on-chain earn orders grouped by state, ETH staking (BETH) and SOL staking (OKSOL), with histories. */
import * as vscode from 'vscode';
import type { ActiveOrder, EthProductInfo, SolProductInfo, StakingHistoryRecord, StakingProductFields } from '../okx/types';
import type { Portfolio } from '../portfolio/portfolio';
import { PortfolioTree } from './portfolioTree';
import { VIEW_AREAS } from './viewAreas';
import { GroupNode, LeafNode, amount, fieldsTooltip, historyNode, percent, shortAmount, shortWithCcy, time, withCcy, type TreeNode } from './nodes';

export function orderStateLabel(state: string): string {
  switch (state) {
    case '8': return vscode.l10n.t('Pending');
    case '13': return vscode.l10n.t('Cancelling');
    case '9': return vscode.l10n.t('On chain');
    case '1': return vscode.l10n.t('Earning');
    case '2': return vscode.l10n.t('Redeeming');
    case '3': return vscode.l10n.t('Completed');
    default: return state;
  }
}

const STATE_ORDER = ['1', '2', '8', '9', '13'];
const STATE_KEYS: Record<string, string> = { '8': 'pending', '13': 'cancelling', '9': 'onchain', '1': 'earning', '2': 'redeeming' };

/** "1 day", "30 days". */
export function daysText(days: string): string {
  return days === '1' ? vscode.l10n.t('1 day') : vscode.l10n.t('{0} days', days);
}

export function termLabel(term: string): string {
  return term === '0' ? vscode.l10n.t('Flexible') : daysText(term);
}

function invested(order: { investData: { ccy: string; amt: string }[] }): string {
  return order.investData.map((i) => withCcy(i.amt, i.ccy)).join(' + ');
}

/** The invested amount for a row: without the currency when the label already names it, at display precision. */
function investedShort(order: { ccy: string; investData: { ccy: string; amt: string }[] }): string {
  return order.investData.map((i) => (i.ccy === order.ccy ? shortAmount(i.amt) : shortWithCcy(i.amt, i.ccy))).join(' + ');
}

/**
 * An order's row: its currency, then the APY, the amount and the protocol; outside a folder of its state (the
 * only order in that state), the state comes first.
 */
function orderNode(order: ActiveOrder, parent: TreeNode, inStateFolder: boolean): TreeNode {
  const earnings = order.earningData.map((e) => withCcy(e.earnings, e.ccy)).join(', ');
  // The currency is the label (short, so the figures fit); the protocol comes last.
  // The APY is the row's only percentage (its name is in the tooltip): "Redeeming · 17.67% · 50 · Polkadot".
  const parts = [percent(order.apy), investedShort(order), order.protocol];
  if (!inStateFolder) parts.unshift(orderStateLabel(order.state));
  return new LeafNode(
    `order:${order.ordId}`,
    {
      label: order.ccy,
      description: parts.join(' · '),
      icon: order.state === '1' ? 'pulse' : order.state === '2' ? 'arrow-circle-down' : 'loading~spin',
      contextValue: `okxEarn.onchainOrder.${STATE_KEYS[order.state] ?? 'other'}`,
      payload: { kind: 'order', order },
      tooltip: fieldsTooltip(`${order.ccy} · ${order.protocol}`, [
        [vscode.l10n.t('Order ID'), order.ordId],
        [vscode.l10n.t('Product ID'), order.productId],
        [vscode.l10n.t('State'), orderStateLabel(order.state)],
        [vscode.l10n.t('Term'), termLabel(order.term)],
        [vscode.l10n.t('Estimated APY'), percent(order.apy)],
        [vscode.l10n.t('Invested'), invested(order)],
        [vscode.l10n.t('Earnings'), earnings],
        [vscode.l10n.t('Fast redemption'), order.fastRedemptionData.map((f) => withCcy(f.redeemingAmt, f.ccy)).join(', ')],
        [vscode.l10n.t('Purchased'), time(order.purchasedTime)],
        [vscode.l10n.t('Estimated settlement'), time(order.estSettlementTime)],
        [vscode.l10n.t('Cancel redemption until'), time(order.cancelRedemptionDeadline)],
        [vscode.l10n.t('Tag'), order.tag],
      ]),
    },
    parent,
  );
}

/** A staking request's status in the user's language (OKX's own word for one this extension does not know). */
export function stakingStatusLabel(status: string): string {
  const labels: Record<string, string> = {
    pending: vscode.l10n.t('pending'), success: vscode.l10n.t('done'), failed: vscode.l10n.t('failed'), cancelled: vscode.l10n.t('cancelled'),
  };
  return labels[status] ?? status;
}

function stakingRecordNode(prefix: string, record: StakingHistoryRecord, index: number, parent: TreeNode): TreeNode {
  const type = record.type === 'purchase' ? vscode.l10n.t('Purchase') : vscode.l10n.t('Redemption');
  return new LeafNode(
    `${prefix}:${record.ordId ?? `${record.requestTime}:${index}`}`,
    {
      label: `${type} · ${shortAmount(record.amt)}`,
      description: `${stakingStatusLabel(record.status)} · ${time(record.requestTime)}`,
      icon: record.type === 'purchase' ? 'arrow-up' : 'arrow-down',
      tooltip: fieldsTooltip(type, [
        [vscode.l10n.t('Order ID'), record.ordId ?? ''],
        [vscode.l10n.t('Amount'), amount(record.amt)],
        [vscode.l10n.t('Redeeming'), amount(record.redeemingAmt)],
        [vscode.l10n.t('Status'), stakingStatusLabel(record.status)],
        [vscode.l10n.t('Requested'), time(record.requestTime)],
        [vscode.l10n.t('Completed'), time(record.completedTime)],
        [vscode.l10n.t('Estimated completion'), time(record.estCompletedTime)],
      ]),
      contextValue: record.type === 'redeem' && record.status === 'pending' ? `okxEarn.${prefix}Redemption.pending` : undefined,
      ...(prefix === 'eth' && record.type === 'redeem' && record.status === 'pending' ? { payload: { kind: 'ethRedemption' as const, record } } : {}),
    },
    parent,
  );
}

/** Staked amount, latest and total rewards: the same three rows for BETH and OKSOL. */
function rewardLeaves(prefix: string, balance: { amt: string; latestInterestAccrual: string; totalInterestAccrual: string } | undefined, token: string, parent: TreeNode): TreeNode[] {
  return [
    new LeafNode(`${prefix}:amt`, { label: vscode.l10n.t('Staked'), description: shortWithCcy(balance?.amt ?? '0', token), tooltip: withCcy(balance?.amt ?? '0', token), icon: 'symbol-number' }, parent),
    new LeafNode(`${prefix}:latest`, { label: vscode.l10n.t('Latest reward'), description: shortWithCcy(balance?.latestInterestAccrual ?? '0', token), tooltip: withCcy(balance?.latestInterestAccrual ?? '0', token), icon: 'gift' }, parent),
    new LeafNode(`${prefix}:total`, { label: vscode.l10n.t('Total rewards'), description: shortWithCcy(balance?.totalInterestAccrual ?? '0', token), tooltip: withCcy(balance?.totalInterestAccrual ?? '0', token), icon: 'graph' }, parent),
  ];
}

/** The product-info fields OKX added in 2026: the minimum stake and how long a standard redemption takes. */
function productRows(product: StakingProductFields | undefined, base: string): [string, string][] {
  return [
    [vscode.l10n.t('Minimum stake'), product?.minAmt === undefined || product.minAmt === '' ? '' : withCcy(product.minAmt, base)],
    [vscode.l10n.t('Standard redemption takes'), product?.redemptDays === undefined || product.redemptDays === '' ? '' : daysText(product.redemptDays)],
  ];
}

export class StakingView extends PortfolioTree {
  constructor(portfolio: Portfolio) {
    super(portfolio, VIEW_AREAS.staking);
  }

  protected async roots(): Promise<TreeNode[]> {
    if (!this.portfolio.hasCredentials) return [];
    const [onchain, eth, sol] = await Promise.all([
      this.area('onchain', ({ orders }) => [this.onchain(orders)]),
      this.area('eth', (data) => [this.eth(data.balance, data.product, data.pendingRedemptions)]),
      this.area('sol', (data) => [this.sol(data.balance, data.product)]),
    ]);
    return [...onchain, ...eth, ...sol];
  }

  private onchain(orders: ActiveOrder[]): TreeNode {
    return new GroupNode('onchain', {
      label: vscode.l10n.t('On-chain earn'),
      description: orders.length === 1 ? vscode.l10n.t('1 order') : vscode.l10n.t('{0} orders', orders.length),
      icon: 'link',
      expanded: true,
      children: (self) => [
        ...STATE_ORDER.filter((state) => orders.some((o) => o.state === state)).map((state) => {
          const inState = orders.filter((o) => o.state === state);
          const [only] = inState;
          // The only order in its state is that order, not a folder of one.
          if (inState.length === 1 && only !== undefined) return orderNode(only, self, false);
          return new GroupNode(`onchain:${state}`, {
            label: orderStateLabel(state),
            description: String(inState.length),
            icon: 'folder',
            expanded: state === '1',
            children: (group) => inState.map((o) => orderNode(o, group, true)),
          }, self);
        }),
        historyNode('onchain:history', vscode.l10n.t('Order history'), this.portfolio, 'onchain', undefined, (order, _i, parent) =>
          new LeafNode(`onchain:history:${order.ordId}`, {
            label: `${order.ccy} · ${order.protocol}`,
            description: `${investedShort(order)} · ${time(order.redeemedTime)}`,
            icon: 'check',
            tooltip: fieldsTooltip(`${order.ccy} · ${order.protocol}`, [
              [vscode.l10n.t('Order ID'), order.ordId],
              [vscode.l10n.t('Term'), termLabel(order.term)],
              [vscode.l10n.t('APY'), percent(order.apy)],
              [vscode.l10n.t('Invested'), invested(order)],
              [vscode.l10n.t('Realized earnings'), order.earningData.map((e) => withCcy(e.realizedEarnings, e.ccy)).join(', ')],
              [vscode.l10n.t('Purchased'), time(order.purchasedTime)],
              [vscode.l10n.t('Redeemed'), time(order.redeemedTime)],
            ]),
          }, parent),
        self),
      ],
    });
  }

  private eth(balance: { amt: string; latestInterestAccrual: string; totalInterestAccrual: string } | undefined, product: EthProductInfo | undefined, pending: StakingHistoryRecord[]): TreeNode {
    const amt = balance?.amt ?? '0';
    const fastLimit = product?.fastRedemptionDailyLimit;
    return new GroupNode('eth', {
      label: vscode.l10n.t('ETH staking'),
      description: shortWithCcy(amt, 'BETH'),
      icon: 'flame',
      contextValue: 'okxEarn.eth',
      payload: { kind: 'eth' },
      tooltip: fieldsTooltip(vscode.l10n.t('ETH staking (BETH)'), [
        [vscode.l10n.t('BETH, including redeeming'), withCcy(amt, 'BETH')],
        [vscode.l10n.t('Latest reward'), withCcy(balance?.latestInterestAccrual ?? '0', 'BETH')],
        [vscode.l10n.t('Total rewards'), withCcy(balance?.totalInterestAccrual ?? '0', 'BETH')],
        [vscode.l10n.t('Fast redemption daily limit'), fastLimit === undefined ? '' : withCcy(fastLimit, 'BETH')],
        ...productRows(product, 'ETH'),
      ]),
      children: (self) => [
        ...rewardLeaves('eth', balance, 'BETH', self),
        ...(fastLimit === undefined ? [] : [new LeafNode('eth:fast', { label: vscode.l10n.t('Fast redemption daily limit'), description: shortWithCcy(fastLimit, 'BETH'), tooltip: withCcy(fastLimit, 'BETH'), icon: 'zap' }, self)]),
        ...(pending.length === 0
          ? []
          : [new GroupNode('eth:pending', {
              label: vscode.l10n.t('Pending redemptions'),
              description: String(pending.length),
              icon: 'clock',
              expanded: true,
              children: (group) => pending.map((r, i) => stakingRecordNode('eth', r, i, group)),
            }, self)]),
        historyNode('eth:history', vscode.l10n.t('Purchase and redemption history'), this.portfolio, 'eth', undefined, (r, i, parent) => stakingRecordNode('ethHistory', r, i, parent), self),
      ],
    });
  }

  private sol(balance: { amt: string; latestInterestAccrual: string; totalInterestAccrual: string } | undefined, product: SolProductInfo): TreeNode {
    const amt = balance?.amt ?? '0';
    const { fastRedemptionAvail: fastAvail, fastRedemptionDailyLimit: fastLimit } = product;
    return new GroupNode('sol', {
      label: vscode.l10n.t('SOL staking'),
      description: shortWithCcy(amt, 'OKSOL'),
      icon: 'sparkle',
      contextValue: 'okxEarn.sol',
      payload: { kind: 'sol' },
      tooltip: fieldsTooltip(vscode.l10n.t('SOL staking (OKSOL)'), [
        [vscode.l10n.t('OKSOL'), withCcy(amt, 'OKSOL')],
        [vscode.l10n.t('Latest reward'), withCcy(balance?.latestInterestAccrual ?? '0', 'OKSOL')],
        [vscode.l10n.t('Total rewards'), withCcy(balance?.totalInterestAccrual ?? '0', 'OKSOL')],
        [vscode.l10n.t('Fast redemption available now'), withCcy(fastAvail, 'SOL')],
        [vscode.l10n.t('Fast redemption daily limit'), withCcy(fastLimit, 'SOL')],
        ...productRows(product, 'SOL'),
      ]),
      children: (self) => [
        ...rewardLeaves('sol', balance, 'OKSOL', self),
        new LeafNode('sol:fast', { label: vscode.l10n.t('Fast redemption available'), description: vscode.l10n.t('{0} of {1}', shortAmount(fastAvail), shortWithCcy(fastLimit, 'SOL')), tooltip: vscode.l10n.t('{0} of {1}', withCcy(fastAvail, 'SOL'), withCcy(fastLimit, 'SOL')), icon: 'zap' }, self),
        historyNode('sol:history', vscode.l10n.t('Purchase and redemption history'), this.portfolio, 'sol', undefined, (r, i, parent) => stakingRecordNode('solHistory', r, i, parent), self),
      ],
    });
  }
}

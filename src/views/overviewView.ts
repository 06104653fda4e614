/**
 * Overview: what the user holds in OKX Earn and what it earns, in USD at OKX's index prices: the total and its
 * share per product, earnings in the last 24 hours and in total, the holdings-weighted APY, the loans' net value,
 * what comes next, and a word when OKX's own valuation disagrees. Each item opens the view or panel behind it.
 * A row's figure is its label and its name the description, as in the Loans view: a narrow sidebar (260 px)
 * cuts the name, never the figure. A figure that cannot be had says why, never a blank.
 */
import * as vscode from 'vscode';
import { TOTALS_ONLY, computeOverview, type EarnProduct, type Overview, type OverviewInput, type Upcoming } from '../portfolio/overview';
import type { AreaId, Portfolio } from '../portfolio/portfolio';
import { PortfolioTree } from './portfolioTree';
import { VIEW_AREAS } from './viewAreas';
import { AREA_LABELS, GroupNode, LeafNode, errorNode, fieldsTooltip, percent, share, time, usd as usdOnly, withCcy, type TreeNode } from './nodes';
import { earningsByProduct } from '../portfolio/earningsByProduct';
import { earnedTotalNode, earnedYesterdayNode } from './earningsNodes';
import { idleNode, idleOf } from './idleRows';
import { portfolioMoney, type Money } from './unitText';

/** The areas the Overview is computed from (./viewAreas). */
export const OVERVIEW_AREAS: readonly AreaId[] = VIEW_AREAS.overview;

export function productName(product: EarnProduct): string {
  switch (product) {
    case 'onchain': return vscode.l10n.t('On-chain earn');
    case 'eth': return vscode.l10n.t('ETH staking');
    case 'sol': return vscode.l10n.t('SOL staking');
    case 'savings': return vscode.l10n.t('Simple Earn (savings)');
    case 'okusd': return vscode.l10n.t('OKUSD');
    case 'stable': return vscode.l10n.t('Stable Rewards');
    case 'dual': return vscode.l10n.t('Dual Investment');
    case 'autoEarn': return vscode.l10n.t('Auto-earn');
  }
}

/** The view a product's holdings are listed in. */
export function productView(product: EarnProduct): vscode.Command {
  switch (product) {
    case 'savings':
    case 'autoEarn': return { command: 'okxEarn.savings.focus', title: vscode.l10n.t('Show in Savings') };
    case 'okusd':
    case 'stable':
    case 'dual': return { command: 'okxEarn.moreEarn.focus', title: vscode.l10n.t('Show in More Earn') };
    default: return { command: 'okxEarn.staking.focus', title: vscode.l10n.t('Show in Staking') };
  }
}

const OPEN_PORTFOLIO: vscode.Command = { command: 'okxEarn.openPortfolio', title: vscode.l10n.t('Show Portfolio') };

/** "in 3 days", "in 5 hours", as the display language says it. */
export function relativeTime(at: number, now: number): string {
  const format = new Intl.RelativeTimeFormat(vscode.env.language, { numeric: 'auto' });
  const hours = Math.round((at - now) / 3_600_000);
  return Math.abs(hours) < 48 ? format.format(hours, 'hour') : format.format(Math.round(hours / 24), 'day');
}

export function upcomingText(event: Upcoming, write: (amt: string, ccy: string) => string = withCcy): string {
  const amount = write(event.amt, event.ccy);
  switch (event.kind) {
    case 'ethRedemption': return vscode.l10n.t('{0} redeemed to ETH', amount);
    case 'onchainRedemption': return vscode.l10n.t('{0} back from on-chain earn', amount);
    case 'termEnd': return vscode.l10n.t('{0} fixed term ends', amount);
    case 'okusdRedemption': return vscode.l10n.t('{0} from an OKUSD standard redemption', amount);
    case 'dualExpiry': return vscode.l10n.t('{0} Dual Investment settles', amount);
  }
}

/** A total as text: "9,100.25 USD" (in the user's unit), and what it leaves out when it is incomplete. */
function totalText(total: { usd: string; complete: boolean }, usd: (value: string) => string): string {
  return total.complete ? usd(total.usd) : vscode.l10n.t('{0} (incomplete)', usd(total.usd));
}

/**
 * The weighted APY as text, with why there is none: "4.27%", "4.27% (incomplete)", "none: nothing held",
 * "unknown (incomplete)".
 */
export function apyText(apy: Overview['apy']): string {
  if (apy.value !== undefined) return apy.complete ? percent(apy.value) : vscode.l10n.t('{0} (incomplete)', percent(apy.value));
  return apy.unknown === 'nothingHeld' ? vscode.l10n.t('none: nothing held') : vscode.l10n.t('unknown (incomplete)');
}

export function missingText(missing: readonly string[]): string {
  const areas = AREA_LABELS();
  return missing.map((m) => (m in areas ? areas[m as AreaId] : vscode.l10n.t('{0} (no USD price)', m))).join(', ');
}

export class OverviewView extends PortfolioTree {
  protected override readonly showsPending = false;
  constructor(portfolio: Portfolio) {
    super(portfolio, OVERVIEW_AREAS);
  }

  /** The Overview's figures from what the portfolio holds now (an area that failed counts as missing). */
  static compute(portfolio: Portfolio): { overview: Overview; failed: AreaId[]; input: OverviewInput } {
    const input: Record<string, unknown> = { now: Date.now() };
    const failed: AreaId[] = [];
    for (const area of OVERVIEW_AREAS) {
      const state = portfolio.get(area);
      if (state.status === 'error') failed.push(area);
      if (state.status === 'ready') input[area] = state.data;
    }
    return { overview: computeOverview(input as OverviewInput), failed, input: input as OverviewInput };
  }

  protected async roots(): Promise<TreeNode[]> {
    if (!this.portfolio.hasCredentials) return [];
    await Promise.all(OVERVIEW_AREAS.map((area) => this.portfolio.ensure(area)));
    const { overview: o, failed, input } = OverviewView.compute(this.portfolio);
    // Totals in the user's unit (okxEarn.valuationUnit); OKX's own valuation stays in USD, as OKX gives it.
    const money = portfolioMoney(this.portfolio);
    const usd = money.text;
    const byProduct = earningsByProduct(input, o.positions);
    const errors = failed.map((area) => {
      const state = this.portfolio.get(area);
      return state.status === 'error' ? errorNode(area, state.error) : undefined;
    }).filter((n): n is TreeNode => n !== undefined);
    const idle = idleNode(idleOf(this.portfolio, Date.now()), money);
    const nodes: TreeNode[] = [...errors, this.holdings(o, money), ...(idle === undefined ? [] : [idle])];
    if (o.valuation?.disagrees === true) {
      nodes.push(new LeafNode('overview:valuation', {
        label: vscode.l10n.t("OKX's valuation differs"),
        description: vscode.l10n.t('{0} by OKX, {1} off', usdOnly(o.valuation.okxUsd), percent(o.valuation.difference)),
        icon: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
        tooltip: new vscode.MarkdownString(vscode.l10n.t(
          "OKX values your Earn account (on-chain earn and savings) at {0}; at OKX's index prices the positions listed here add up to {1}, {2} apart. OKX may value some holdings (or prices) differently, or a position may be missing here.",
          usdOnly(o.valuation.okxUsd), usdOnly(o.valuation.oursUsd), percent(o.valuation.difference),
        )),
        command: OPEN_PORTFOLIO,
      }));
    }
    nodes.push(
      new LeafNode('overview:earned24h', {
        label: totalText(o.earned24h, usd),
        description: vscode.l10n.t('Earned in 24 hours'),
        icon: 'calendar',
        tooltip: fieldsTooltip(vscode.l10n.t('Earned in the last 24 hours'), [
          [vscode.l10n.t('Counted'), o.earned24h.covers.map(productName).join(', ')],
          [vscode.l10n.t('Not counted'), vscode.l10n.t('{0}: OKX gives their earnings as totals only (Dual Investment pays at expiry)', TOTALS_ONLY.map(productName).join(', '))],
          [vscode.l10n.t('Valued'), money.note],
          [vscode.l10n.t('Left out'), missingText(o.earned24h.missing)],
        ]),
        command: OPEN_PORTFOLIO,
      }),
      earnedYesterdayNode(byProduct, money, productName, missingText, OPEN_PORTFOLIO),
      earnedTotalNode(byProduct, {
        label: totalText(o.earnedTotal, usd),
        description: vscode.l10n.t('Earned in total'),
        icon: 'graph',
        tooltip: fieldsTooltip(vscode.l10n.t('Earned so far'), [
          [vscode.l10n.t('From'), vscode.l10n.t("each position's earnings as OKX states them, valued at today's prices")],
          [vscode.l10n.t('Valued'), money.note],
          [vscode.l10n.t('Left out'), missingText(o.earnedTotal.missing)],
        ]),
        command: OPEN_PORTFOLIO,
      }, money, productName),
      new LeafNode('overview:apy', {
        label: apyText(o.apy),
        description: vscode.l10n.t('Weighted APY'),
        icon: 'flame',
        tooltip: fieldsTooltip(vscode.l10n.t('Weighted APY'), [
          [vscode.l10n.t('How'), vscode.l10n.t('Each position\'s APY weighted by its USD value: on-chain earn at the order\'s APY, ETH and SOL staking at today\'s APY, savings at the last hour\'s lending rate on what is lent, OKUSD at its latest APR, Stable Rewards at the latest day\'s APY (nothing while not earning), Dual Investment at the order\'s APY.')],
          [vscode.l10n.t('Left out'), o.apy.complete ? '' : o.holdings.missing.length > 0 ? missingText(o.holdings.missing) : vscode.l10n.t('positions whose APY OKX did not give')],
        ]),
        command: OPEN_PORTFOLIO,
      }),
    );
    if (o.loans !== undefined && o.loans.orders > 0) {
      nodes.push(new LeafNode('overview:loans', {
        label: usd(o.loans.netUsd),
        description: vscode.l10n.t('Loans net'),
        icon: 'law',
        tooltip: fieldsTooltip(vscode.l10n.t('Flexible loans'), [
          [vscode.l10n.t('Collateral'), usd(o.loans.collateralUsd)],
          [vscode.l10n.t('Borrowed'), usd(o.loans.debtUsd)],
          [vscode.l10n.t('Net'), usd(o.loans.netUsd)],
          [vscode.l10n.t('Loan orders'), String(o.loans.orders)],
        ]),
        command: { command: 'okxEarn.loans.focus', title: vscode.l10n.t('Show Loans') },
      }));
    }
    nodes.push(this.upcoming(o));
    return nodes;
  }

  private holdings(o: Overview, money: Money): TreeNode {
    const usd = money.text;
    return new GroupNode('overview:holdings', {
      label: totalText(o.holdings, usd),
      description: vscode.l10n.t('Holdings'),
      icon: 'briefcase',
      expanded: true,
      contextValue: 'okxEarn.overviewHoldings',
      tooltip: fieldsTooltip(vscode.l10n.t('Holdings by currency'), [
        ...o.byCurrency.map((c): [string, string] => [c.key, `${withCcy(c.amt ?? '', c.key)} · ${usd(c.usd)} · ${share(c.share)}`]),
        [vscode.l10n.t('Valued'), money.note],
        ...(o.holdings.complete ? [] : [[vscode.l10n.t('Left out'), missingText(o.holdings.missing)] as [string, string]]),
        ...(o.valuation === undefined || o.valuation.disagrees ? [] : [[vscode.l10n.t("OKX's valuation"), vscode.l10n.t('agrees ({0} off)', percent(o.valuation.difference))] as [string, string]]),
      ]),
      children: (self) => [
        ...o.byProduct.map((p) => new LeafNode(`overview:holdings:${p.key}`, {
          label: `${usd(p.usd)} · ${share(p.share)}`,
          description: productName(p.key as EarnProduct),
          icon: 'circle-small',
          command: productView(p.key as EarnProduct),
        }, self)),
        ...(o.holdings.missing.length === 0
          ? []
          : [new LeafNode('overview:holdings:missing', {
              label: vscode.l10n.t('Not counted'),
              description: missingText(o.holdings.missing),
              icon: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
            }, self)]),
        new LeafNode('overview:holdings:panel', { label: vscode.l10n.t('Show Portfolio…'), icon: 'pie-chart', command: OPEN_PORTFOLIO }, self),
      ],
    });
  }

  private upcoming(o: Overview): TreeNode {
    const now = Date.now();
    if (o.upcoming.length === 0) {
      // Not a folder with nothing in it: the row itself says there is nothing, and what was looked for.
      return new LeafNode('overview:upcoming', {
        label: vscode.l10n.t('What comes next'),
        description: vscode.l10n.t('nothing scheduled'),
        icon: 'calendar',
        tooltip: vscode.l10n.t('No redemption on its way, no fixed term ending and no Dual Investment order settling, at any date.'),
      });
    }
    return new GroupNode('overview:upcoming', {
      label: vscode.l10n.t('What comes next'),
      description: String(o.upcoming.length),
      icon: 'calendar',
      expanded: true,
      children: (self) =>
        o.upcoming.map((event, i) => new LeafNode(`overview:upcoming:${event.kind}:${event.ref}:${i}`, {
          label: relativeTime(event.at, now),
          description: upcomingText(event),
          icon: event.kind === 'termEnd' || event.kind === 'dualExpiry' ? 'watch' : 'arrow-circle-down',
          tooltip: fieldsTooltip(upcomingText(event), [[vscode.l10n.t('Expected'), time(String(event.at))], [vscode.l10n.t('Order ID'), event.ref]]),
          command: productView(event.product),
        }, self)),
    });
  }
}

/**
 * The Overview's earnings per product: "Earned yesterday" (the last complete UTC day, as OKX's Earn page shows
 * it) beside the rolling 24 hours, and "Earned in total" broken down by product. Each row leads with its figure
 * in the user's unit; a product OKX gives no figure for a day says so in its row, never a zero.
 */
import * as vscode from 'vscode';
import type { DayEarning, EarningsByProduct, TotalEarning } from '../portfolio/earningsByProduct';
import type { Amount, EarnProduct } from '../portfolio/overview';
import { GroupNode, LeafNode, fieldsTooltip, withCcy, type TreeNode } from './nodes';
import type { Money } from './unitText';

type Row = readonly [string, string];

/** "Dec 5, 2026, 00:00–24:00 UTC": the day yesterday's figures are for. */
export function dayText(from: number): string {
  const date = new Intl.DateTimeFormat(vscode.env.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(from));
  return vscode.l10n.t('{0}, 00:00–24:00 UTC', date);
}

const amountsText = (amounts: readonly Amount[]): string => (amounts.length === 0 ? '0' : amounts.map((a) => withCcy(a.amt, a.ccy)).join(' + '));

function figure(money: Money, usd: string, missing: readonly string[]): string {
  return missing.length === 0 ? money.text(usd) : vscode.l10n.t('{0} (incomplete)', money.text(usd));
}

const leftOut = (missing: readonly string[]): Row => [vscode.l10n.t('Left out'), missing.map((m) => vscode.l10n.t('{0} (no USD price)', m)).join(', ')];

/** One product's row under "Earned yesterday". */
function dayRow(row: DayEarning, day: EarningsByProduct['day'], money: Money, name: (p: EarnProduct) => string, parent: TreeNode): TreeNode {
  const id = `overview:earnedYesterday:${row.product}`;
  const product = name(row.product);
  if (row.kind === 'noDailyFigure') {
    return new LeafNode(id, {
      label: vscode.l10n.t('no daily figure'),
      description: product,
      icon: 'circle-slash',
      tooltip: row.product === 'dual'
        ? vscode.l10n.t('Dual Investment pays its yield at expiry, with the principal: there is nothing to count for a day before.')
        : row.product === 'autoEarn'
          ? vscode.l10n.t('OKX gives no earnings figure for auto-earn: what it earns is added to the matched amount.')
          : vscode.l10n.t('OKX gives the earnings of {0} as totals only, with no figure for a day: see "Earned in total".', product),
    }, parent);
  }
  if (row.kind === 'unknown') {
    return new LeafNode(id, {
      label: vscode.l10n.t('not read'),
      description: product,
      icon: 'question',
      tooltip: row.reason === 'partial'
        ? vscode.l10n.t('The history read does not reach back to the start of {0}: refresh to read it.', dayText(day.from))
        : vscode.l10n.t('This product could not be read: see the rows above.'),
    }, parent);
  }
  const rows: Row[] = [
    [vscode.l10n.t('Earned'), amountsText(row.amounts)],
    row.basis === 'latestReward'
      ? [vscode.l10n.t('From'), vscode.l10n.t("OKX's latest daily reward (OKX gives no date for it)")]
      : [vscode.l10n.t('From'), row.product === 'okusd' ? vscode.l10n.t('the daily reward distributed on {0}', dayText(day.from)) : vscode.l10n.t('the hourly lending earnings credited on {0}', dayText(day.from))],
    [vscode.l10n.t('Valued'), money.note],
    ...(row.missing.length === 0 ? [] : [leftOut(row.missing)]),
  ];
  return new LeafNode(id, {
    label: figure(money, row.usd, row.missing),
    description: row.basis === 'latestReward' ? vscode.l10n.t('{0} · latest daily reward', product) : product,
    icon: 'circle-small',
    tooltip: fieldsTooltip(vscode.l10n.t('{0}: earned yesterday', product), rows),
  }, parent);
}

/** "Earned yesterday": the day's total and one row per product. */
export function earnedYesterdayNode(e: EarningsByProduct, money: Money, name: (p: EarnProduct) => string, missingText: (missing: readonly string[]) => string, command: vscode.Command): TreeNode {
  const y = e.yesterday;
  return new GroupNode('overview:earnedYesterday', {
    label: y.complete ? money.text(y.usd) : vscode.l10n.t('{0} (incomplete)', money.text(y.usd)),
    description: vscode.l10n.t('Earned yesterday'),
    icon: 'history',
    tooltip: fieldsTooltip(vscode.l10n.t('Earned yesterday'), [
      [vscode.l10n.t('Day'), dayText(e.day.from)],
      [vscode.l10n.t('Counted'), y.rows.filter((r) => r.kind === 'figure').map((r) => name(r.product)).join(', ')],
      [vscode.l10n.t('No daily figure'), y.rows.filter((r) => r.kind === 'noDailyFigure').map((r) => name(r.product)).join(', ')],
      [vscode.l10n.t('Valued'), money.note],
      [vscode.l10n.t('Left out'), missingText(y.missing)],
    ]),
    command,
    children: (self) => y.rows.map((row) => dayRow(row, e.day, money, name, self)),
  });
}

/** One product's row under "Earned in total". */
function totalRow(row: TotalEarning, money: Money, name: (p: EarnProduct) => string, parent: TreeNode): TreeNode {
  const product = name(row.product);
  if (row.paidAtExpiry) {
    return new LeafNode(`overview:earnedTotal:${row.product}`, {
      label: vscode.l10n.t('paid at expiry'),
      description: product,
      icon: 'watch',
      tooltip: vscode.l10n.t('Dual Investment pays its yield at expiry, with the principal: an open order has earned nothing yet.'),
    }, parent);
  }
  return new LeafNode(`overview:earnedTotal:${row.product}`, {
    label: figure(money, row.usd, row.missing),
    description: product,
    icon: 'circle-small',
    tooltip: fieldsTooltip(vscode.l10n.t('{0}: earned in total', product), [
      [vscode.l10n.t('Earned'), amountsText(row.amounts)],
      [vscode.l10n.t('Valued'), money.note],
      ...(row.missing.length === 0 ? [] : [leftOut(row.missing)]),
    ]),
  }, parent);
}

/** "Earned in total": the total (its label and tooltip as before) and one row per product held. */
export function earnedTotalNode(e: EarningsByProduct, item: { label: string; description: string; icon: string; tooltip: vscode.MarkdownString; command: vscode.Command }, money: Money, name: (p: EarnProduct) => string): TreeNode {
  return new GroupNode('overview:earnedTotal', { ...item, children: (self) => e.total.map((row) => totalRow(row, money, name, self)) });
}

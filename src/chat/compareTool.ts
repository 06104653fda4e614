/**
 * The "compare" chat tool: every product that takes a currency, the highest rate first, with which rate each is,
 * term and lock-up, how the money comes back, the minimum and what can be lost: the Compare panel's rows as
 * text. Read-only.
 */
import * as vscode from 'vscode';
import type { DualProduct } from '../okx/types';
import { COMPARE_AREAS, dualPairKey, dualPairsFor, rankOptions } from '../portfolio/compare';
import type { Portfolio } from '../portfolio/portfolio';
import { compareInputOf, compareRow, compareText, honestText } from '../panels/compareState';
import type { ToolDefinition } from './toolDefinition';
import { PATTERNS } from './toolInput';

/** The ranking for `ccy`, as text: the areas read now, the Dual Investment products of its pairs read too. */
export async function compareAnswer(portfolio: Portfolio, ccy: string, where: string): Promise<string> {
  await portfolio.refresh(COMPARE_AREAS);
  for (const area of COMPARE_AREAS) {
    const state = portfolio.get(area);
    if (state.status === 'error') throw state.error;
  }
  const now = Date.now();
  const dual = new Map<string, readonly DualProduct[]>();
  const missing: string[] = [];
  for (const pair of dualPairsFor(ccy, compareInputOf(portfolio, now))) {
    const products = await portfolio.dualProducts(pair);
    if (products instanceof Error) missing.push(`${pair.baseCcy}/${pair.quoteCcy}`);
    else dual.set(dualPairKey(pair), products);
  }
  const input = compareInputOf(portfolio, now, dual);
  const market = portfolio.get('market');
  const rows = rankOptions(ccy, input).map((o) => compareRow(o, now));
  return [
    vscode.l10n.t('Compared on {0}.', where),
    compareText(ccy, rows, honestText('updatedAt' in market ? market.updatedAt : undefined)),
    ...(missing.length === 0 ? [] : [vscode.l10n.t('The Dual Investment products of {0} could not be read: their yield is not known here.', missing.join(', '))]),
  ].join('\n\n');
}

export function compareTool(portfolio: () => Portfolio, where: () => string): ToolDefinition {
  return {
    name: 'okxEarn_compare',
    kind: 'read',
    input: { ccy: { type: 'string', required: true, pattern: PATTERNS.ccy } },
    run: (input) => compareAnswer(portfolio(), String(input.ccy), where()),
  };
}

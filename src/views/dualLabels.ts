/** Dual Investment in words: a product's name, its direction, an order's state, and both outcomes in amounts. */
import * as vscode from 'vscode';
import { dualOutcomes, optTypeOfProductId, type DualTerms } from '../portfolio/dualPayoff';
import { amount, withCcy } from './nodes';

/** "Sell high" for a call (the base currency invested), "Buy low" for a put. */
export function dualDirectionLabel(of: { readonly optType?: string; readonly productId?: string }): string {
  const opt = of.optType ?? (of.productId === undefined ? undefined : optTypeOfProductId(of.productId));
  return opt === 'C' ? vscode.l10n.t('Sell high') : opt === 'P' ? vscode.l10n.t('Buy low') : '';
}

/** "BTC · Sell high 95,500": short enough for a row; the quote currency and the pair are in the tooltip. */
export function dualProductLabel(o: { readonly baseCcy: string; readonly strike: string; readonly productId: string; readonly optType?: string }): string {
  return vscode.l10n.t('{0} · {1} {2}', o.baseCcy, dualDirectionLabel(o), amount(o.strike));
}

/** Both outcomes as rows: "≥ 95,500 USDT" → "4,787.55 USDT", with the whole sentence for the tooltip. */
export function dualOutcomeRows(terms: DualTerms): { readonly label: string; readonly description: string; readonly sentence: string }[] {
  const o = dualOutcomes(terms);
  const sentences = dualOutcomeLines(terms);
  if (o === undefined || sentences.length !== 2) return [];
  const strike = withCcy(terms.strike, terms.quoteCcy);
  const above = { label: `${o.direction === 'sellHigh' ? '≥' : '>'} ${strike}`, description: `→ ${withCcy(o.above.amt, o.above.ccy)}` };
  const below = { label: `${o.direction === 'sellHigh' ? '<' : '≤'} ${strike}`, description: `→ ${withCcy(o.below.amt, o.below.ccy)}` };
  return o.direction === 'sellHigh'
    ? [{ ...above, sentence: sentences[0] ?? '' }, { ...below, sentence: sentences[1] ?? '' }]
    : [{ ...below, sentence: sentences[0] ?? '' }, { ...above, sentence: sentences[1] ?? '' }];
}

export function dualOrderStateLabel(state: string): string {
  const labels: Record<string, string> = {
    initial: vscode.l10n.t('placed'),
    pending_book: vscode.l10n.t('booking'),
    live: vscode.l10n.t('earning'),
    pending_settle: vscode.l10n.t('settling'),
    settled: vscode.l10n.t('settled'),
    pending_redeem_booking: vscode.l10n.t('redemption booking'),
    pending_redeem: vscode.l10n.t('redeeming'),
    redeeming: vscode.l10n.t('redeeming'),
    redeemed: vscode.l10n.t('redeemed early'),
    rejected: vscode.l10n.t('rejected'),
  };
  return labels[state] ?? state;
}

/**
 * Both outcomes as sentences: "If BTC settles at or above 95,500 USDT: you receive 4,787.55 USDT." and
 * "Otherwise: you receive 0.05013 BTC." Empty when the figures cannot be read.
 */
export function dualOutcomeLines(terms: DualTerms): string[] {
  const o = dualOutcomes(terms);
  if (o === undefined) return [];
  const strike = withCcy(terms.strike, terms.quoteCcy);
  if (o.direction === 'sellHigh') {
    return [
      vscode.l10n.t('If {0} settles at or above {1}: you receive {2}.', terms.baseCcy, strike, withCcy(o.above.amt, o.above.ccy)),
      vscode.l10n.t('If it settles below {0}: you receive {1}.', strike, withCcy(o.below.amt, o.below.ccy)),
    ];
  }
  return [
    vscode.l10n.t('If {0} settles at or below {1}: you receive {2}.', terms.baseCcy, strike, withCcy(o.below.amt, o.below.ccy)),
    vscode.l10n.t('If it settles above {0}: you receive {1}.', strike, withCcy(o.above.amt, o.above.ccy)),
  ];
}

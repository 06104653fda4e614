/**
 * The column headings of a readable export (src/portfolio/exportColumns.ts), in the display language: one per
 * OKX field of the exported histories. Times are UTC and say so; rates are percentages (the heading says which
 * rate). A field this does not know (OKX added one) keeps its OKX name.
 */
import * as vscode from 'vscode';
import type { ExportKind } from '../portfolio/historyExport';

function numbered(name: string, index: number): string | undefined {
  switch (name) {
    case 'investCcy': return vscode.l10n.t('Invested currency {0}', index);
    case 'investAmt': return vscode.l10n.t('Invested amount {0}', index);
    case 'earningCcy': return vscode.l10n.t('Earnings currency {0}', index);
    case 'earningType': return vscode.l10n.t('Earnings type {0}', index);
    case 'realizedEarnings': return vscode.l10n.t('Earnings realized {0}', index);
    default: return undefined;
  }
}

/** The heading of the column of OKX's field `name` in an export of `kind`. */
export function columnLabel(name: string, kind: ExportKind, index: number | undefined): string {
  if (index !== undefined) return numbered(name, index) ?? `${name}${index}`;
  switch (name) {
    case 'ordId': return vscode.l10n.t('Order ID');
    case 'clOrdId': return vscode.l10n.t('Client order ID');
    case 'quoteId': return vscode.l10n.t('Quote ID');
    case 'refId': return vscode.l10n.t('Record ID');
    case 'productId': return vscode.l10n.t('Product ID');
    case 'ccy': return vscode.l10n.t('Currency');
    case 'protocol': return vscode.l10n.t('Protocol');
    case 'protocolType': return vscode.l10n.t('Protocol type');
    case 'term': return vscode.l10n.t('Term (days, 0 for flexible)');
    case 'state': return vscode.l10n.t('State');
    case 'status': return vscode.l10n.t('Status');
    case 'type': return vscode.l10n.t('Type');
    case 'tag': return vscode.l10n.t('Order tag');
    case 'amt':
      return kind === 'savings' ? vscode.l10n.t('Amount lent') : kind === 'okusdRewards' ? vscode.l10n.t('Amount held') : vscode.l10n.t('Amount');
    case 'redeemingAmt': return vscode.l10n.t('Amount being redeemed');
    case 'earnings': return vscode.l10n.t('Earnings');
    case 'earnAmt': return vscode.l10n.t('Reward');
    case 'loan': return vscode.l10n.t('Amount borrowed');
    case 'interest': return vscode.l10n.t('Interest');
    case 'fee': return vscode.l10n.t('Fee');
    case 'settleCcy': return vscode.l10n.t('Settlement currency');
    case 'settleCcyAmt':
    case 'settleSz': return vscode.l10n.t('Settlement amount');
    case 'settlePx': return vscode.l10n.t('Settlement price');
    case 'baseCcy': return vscode.l10n.t('Base currency');
    case 'quoteCcy': return vscode.l10n.t('Quote currency');
    case 'uly': return vscode.l10n.t('Index');
    case 'strike': return vscode.l10n.t('Strike price');
    case 'notionalSz': return vscode.l10n.t('Amount invested');
    case 'notionalCcy': return vscode.l10n.t('Currency invested');
    case 'yieldSz': return vscode.l10n.t('Yield');
    case 'yieldCcy': return vscode.l10n.t('Yield currency');
    // Rates: the values are percentages ("1.23%").
    case 'apy':
    case 'annualizedYield': return vscode.l10n.t('APY');
    case 'apr': return vscode.l10n.t('APR');
    case 'rate': return vscode.l10n.t('Lending rate (a year)');
    case 'interestRate': return vscode.l10n.t('Interest rate (a year)');
    case 'absYield': return vscode.l10n.t('Yield for the term');
    // Times, in UTC.
    case 'ts': return vscode.l10n.t('Time (UTC)');
    case 'purchasedTime': return vscode.l10n.t('Purchased (UTC)');
    case 'redeemedTime': return vscode.l10n.t('Redeemed (UTC)');
    case 'requestTime': return vscode.l10n.t('Requested (UTC)');
    case 'completedTime': return vscode.l10n.t('Completed (UTC)');
    case 'estCompletedTime': return vscode.l10n.t('Expected completion (UTC)');
    case 'estSettlementTime': return vscode.l10n.t('Expected settlement (UTC)');
    case 'settleTime': return vscode.l10n.t('Settled (UTC)');
    case 'expTime': return vscode.l10n.t('Expires (UTC)');
    case 'redeemStartTime': return vscode.l10n.t('Early redemption from (UTC)');
    case 'redeemEndTime': return vscode.l10n.t('Early redemption until (UTC)');
    case 'cTime': return vscode.l10n.t('Created (UTC)');
    case 'uTime': return vscode.l10n.t('Updated (UTC)');
    default: return name;
  }
}

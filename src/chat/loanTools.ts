/**
 * The chat's flexible loan tools: `okxEarn_loanRisk` reads each order's LTV and how near it is to a margin call or
 * liquidation, with a what-if for a price change; adding or taking back collateral, borrowing and repaying run the
 * very flows the commands run (../commands/loan), up to OKX Earn's own confirmation.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import * as loan from '../commands/loan';
import type * as T from '../okx/types';
import { usdPrices } from '../portfolio/prices';
import { byRisk, loanKey, ltvLevel } from '../portfolio/risk';
import { readSettings } from '../settings';
import { PATTERNS, amountField, need, str } from './toolInput';
import * as text from './toolText';
import type { ToolDefinition, ToolHelpers } from './toolDefinition';

export function loanTools(helpers: ToolHelpers): ToolDefinition[] {
  const l10n = vscode.l10n;
  return [
    {
      name: 'okxEarn_loanRisk',
      kind: 'read',
      input: { ordId: { type: 'string', pattern: PATTERNS.id }, ccy: { type: 'string', pattern: PATTERNS.ccy }, priceChangePercent: { type: 'string', pattern: PATTERNS.change } },
      run: async (input) => {
        const { loans } = (await helpers.areas('loans')).loans ?? { loans: [] };
        const ordId = str(input, 'ordId');
        const chosen = ordId === undefined ? loans : loans.filter((l) => l.ordId === ordId);
        if (ordId !== undefined && chosen.length === 0) return l10n.t('No loan order {0} ({1}).', ordId, helpers.where());
        const ccy = str(input, 'ccy');
        const change = str(input, 'priceChangePercent')?.replace('%', '');
        const warn = readSettings().ltvWarningDistance;
        const prices = ccy === undefined || change === undefined ? undefined : await usdPrices(helpers.client());
        const risks = byRisk(chosen, warn).map(({ loan: l, level }): text.LoanRisk => {
          if (ccy === undefined || change === undefined || prices === undefined) return { loan: l, level };
          return { loan: l, level, whatIf: whatIf(l, ccy, change, prices, warn) };
        });
        return text.loanRiskText(l10n, helpers.where(), risks);
      },
    },
    {
      name: 'okxEarn_adjustCollateral',
      kind: 'action',
      input: { ordId: { type: 'string', required: true, pattern: PATTERNS.id }, action: { type: 'string', required: true, enum: ['add', 'reduce'] }, ccy: { type: 'string', required: true, pattern: PATTERNS.ccy }, amount: amountField },
      describe: (i) => (need(i, 'action') === 'add' ? l10n.t('add {0} {1} as collateral to loan order {2}', need(i, 'amount'), need(i, 'ccy'), need(i, 'ordId')) : l10n.t('take {0} {1} of collateral back from loan order {2}', need(i, 'amount'), need(i, 'ccy'), need(i, 'ordId'))),
      run: async (i) => {
        const order = await loanOrder(helpers, need(i, 'ordId'));
        if (order === undefined) return helpers.notFound(l10n.t('there is no loan order {0}.', need(i, 'ordId')));
        const add = need(i, 'action') === 'add';
        const what = add ? l10n.t('adding {0} {1} of collateral to order {2}', need(i, 'amount'), need(i, 'ccy'), order.ordId) : l10n.t('taking back {0} {1} of collateral from order {2}', need(i, 'amount'), need(i, 'ccy'), order.ordId);
        const arg = { payload: { kind: 'collateral', ccy: need(i, 'ccy'), loan: order } };
        return helpers.flowFor(what, (c) => (add ? loan.addCollateral(c, arg) : loan.reduceCollateral(c, arg)), { amount: need(i, 'amount'), collateralCcy: need(i, 'ccy') });
      },
    },
    {
      name: 'okxEarn_borrow',
      kind: 'action',
      input: {
        ordId: { type: 'string', pattern: PATTERNS.id },
        ccy: { type: 'string', required: true, pattern: PATTERNS.ccy },
        amount: amountField,
        collateralCcy: { type: 'string', pattern: PATTERNS.ccy },
        collateralAmount: { type: 'string', pattern: PATTERNS.amount },
        eMode: { type: 'boolean' },
      },
      describe: (i) => (str(i, 'ordId') === undefined ? l10n.t('borrow {0} {1} in a new loan order against {2} {3}', need(i, 'amount'), need(i, 'ccy'), str(i, 'collateralAmount') ?? '?', str(i, 'collateralCcy') ?? '?') : l10n.t('borrow {0} {1} more on loan order {2}', need(i, 'amount'), need(i, 'ccy'), need(i, 'ordId'))),
      run: async (i) => {
        const ordId = str(i, 'ordId');
        const order = ordId === undefined ? undefined : await loanOrder(helpers, ordId);
        if (ordId !== undefined && order === undefined) return helpers.notFound(l10n.t('there is no loan order {0}.', ordId));
        if (order === undefined && (str(i, 'collateralCcy') === undefined || str(i, 'collateralAmount') === undefined)) {
          return helpers.notFound(l10n.t('a new loan order needs "collateralCcy" and "collateralAmount".'));
        }
        const what = order === undefined ? l10n.t('borrowing {0} {1} in a new loan order', need(i, 'amount'), need(i, 'ccy')) : l10n.t('borrowing {0} {1} on order {2}', need(i, 'amount'), need(i, 'ccy'), order.ordId);
        return helpers.flowFor(what, (c) => loan.borrow(c, order === undefined ? undefined : { payload: { kind: 'loan', loan: order } }), {
          ordId: 'new',
          ccy: need(i, 'ccy'),
          amount: need(i, 'amount'),
          eMode: String(i.eMode === true),
          collateralCcy: str(i, 'collateralCcy') ?? '',
          collateralAmount: str(i, 'collateralAmount') ?? '',
          moreCollateral: 'no',
        });
      },
    },
    {
      name: 'okxEarn_repay',
      kind: 'action',
      input: { ordId: { type: 'string', required: true, pattern: PATTERNS.id }, ccy: { type: 'string', pattern: PATTERNS.ccy }, amount: amountField },
      describe: (i) => l10n.t('repay {0} {1} on loan order {2}', need(i, 'amount'), str(i, 'ccy') ?? '', need(i, 'ordId')),
      run: async (i) => {
        const order = await loanOrder(helpers, need(i, 'ordId'));
        if (order === undefined) return helpers.notFound(l10n.t('there is no loan order {0}.', need(i, 'ordId')));
        return helpers.flowFor(l10n.t('repaying {0} on order {1}', need(i, 'amount'), order.ordId), (c) => loan.repay(c, { payload: { kind: 'loan', loan: order } }), {
          amount: need(i, 'amount'),
          ...(str(i, 'ccy') === undefined ? {} : { ccy: need(i, 'ccy') }),
        });
      },
    },
  ];
}

/** The loan order `ordId` names (OKX's order id, or the key the views give an order). */
async function loanOrder(helpers: ToolHelpers, ordId: string): Promise<T.LoanInfo | undefined> {
  return (await helpers.areas('loans')).loans?.loans.find((l) => loanKey(l) === ordId || l.ordId === ordId);
}

/** The order's LTV if `ccy`'s price changed by `change` percent (a collateral, or what it borrows). */
function whatIf(l: T.LoanInfo, ccy: string, change: string, prices: ReadonlyMap<string, string>, warn: string): NonNullable<text.LoanRisk['whatIf']> {
  const price = prices.get(ccy);
  const factor = D.div(change, '100', 12);
  const held = l.collateralData.find((c) => c.ccy === ccy);
  const owed = l.loanData.find((d) => d.ccy === ccy);
  if (price === undefined) return { ccy, change, ltv: undefined, level: undefined, reason: vscode.l10n.t('OKX gives no USD price for {0}', ccy) };
  if (held === undefined && owed === undefined) return { ccy, change, ltv: undefined, level: undefined, reason: vscode.l10n.t('the order neither holds nor borrows {0}', ccy) };
  const collateralUsd = held === undefined ? l.collateralNotionalUsd : D.add(l.collateralNotionalUsd, D.mul(D.mul(held.amt, price), factor));
  const loanUsd = owed === undefined ? l.loanNotionalUsd : D.add(l.loanNotionalUsd, D.mul(D.mul(owed.amt, price), factor));
  if (!D.isPositive(collateralUsd)) return { ccy, change, ltv: undefined, level: 'liquidation', reason: vscode.l10n.t('no collateral value would be left') };
  const ltv = D.div(D.max('0', loanUsd), collateralUsd, 4);
  return { ccy, change, ltv, level: ltvLevel({ ...l, curLTV: ltv }, warn) };
}

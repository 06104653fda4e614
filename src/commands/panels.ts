/** Opening the panels: from a tree item, the status bar, or the palette (with a quick pick). */
import * as vscode from 'vscode';
import type { PanelOpener } from '../panels/lazyPanels';
import type { ProductTarget } from '../panels/productState';
import * as D from '../decimal';
import { dualOrderOpen, type AreaId, type Portfolio } from '../portfolio/portfolio';
import { byRisk, loanKey } from '../portfolio/risk';
import { readSettings } from '../settings';
import type { Payload, TreeNode } from '../views/nodes';
import { percent, shortWithCcy, time } from '../views/nodes';
import { dualOrderStateLabel, dualProductName } from '../views/dualLabels';
import { loanName } from '../views/loanLabels';
import { ltvSummary } from '../views/loansView';
import { registerCompareCommand } from './compare';

function targetOf(payload: Payload | undefined): ProductTarget | undefined {
  switch (payload?.kind) {
    case 'offer': return { kind: 'onchain', productId: payload.offer.productId };
    case 'order': return { kind: 'onchain', productId: payload.order.productId };
    case 'eth': return { kind: 'eth' };
    case 'sol': return { kind: 'sol' };
    case 'savings': return { kind: 'savings', ccy: payload.ccy };
    case 'okusd': return { kind: 'okusd' };
    case 'stable': return { kind: 'stable', ccy: payload.ccy };
    case 'dualOrder': return { kind: 'dual', order: payload.order };
    case 'dualProduct': return { kind: 'dual', product: payload.product };
    default: return undefined;
  }
}

/** OKUSD, each Stable Rewards coin held, each open Dual Investment order: the palette's entries for the More Earn products. */
function moreEarnItems(portfolio: Portfolio): (vscode.QuickPickItem & { target: ProductTarget })[] {
  if (!portfolio.hasCredentials) return [];
  const okusd = portfolio.get('okusd');
  const stable = portfolio.get('stable');
  const dual = portfolio.get('dual');
  const okusdData = 'data' in okusd ? okusd.data : undefined;
  const stableData = 'data' in stable ? stable.data : undefined;
  const held = (stableData?.holdings ?? []).filter((h) => D.isPlainDecimal(h.amt) && D.isPositive(h.amt));
  const open = ('data' in dual ? (dual.data?.orders ?? []) : []).filter(dualOrderOpen);
  return [
    {
      label: vscode.l10n.t('OKUSD'),
      description: [
        ...(okusdData?.account === undefined ? [] : [shortWithCcy(okusdData.account.amt, 'OKUSD')]),
        ...(okusdData?.apr === undefined ? [] : [vscode.l10n.t('APR {0}', percent(okusdData.apr.apr))]),
      ].join(' · '),
      target: { kind: 'okusd' },
    },
    ...held.map((h) => {
      const apy = stableData?.apy.get(h.ccy)?.rate;
      return {
        label: vscode.l10n.t('{0} · Stable Rewards', h.ccy),
        description: [shortWithCcy(h.amt, h.ccy), ...(apy === undefined ? [] : [vscode.l10n.t('APY {0}', percent(apy))])].join(' · '),
        target: { kind: 'stable' as const, ccy: h.ccy },
      };
    }),
    ...open.map((o) => ({
      label: dualProductName(o),
      description: [shortWithCcy(o.notionalSz, o.notionalCcy), vscode.l10n.t('APY {0}', percent(o.annualizedYield)), dualOrderStateLabel(o.state)].join(' · '),
      detail: vscode.l10n.t('Dual Investment order {0} · expires {1}', o.ordId, time(o.expTime)),
      target: { kind: 'dual' as const, order: o },
    })),
  ];
}

export function registerPanelCommands(panels: PanelOpener, portfolio: Portfolio): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('okxEarn.openProduct', async (arg?: unknown) => {
      let target = targetOf((arg as TreeNode | undefined)?.payload);
      if (target === undefined) {
        // The More Earn products with an API key only (what is held, what is open), loaded with the rest.
        const moreEarn: readonly AreaId[] = portfolio.hasCredentials ? ['okusd', 'stable', 'dual'] : [];
        await Promise.all([portfolio.refresh(['offers', 'market']), ...moreEarn.map((a) => portfolio.ensure(a))]);
        const offers = portfolio.get('offers');
        const market = portfolio.get('market');
        const items: (vscode.QuickPickItem & { target: ProductTarget })[] = [
          { label: vscode.l10n.t('ETH staking'), target: { kind: 'eth' } },
          { label: vscode.l10n.t('SOL staking'), target: { kind: 'sol' } },
          ...('data' in market ? (market.data?.lendingRates ?? []) : []).map((r) => {
            const lending = 'data' in market ? market.data?.latestRates.find((p) => p.ccy === r.ccy)?.lendingRate : undefined;
            return {
              label: vscode.l10n.t('{0} savings', r.ccy),
              description: lending === undefined || lending === '' ? undefined : vscode.l10n.t('savers earn {0}', percent(lending)),
              target: { kind: 'savings' as const, ccy: r.ccy },
            };
          }),
          ...('data' in offers ? (offers.data?.offers ?? []) : []).map((o) => ({ label: `${o.ccy} · ${o.protocol}`, description: vscode.l10n.t('APY {0}', percent(o.apy)), target: { kind: 'onchain' as const, productId: o.productId } })),
          ...moreEarnItems(portfolio),
        ];
        target = (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Show which product?'), matchOnDescription: true }))?.target;
      }
      if (target !== undefined) panels.openProduct(target);
    }),
    vscode.commands.registerCommand('okxEarn.openPortfolio', () => panels.openPortfolio()),
    registerCompareCommand(panels, portfolio),
    vscode.commands.registerCommand('okxEarn.openLtv', async (arg?: unknown) => {
      const payload = (arg as TreeNode | undefined)?.payload;
      if (payload?.kind === 'loan' || payload?.kind === 'collateral') {
        panels.openLtv(loanKey(payload.loan));
        return;
      }
      if (typeof arg === 'string' && arg !== '') {
        // From the status bar or a link: the order it names.
        panels.openLtv(arg);
        return;
      }
      await portfolio.ensure('loans');
      const state = portfolio.get('loans');
      const loans = 'data' in state ? (state.data?.loans ?? []) : [];
      if (loans.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('You have no flexible loan.'));
        return;
      }
      // Several orders: choose, the riskiest first.
      const ordered = byRisk(loans, readSettings().ltvWarningDistance).map((r) => r.loan);
      const chosen =
        loans.length === 1
          ? loans[0]
          : (await vscode.window.showQuickPick(
              ordered.map((loan) => ({ label: loanName(loan, loans), description: ltvSummary(loan), loan })),
              { title: vscode.l10n.t('Show the LTV of which loan order?') },
            ))?.loan;
      if (chosen !== undefined) panels.openLtv(loanKey(chosen));
    }),
  ];
}

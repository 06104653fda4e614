/** Opening the panels: from a tree item, the status bar, or the palette (with a quick pick). */
import * as vscode from 'vscode';
import type { PanelOpener } from '../panels/lazyPanels';
import type { ProductTarget } from '../panels/productState';
import type { Portfolio } from '../portfolio/portfolio';
import { byRisk, loanKey } from '../portfolio/risk';
import { readSettings } from '../settings';
import type { Payload, TreeNode } from '../views/nodes';
import { percent } from '../views/nodes';
import { loanName } from '../views/loanLabels';
import { ltvSummary } from '../views/loansView';

function targetOf(payload: Payload | undefined): ProductTarget | undefined {
  switch (payload?.kind) {
    case 'offer': return { kind: 'onchain', productId: payload.offer.productId };
    case 'order': return { kind: 'onchain', productId: payload.order.productId };
    case 'eth': return { kind: 'eth' };
    case 'sol': return { kind: 'sol' };
    case 'savings': return { kind: 'savings', ccy: payload.ccy };
    default: return undefined;
  }
}

export function registerPanelCommands(panels: PanelOpener, portfolio: Portfolio): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('okxEarn.openProduct', async (arg?: unknown) => {
      let target = targetOf((arg as TreeNode | undefined)?.payload);
      if (target === undefined) {
        await portfolio.refresh(['offers', 'market']);
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
        ];
        target = (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Show which product?'), matchOnDescription: true }))?.target;
      }
      if (target !== undefined) panels.openProduct(target);
    }),
    vscode.commands.registerCommand('okxEarn.openPortfolio', () => panels.openPortfolio()),
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

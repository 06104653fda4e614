/** Opening the panels: from a tree item, the status bar, or the palette (with a quick pick). */
import * as vscode from 'vscode';
import type { Panels } from '../panels/panels';
import type { ProductTarget } from '../panels/productState';
import type { Portfolio } from '../portfolio/portfolio';
import { loanKey, riskiestLoan } from '../portfolio/risk';
import { readSettings } from '../settings';
import type { Payload, TreeNode } from '../views/nodes';
import { percent } from '../views/nodes';

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

export function registerPanelCommands(panels: Panels, portfolio: Portfolio): vscode.Disposable[] {
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
          ...('data' in market ? (market.data?.lendingRates ?? []) : []).map((r) => ({ label: vscode.l10n.t('{0} savings', r.ccy), description: percent(r.estRate), target: { kind: 'savings' as const, ccy: r.ccy } })),
          ...('data' in offers ? (offers.data?.offers ?? []) : []).map((o) => ({ label: `${o.ccy} · ${o.protocol}`, description: vscode.l10n.t('APY {0}', percent(o.apy)), target: { kind: 'onchain' as const, productId: o.productId } })),
        ];
        target = (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Show which product?'), matchOnDescription: true }))?.target;
      }
      if (target !== undefined) panels.openProduct(target);
    }),
    vscode.commands.registerCommand('okxEarn.openLtv', async (arg?: unknown) => {
      const payload = (arg as TreeNode | undefined)?.payload;
      if (payload?.kind === 'loan' || payload?.kind === 'collateral') {
        panels.openLtv(loanKey(payload.loan));
        return;
      }
      await portfolio.ensure('loans');
      const state = portfolio.get('loans');
      const loans = 'data' in state ? (state.data?.loans ?? []) : [];
      const chosen = typeof arg === 'number' ? loans[arg] : riskiestLoan(loans, readSettings().ltvWarningDistance)?.loan;
      if (chosen === undefined) {
        void vscode.window.showInformationMessage(vscode.l10n.t('You have no flexible loan.'));
        return;
      }
      panels.openLtv(loanKey(chosen));
    }),
  ];
}

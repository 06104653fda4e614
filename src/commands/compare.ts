/**
 * "Compare Products for a Currency…": the Compare panel for the currency of the row it was run on (a holding, an
 * idle-money row), or for one picked (the currencies held first, then every other one a product takes).
 */
import * as vscode from 'vscode';
import type { PanelOpener } from '../panels/lazyPanels';
import { pickerCcys } from '../portfolio/compare';
import type { Portfolio } from '../portfolio/portfolio';
import { COMPARE_PANEL_AREAS } from '../panels/comparePanel';
import { compareInputOf, heldCcys } from '../panels/compareState';
import { heldInAccounts } from '../panels/compareHeld';
import type { Payload, TreeNode } from '../views/nodes';

const CCY = /^[A-Z0-9]{1,12}$/;

/** The currency a row stands for: what it holds or what it would take in. */
export function ccyOfPayload(payload: Payload | undefined): string | undefined {
  switch (payload?.kind) {
    case 'savings':
    case 'stable': return payload.ccy;
    case 'offer': return payload.offer.ccy;
    case 'order': return payload.order.ccy;
    case 'eth': return 'ETH';
    case 'sol': return 'SOL';
    case 'okusd': return 'USDT';
    case 'dualOrder': return payload.order.notionalCcy;
    case 'idle': return payload.ccy;
    default: return undefined;
  }
}

/** The currency the command was given: a currency code, `{ ccy }`, or a tree row. */
export function ccyOfArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') return CCY.test(arg) ? arg : undefined;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const ccy = (arg as { ccy?: unknown }).ccy;
  if (typeof ccy === 'string') return CCY.test(ccy) ? ccy : undefined;
  return ccyOfPayload((arg as TreeNode).payload);
}

export function registerCompareCommand(panels: PanelOpener, portfolio: Portfolio): vscode.Disposable {
  return vscode.commands.registerCommand('okxEarn.compare', async (arg?: unknown) => {
    let ccy = ccyOfArg(arg);
    if (ccy === undefined) {
      await Promise.all(COMPARE_PANEL_AREAS.map((a) => portfolio.ensure(a)));
      const { held, others } = pickerCcys(heldCcys(portfolio, heldInAccounts(portfolio)), compareInputOf(portfolio, Date.now()));
      const items: (vscode.QuickPickItem & { ccy?: string })[] = [
        ...(held.length === 0 ? [] : [{ label: vscode.l10n.t('Held'), kind: vscode.QuickPickItemKind.Separator }]),
        ...held.map((c) => ({ label: c, ccy: c })),
        ...(others.length === 0 ? [] : [{ label: vscode.l10n.t('Other currencies'), kind: vscode.QuickPickItemKind.Separator }]),
        ...others.map((c) => ({ label: c, ccy: c })),
      ];
      if (items.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No Earn product could be read: check the connection and the API key.'));
        return;
      }
      ccy = (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Compare the products that take which currency?') }))?.ccy;
    }
    if (ccy !== undefined) panels.openCompare(ccy);
  });
}

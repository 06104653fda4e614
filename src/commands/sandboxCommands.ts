/**
 * The Sandbox's two levers for seeing the extension at work with no account. "Sandbox: Move a Price…" jumps
 * an index price (REST and the public WebSocket agree), so the live LTV and its alerts can be watched.
 * "Sandbox: Play OKX's Bad Day…": makes the sandbox's simulator answer the next money move of each kind as OKX
 * does on a bad day (a lost answer, 50004 then done late, no answer at all, an empty acknowledgement), so that
 * anyone can see, with no account, what the extension then says, the pending row, and how it settles.
 */
import * as vscode from 'vscode';
import type { Connection } from '../connection';
import { ENDPOINTS, type EndpointId } from '../okx/endpoints';
import type { Fault } from '../simulator/faults';
import { ui } from './ui';

/** The endpoints that move money (not the reads, quotes and limits a flow asks for before it). */
const MONEY_ENDPOINTS: readonly EndpointId[] = (Object.keys(ENDPOINTS) as EndpointId[]).filter(
  (id) => ENDPOINTS[id].method === 'POST' && !['loanMaxLoan', 'dualQuote', 'dualRedeemQuote'].includes(id),
);

interface BadDay extends vscode.QuickPickItem {
  readonly fault: Fault | undefined;
  /** The public WebSocket's live prices stop (connections dropped, new ones refused). */
  readonly socketDown?: boolean;
  /** Every answer (reads too) comes 5 s late, until "Off": a refresh can be watched as it happens. */
  readonly slow?: boolean;
}

function badDays(): BadDay[] {
  return [
    { label: vscode.l10n.t('50004, then carried out 5 s later'), detail: vscode.l10n.t('OKX says it timed out, then does it: watch "Checking with OKX…" find it.'), fault: { kind: 'late', afterMs: 5_000 } },
    {
      label: vscode.l10n.t('No answer, carried out after 2 minutes'),
      detail: vscode.l10n.t('The request times out and OKX records it only later: it stays pending, and the pending row settles on its own.'),
      fault: { kind: 'late', answer: 'hang', afterMs: 120_000 },
    },
    { label: vscode.l10n.t('The answer is lost (carried out at once)'), detail: vscode.l10n.t('The connection drops after OKX did it: found by its key at the first look.'), fault: { kind: 'lose-response' } },
    { label: vscode.l10n.t('An empty acknowledgement'), detail: vscode.l10n.t('OKX answers success naming no order: never taken for "done" until its records show it.'), fault: { kind: 'ack', data: [{}], execute: true } },
    {
      label: vscode.l10n.t('The live price feed stops'),
      detail: vscode.l10n.t('OKX\'s public WebSocket drops and refuses connections: the LTV says "live prices paused" and falls back to polling.'),
      fault: undefined,
      socketDown: true,
    },
    {
      label: vscode.l10n.t('Slow: every answer takes 5 s'),
      detail: vscode.l10n.t('Every request, reads too, until you choose "Off": watch the views and the Portfolio panel keep their figures while they refresh.'),
      fault: undefined,
      slow: true,
    },
    { label: vscode.l10n.t('Off: a good day'), detail: vscode.l10n.t('Every request answered at once, as usual.'), fault: undefined },
  ];
}

export function registerSandboxBadDay(connection: Connection): vscode.Disposable {
  return vscode.commands.registerCommand('okxEarn.sandbox.badDay', async () => {
    const sim = connection.sandbox;
    if (sim === undefined) {
      void ui.warn(vscode.l10n.t('This plays out in the Sandbox only: switch to it first (OKX Earn: Try the Sandbox).'));
      return false;
    }
    const chosen = await vscode.window.showQuickPick(badDays(), { title: vscode.l10n.t("Sandbox: how should OKX answer your next money move of each kind?"), ignoreFocusOut: true });
    if (chosen === undefined) return false;
    sim.faults.clear();
    sim.publicSocket.refuseUpgrades(0);
    const { fault } = chosen;
    if (fault !== undefined) for (const endpoint of MONEY_ENDPOINTS) sim.faults.add({ fault, endpoint, times: 1 });
    if (chosen.socketDown === true) {
      sim.publicSocket.refuseUpgrades();
      sim.publicSocket.dropAll();
    }
    if (chosen.slow === true) sim.faults.add({ fault: { kind: 'latency', ms: 5_000 } });
    void ui.info(
      chosen.socketDown === true
        ? vscode.l10n.t('Sandbox: the live price feed is down until you choose "Off".')
        : chosen.slow === true
          ? vscode.l10n.t('Sandbox: every answer from OKX takes 5 s until you choose "Off".')
          : fault === undefined
          ? vscode.l10n.t('Sandbox: a good day again.')
          : vscode.l10n.t('Sandbox: your next money move of each kind meets "{0}".', chosen.label),
    );
    return true;
  });
}

const MOVES = ['-5%', '-10%', '-20%', '+5%', '+10%'] as const;

export function registerSandboxMovePrice(connection: Connection): vscode.Disposable {
  return vscode.commands.registerCommand('okxEarn.sandbox.movePrice', async (ccyArg?: unknown, moveArg?: unknown) => {
    const sim = connection.sandbox;
    if (sim === undefined) {
      void ui.warn(vscode.l10n.t('This plays out in the Sandbox only: switch to it first (OKX Earn: Try the Sandbox).'));
      return false;
    }
    const ccy =
      typeof ccyArg === 'string'
        ? ccyArg
        : (await vscode.window.showQuickPick(['BTC', 'ETH', 'SOL'], { title: vscode.l10n.t('Sandbox: move the index price of which currency?'), ignoreFocusOut: true }));
    if (ccy === undefined) return false;
    const move =
      typeof moveArg === 'string'
        ? moveArg
        : (await vscode.window.showQuickPick([...MOVES], { title: vscode.l10n.t('Sandbox: move the {0} index price by how much?', ccy), ignoreFocusOut: true }));
    if (move === undefined) return false;
    sim.publicSocket.jump(ccy, move);
    void ui.info(vscode.l10n.t('Sandbox: the {0} index price moved {1}. Watch the LTV in the status bar and the Loans view.', ccy, move));
    return true;
  });
}

/**
 * The Compare panel (one at most): every product that takes a currency, side by side, the highest rate first,
 * each with its Subscribe/Buy button. A button runs that product's own command (with the currency or product
 * filled in where the flow takes it), which asks, confirms and sends: the panel itself never moves money.
 * Messages from the webview are checked (../panels/protocol) and anything else is dropped and logged.
 */
import * as vscode from 'vscode';
import type { PanelHostContext } from './panelHostContext';
import type { DualProduct } from '../okx/types';
import { COMPARE_AREAS, dualPairKey, dualPairsFor, rankOptions, type CompareOption } from '../portfolio/compare';
import type { AreaId, Portfolio } from '../portfolio/portfolio';
import { buildCompareState, compareInputOf, heldCcys } from './compareState';
import { heldInAccounts, IDLE_AREAS } from './compareHeld';
import { panelHtml } from './panelHtml';
import { parseFromWebview, type CompareState, type WebviewMessage } from './protocol';
import { COMPARE_VIEW } from './viewTypes';

export const COMPARE_KEY = 'compare';

/** The areas the panel is built from: the ranking's, and what tells which currencies are held. */
export const COMPARE_PANEL_AREAS: readonly AreaId[] = [...COMPARE_AREAS, 'savings', 'onchain', ...IDLE_AREAS];

/** The command a row's button runs, and what it is given (as the views' menus pass it). */
export function compareCommand(option: CompareOption): { command: string; arg: unknown } {
  switch (option.product) {
    case 'savings': return { command: 'okxEarn.savings.subscribe', arg: { payload: { kind: 'savings', ccy: option.ccy } } };
    case 'onchain': return { command: 'okxEarn.onchain.purchase', arg: { payload: { kind: 'offer', offer: option.offer } } };
    case 'eth': return { command: 'okxEarn.eth.stake', arg: { payload: { kind: 'eth' } } };
    case 'sol': return { command: 'okxEarn.sol.stake', arg: { payload: { kind: 'sol' } } };
    case 'okusd': return { command: 'okxEarn.okusd.subscribe', arg: { payload: { kind: 'okusd' } } };
    // The pair and direction: the flow lists its products (strike, expiry, yield) to choose from.
    case 'dual': return { command: 'okxEarn.dual.purchase', arg: { payload: { kind: 'dualPair', pair: option.pair } } };
  }
}

interface Open {
  readonly panel: vscode.WebviewPanel;
  readonly created: number;
  ccy: string;
  state: CompareState | undefined;
  firstPaintMs: number | undefined;
  dropped: number;
}

export class ComparePanel implements vscode.Disposable {
  private open: Open | undefined;
  /** Dual Investment products read per pair (dualPairKey), for this connection until a refresh. */
  private readonly dual = new Map<string, readonly DualProduct[]>();
  /** The options (`dual:…` ids) whose products are being read. */
  private readonly dualLoading = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly portfolio: Portfolio,
    private readonly flows: PanelHostContext,
  ) {
    this.disposables.push(
      portfolio.onDidChange((areas) => {
        if (this.open !== undefined && areas.some((a) => COMPARE_PANEL_AREAS.includes(a))) void this.render(this.open);
      }),
      flows.connection.onDidChange(() => this.dual.clear()),
    );
  }

  /** Opens the panel for `ccy` (or reveals it and switches to `ccy`). */
  show(ccy: string): void {
    if (this.open !== undefined) {
      this.open.panel.reveal();
      if (this.open.ccy !== ccy) {
        this.open.ccy = ccy;
        void this.render(this.open);
      }
      return;
    }
    const panel = vscode.window.createWebviewPanel(COMPARE_VIEW, vscode.l10n.t('Compare: {0}', ccy), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
    this.adopt(panel, ccy);
  }

  /** A panel restored after a reload: its saved currency, or nothing (then closed). */
  restore(panel: vscode.WebviewPanel, saved: unknown): void {
    const target = (saved as { target?: { ccy?: unknown } } | undefined)?.target;
    const ccy = target?.ccy;
    if (typeof ccy !== 'string' || !/^[A-Z0-9]{1,12}$/.test(ccy) || this.open !== undefined) {
      panel.dispose();
      return;
    }
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media')] };
    this.adopt(panel, ccy);
  }

  private adopt(panel: vscode.WebviewPanel, ccy: string): void {
    const entry: Open = { panel, created: performance.now(), ccy, state: undefined, firstPaintMs: undefined, dropped: 0 };
    this.open = entry;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'okx-earn.svg');
    panel.webview.html = panelHtml(panel.webview, this.extensionUri, 'compare', { key: COMPARE_KEY, target: { kind: 'compare', ccy }, range: 30 });
    panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(entry, raw));
    panel.onDidDispose(() => {
      if (this.open === entry) this.open = undefined;
    });
  }

  snapshot(): { viewType: string; key: string; title: string; state: CompareState | undefined; firstPaintMs: number | undefined; dropped: number; csp: string } | undefined {
    const e = this.open;
    if (e === undefined) return undefined;
    return {
      viewType: COMPARE_VIEW, key: COMPARE_KEY, title: e.panel.title, state: e.state, firstPaintMs: e.firstPaintMs, dropped: e.dropped,
      csp: /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(e.panel.webview.html)?.[1] ?? '',
    };
  }

  /** A message as if the webview had sent it (the integration tests' way in). */
  async deliver(raw: unknown): Promise<void> {
    if (this.open !== undefined) await this.receive(this.open, raw);
  }

  private async receive(entry: Open, raw: unknown): Promise<void> {
    const message = parseFromWebview(raw);
    if (message === undefined || !['ready', 'painted', 'refresh', 'ccy', 'compare'].includes(message.type)) {
      entry.dropped += 1;
      this.flows.log.warn('Dropped a malformed message from the compare panel');
      return;
    }
    await this.handle(entry, message);
  }

  private async handle(entry: Open, message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.render(entry);
        return;
      case 'painted':
        if (entry.firstPaintMs === undefined) entry.firstPaintMs = performance.now() - entry.created;
        return;
      case 'refresh':
        this.dual.clear();
        this.portfolio.resetDualProducts();
        await this.portfolio.refresh(COMPARE_PANEL_AREAS, { fresh: true });
        await this.render(entry);
        return;
      case 'ccy':
        entry.ccy = message.ccy;
        await this.render(entry);
        return;
      case 'compare':
        await this.act(entry, message.id);
        return;
      default:
        return;
    }
  }

  /** A row's button: the product's own flow, for the option as ranked now (a stale or unbuyable id does nothing). */
  private async act(entry: Open, id: string): Promise<void> {
    const option = rankOptions(entry.ccy, compareInputOf(this.portfolio, Date.now(), this.dual)).find((o) => o.id === id);
    if (option === undefined || !option.buyable) return;
    const { command, arg } = compareCommand(option);
    try {
      await vscode.commands.executeCommand(command, arg);
      // What was moved left the funding account: the idle money (here and in the Overview) is read again.
      await this.portfolio.refresh(IDLE_AREAS, { fresh: true });
    } catch (error) {
      this.flows.log.error(`${command} from the compare panel: ${error instanceof Error ? error.message : String(error)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('This action could not be started: {0}', error instanceof Error ? error.message : String(error)));
    }
  }

  private async render(entry: Open): Promise<void> {
    await Promise.all(COMPARE_PANEL_AREAS.map((a) => this.portfolio.ensure(a)));
    this.readDual(entry);
    this.post(entry);
  }

  /** Reads the Dual Investment products of the currency's pairs not read yet; the panel is redrawn as each arrives. */
  private readDual(entry: Open): void {
    for (const pair of dualPairsFor(entry.ccy, compareInputOf(this.portfolio, Date.now()))) {
      const key = dualPairKey(pair);
      const id = `dual:${key}`;
      if (this.dual.has(key) || this.dualLoading.has(id)) continue;
      this.dualLoading.add(id);
      void this.portfolio.dualProducts(pair).then((products) => {
        this.dualLoading.delete(id);
        if (!(products instanceof Error)) this.dual.set(key, products);
        else this.flows.log.warn(`Dual Investment products of ${key} for the compare panel: ${products.message}`);
        if (this.open === entry) this.post(entry);
      });
    }
  }

  private post(entry: Open): void {
    if (this.open !== entry) return;
    const now = Date.now();
    const input = compareInputOf(this.portfolio, now, this.dual);
    entry.state = buildCompareState(entry.ccy, this.portfolio, input, heldCcys(this.portfolio, heldInAccounts(this.portfolio)), this.dualLoading);
    if (entry.panel.title !== entry.state.title) entry.panel.title = entry.state.title;
    entry.panel.webview.postMessage({ type: 'state', state: entry.state }).then(undefined, () => undefined);
  }

  dispose(): void {
    this.open?.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * The webview panels: product details and a loan's LTV. One panel per product or loan (asking again reveals
 * it), restored after a reload (registerWebviewPanelSerializer), kept live as the portfolio refreshes.
 * Webviews get CSP `default-src 'none'` (and `base-uri`, `form-action` 'none') with a nonce'd script, load
 * only from dist/webview and media, receive nothing secret, and every message they send is checked against the
 * protocol (the rest dropped and logged).
 */
import * as vscode from 'vscode';
import type { Portfolio } from '../portfolio/portfolio';
import type { OkxClient } from '../okx/client';
import type { LoanInfo } from '../okx/types';
import { borrowedCcys, loanKey as loanKeyOf } from '../portfolio/risk';
import { loanName } from '../views/loanLabels';
import { buildLtvState, type LtvExtras, loadLtvExtras } from './ltvState';
import { onDidChangeLive } from '../views/liveFigures';
import { buildProductState, isMoreEarn, type ProductTarget, productAreas, productKey, productTitle } from './productState';
import { ChartCache, historyHost, STABLE_RANGES } from './productChart';
import { buildMoreEarnState, type MoreEarnExtras } from './moreEarnState';
import { loadMoreEarnExtras } from './moreEarnExtras';
import { restorableDual } from './moreEarnSeries';
import { EARNINGS_RANGES, RANGES, parseFromWebview, type EarningsRange, type CompareState, type HostMessage, type LtvState, type PortfolioState, type ProductState, type RangeDays, type WebviewMessage } from './protocol';
import { buildPortfolioState } from './portfolioState';
import { EarningsHistory } from './earningsHistory';
import { rangeStart } from './earningsSeries';
import { OVERVIEW_AREAS } from '../views/overviewView';
import type { PanelHostContext } from './panelHostContext';
import { RateHistoryStore } from '../portfolio/historyCache';
import { COMPARE_VIEW, LTV_VIEW, PORTFOLIO_VIEW, PRODUCT_VIEW } from './viewTypes';
import { panelHtml } from './panelHtml';
import { runLoanAction, runMoreEarnAction, runProductAction } from './panelButtons';
import { COMPARE_KEY, ComparePanel } from './comparePanel';

export { LTV_VIEW, PORTFOLIO_VIEW, PRODUCT_VIEW };
export type { PanelHostContext } from './panelHostContext';

export interface PanelSnapshot {
  readonly viewType: string;
  readonly key: string;
  readonly title: string;
  readonly state: ProductState | LtvState | PortfolioState | CompareState | undefined;
  /** Milliseconds from creating the panel to the webview's first paint of content. */
  readonly firstPaintMs: number | undefined;
  readonly dropped: number;
  /** The Content-Security-Policy the panel's HTML carries. */
  readonly csp: string;
}

interface OpenPanel {
  readonly panel: vscode.WebviewPanel;
  readonly key: string;
  readonly viewType: string;
  readonly created: number;
  target: ProductTarget | { kind: 'loan'; loanKey: string } | { kind: 'portfolio' };
  range: RangeDays;
  state: ProductState | LtvState | PortfolioState | undefined;
  extras: LtvExtras | undefined;
  /** OKUSD, Stable Rewards, Dual Investment: what the page loaded for itself. */
  moreEarn: MoreEarnExtras;
  /** A Dual Investment product's page: the amount the user typed to see the outcomes for. */
  amount: string | undefined;
  firstPaintMs: number | undefined;
  dropped: number;
}

export class Panels implements vscode.Disposable {
  private readonly open = new Map<string, OpenPanel>();
  private readonly charts: ChartCache;
  private readonly earnings: EarningsHistory;
  private readonly disposables: vscode.Disposable[] = [];
  /** The Compare panel (./comparePanel). */
  private readonly compare: ComparePanel;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly portfolio: Portfolio,
    private readonly flows: PanelHostContext,
    private readonly warnDistance: () => string,
    /** Where rate histories are kept between sessions (the extension's global storage). */
    historyDir?: string,
  ) {
    const client = (): OkxClient | undefined => this.flows.connection.current.client;
    this.charts = new ChartCache(
      client,
      historyDir === undefined ? undefined : { history: new RateHistoryStore(historyDir), host: () => historyHost(this.flows.connection.current.environment, client()) },
    );
    this.earnings = new EarningsHistory(() => this.flows.connection.current.client);
    this.compare = new ComparePanel(extensionUri, portfolio, flows);
    // The serializers that call restore() are registered by ./lazyPanels, before this module is loaded.
    this.disposables.push(
      portfolio.onDidChange((areas) => {
        for (const entry of this.open.values()) {
          const target = entry.target;
          const kind = target.kind;
          const relevant = target.kind === 'loan' ? areas.includes('loans') : target.kind === 'portfolio' ? areas.some((a) => OVERVIEW_AREAS.includes(a)) : areas.some((a) => productAreas(target).includes(a));
          if (relevant) void this.render(entry, kind === 'loan' && areas.includes('loans'));
        }
      }),
      flows.connection.onDidChange(() => {
        this.charts.clear();
        this.earnings.clear();
      }),
      // An LTV panel's gauge and prices move with the live estimate between polls (nothing is read for it).
      onDidChangeLive(() => {
        for (const entry of this.open.values()) if (entry.target.kind === 'loan') void this.render(entry, false);
      }),
    );
  }

  openProduct(target: ProductTarget): void {
    this.show(PRODUCT_VIEW, productKey(target), this.productName(target) ?? productTitle(target), target);
  }

  /** An on-chain product's name ("DOT · Polkadot") from its offer or the user's order, when either is loaded. */
  private productName(target: ProductTarget): string | undefined {
    if (target.kind !== 'onchain') return undefined;
    const offers = this.portfolio.get('offers');
    const orders = this.portfolio.get('onchain');
    const named =
      ('data' in offers ? offers.data?.offers.find((o) => o.productId === target.productId) : undefined) ??
      ('data' in orders ? orders.data?.orders.find((o) => o.productId === target.productId) : undefined);
    return named === undefined ? undefined : `${named.ccy} · ${named.protocol}`;
  }

  /** The Portfolio panel: allocation, earnings per day, what comes next. */
  openPortfolio(): void {
    this.show(PORTFOLIO_VIEW, 'portfolio', vscode.l10n.t('OKX Earn Portfolio'), { kind: 'portfolio' });
  }

  /** The Compare panel for `ccy`. */
  openCompare(ccy: string): void {
    this.compare.show(ccy);
  }

  /** The LTV panel of one loan order (`loanKey` is its ordId). */
  openLtv(loanKey: string): void {
    const loans = this.loans();
    const loan = findLoan(loans, loanKey);
    this.show(LTV_VIEW, `ltv:${loanKey}`, loan === undefined ? vscode.l10n.t('Loan LTV') : vscode.l10n.t('LTV: {0}', loanName(loan, loans)), { kind: 'loan', loanKey });
  }

  private loans(): readonly LoanInfo[] {
    const state = this.portfolio.get('loans');
    return 'data' in state ? (state.data?.loans ?? []) : [];
  }

  snapshot(): PanelSnapshot[] {
    const compare = this.compare.snapshot();
    return [...(compare === undefined ? [] : [compare]), ...[...this.open.values()].map((e) => ({
      viewType: e.viewType,
      key: e.key,
      title: e.panel.title,
      state: e.state,
      firstPaintMs: e.firstPaintMs,
      dropped: e.dropped,
      csp: /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(e.panel.webview.html)?.[1] ?? '',
    }))];
  }

  /** Hands a message to a panel as if its webview had sent it (the integration tests' way in). */
  async deliver(key: string, raw: unknown): Promise<void> {
    if (key === COMPARE_KEY) return this.compare.deliver(raw);
    const entry = this.open.get(key);
    if (entry !== undefined) await this.receive(entry, raw);
  }

  private show(viewType: string, key: string, title: string, target: OpenPanel['target']): void {
    const existing = this.open.get(key);
    if (existing !== undefined) {
      existing.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Active, this.options());
    this.adopt(panel, viewType, key, target, 30);
  }

  /** The serializer's callback: adopts a panel restored after a reload (nothing to wait for). */
  restore(panel: vscode.WebviewPanel, viewType: string, saved: unknown): Promise<void> {
    if (viewType === COMPARE_VIEW) return Promise.resolve(this.compare.restore(panel, saved));
    const state = saved as { key?: unknown; target?: unknown; range?: unknown } | undefined;
    const target = state?.target as OpenPanel['target'] | undefined;
    if (typeof state?.key !== 'string' || target === undefined || typeof target.kind !== 'string' || (target.kind === 'dual' && !restorableDual(target)) || this.open.has(state.key)) {
      panel.dispose();
      return Promise.resolve();
    }
    panel.webview.options = this.options();
    const range = RANGES.includes(state.range as RangeDays) ? (state.range as RangeDays) : 30;
    this.adopt(panel, viewType, state.key, target, range);
    return Promise.resolve();
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      // No retainContextWhenHidden: the webview keeps its state with getState/setState instead.
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
  }

  private adopt(panel: vscode.WebviewPanel, viewType: string, key: string, target: OpenPanel['target'], range: RangeDays): void {
    const entry: OpenPanel = { panel, key, viewType, created: performance.now(), target, range, state: undefined, extras: undefined, moreEarn: {}, amount: undefined, firstPaintMs: undefined, dropped: 0 };
    this.open.set(key, entry);
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'okx-earn.svg');
    panel.webview.html = panelHtml(panel.webview, this.extensionUri, viewType === LTV_VIEW ? 'ltv' : viewType === PORTFOLIO_VIEW ? 'portfolio' : 'product', { key, target, range });
    panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(entry, raw));
    panel.onDidDispose(() => this.open.delete(key));
  }

  private async receive(entry: OpenPanel, raw: unknown): Promise<void> {
    const message = parseFromWebview(raw);
    if (message === undefined) {
      entry.dropped += 1;
      this.flows.log.warn(`Dropped a malformed message from the ${entry.key} panel`);
      return;
    }
    await this.handle(entry, message);
  }

  private async handle(entry: OpenPanel, message: WebviewMessage): Promise<void> {
    const target = entry.target;
    switch (message.type) {
      case 'ready':
        await this.render(entry, true);
        return;
      case 'painted':
        if (entry.firstPaintMs === undefined) {
          entry.firstPaintMs = performance.now() - entry.created;
          this.flows.log.info(`${entry.viewType} panel painted ${entry.firstPaintMs.toFixed(0)} ms after it was opened`);
        }
        return;
      case 'refresh':
        // The earnings are read again too; the chart keeps what it shows until the first new page is in.
        if (target.kind === 'portfolio') this.earnings.restart();
        // A Dual Investment product's page asks OKX for the products on offer again.
        if (target.kind === 'dual' && 'product' in target) this.portfolio.resetDualProducts();
        await this.portfolio.refresh(target.kind === 'loan' ? ['loans'] : target.kind === 'portfolio' ? OVERVIEW_AREAS : productAreas(target), { fresh: true });
        await this.render(entry, true);
        return;
      case 'range':
        // The Portfolio panel's earnings go back 7, 30 or 90 days; a year is for rate charts only; Stable Rewards keeps 100 days.
        if (target.kind === 'portfolio' && !EARNINGS_RANGES.includes(message.days as EarningsRange)) return;
        if (target.kind === 'stable' && !STABLE_RANGES.includes(message.days)) return;
        entry.range = message.days;
        await this.render(entry, false);
        return;
      case 'amount':
        if (target.kind !== 'dual' || !('product' in target)) return;
        entry.amount = message.amount;
        await this.render(entry, false);
        return;
      case 'action': {
        if (target.kind === 'loan' || target.kind === 'portfolio') return;
        if (isMoreEarn(target)) {
          await runMoreEarnAction(this.portfolio, this.flows.log, entry, target, message.action);
          return;
        }
        await runProductAction(this.portfolio, target, message.action);
        return;
      }
      case 'collateral': {
        if (target.kind !== 'loan') return;
        const loan = findLoan(this.loans(), target.loanKey);
        if (loan === undefined) return;
        await runLoanAction(message, loan);
        return;
      }
      case 'loan': {
        if (target.kind !== 'loan') return;
        const loan = findLoan(this.loans(), target.loanKey);
        if (loan === undefined) return;
        await runLoanAction(message, loan);
        return;
      }
    }
  }

  /** Builds the panel's state from the portfolio (and, for a loan, OKX's limits) and posts it. */
  private async render(entry: OpenPanel, reloadExtras: boolean): Promise<void> {
    const target = entry.target;
    if (target.kind === 'loan') {
      const client = this.flows.connection.current.client;
      await this.portfolio.ensure('loans');
      const state = this.portfolio.get('loans');
      const loans = this.loans();
      const loan = findLoan(loans, target.loanKey);
      const problem = state.status === 'error' ? state.error : undefined;
      if (loan !== undefined && this.open.get(entry.key) === entry) entry.panel.title = vscode.l10n.t('LTV: {0}', loanName(loan, loans));
      if (reloadExtras && loan !== undefined && client?.hasCredentials === true) {
        // The order at once; OKX's limits and prices (several requests) follow when they arrive.
        entry.state = buildLtvState(loan, loans, entry.extras, this.warnDistance(), problem);
        this.post(entry, { type: 'state', state: entry.state });
        entry.extras = await loadLtvExtras(client, loan);
      }
      entry.state = buildLtvState(loan, loans, entry.extras, this.warnDistance(), problem);
    } else if (target.kind === 'portfolio') {
      await Promise.all(OVERVIEW_AREAS.map((a) => this.portfolio.ensure(a)));
      const range = (): EarningsRange => (EARNINGS_RANGES.includes(entry.range as EarningsRange) ? (entry.range as EarningsRange) : 30);
      const now = Date.now();
      entry.state = buildPortfolioState(this.portfolio, this.earnings, range(), now);
      // The earnings histories page in once per connection; the panel is redrawn as they arrive, for the range
      // chosen by then (a page asked for by a shorter range may arrive after a longer one was chosen).
      void this.earnings.load(rangeStart(range(), now), () => {
        if (this.open.get(entry.key) === entry) {
          entry.state = buildPortfolioState(this.portfolio, this.earnings, range(), Date.now());
          this.post(entry, { type: 'state', state: entry.state });
        }
      });
    } else if (isMoreEarn(target)) {
      await Promise.all(productAreas(target).map((a) => this.portfolio.ensure(a)));
      if (target.kind === 'stable' && !STABLE_RANGES.includes(entry.range)) entry.range = 90;
      this.charts.load(target, entry.range, () => {
        if (this.open.get(entry.key) === entry) void this.render(entry, false);
      });
      if (reloadExtras) {
        // The page at once from the portfolio; what it loads for itself follows when it arrives.
        this.post(entry, { type: 'state', state: buildMoreEarnState(target, this.portfolio, this.charts.get(target, entry.range), entry.range, entry.moreEarn, entry.amount) });
        entry.moreEarn = await loadMoreEarnExtras(this.flows.connection.current.client, this.portfolio, target);
      }
      const product = buildMoreEarnState(target, this.portfolio, this.charts.get(target, entry.range), entry.range, entry.moreEarn, entry.amount);
      entry.state = product;
      if (this.open.get(entry.key) === entry && entry.panel.title !== product.title) entry.panel.title = product.title;
    } else {
      await Promise.all(productAreas(target).map((a) => this.portfolio.ensure(a)));
      // A chart still loading posts again as its pages arrive. Asked for before the state is built, so that a
      // range not known yet reads as loading rather than as a shorter history that is complete.
      this.charts.load(target, entry.range, () => {
        if (this.open.get(entry.key) === entry) void this.render(entry, false);
      });
      const product = buildProductState(target, this.portfolio, this.charts.get(target, entry.range), entry.range);
      entry.state = product;
      // Opened before its product was known ("On-chain earn 101"): the tab takes the product's name.
      if (this.open.get(entry.key) === entry && entry.panel.title !== product.title) entry.panel.title = product.title;
    }
    this.post(entry, { type: 'state', state: entry.state });
  }

  /** Posts to a panel that is still open (a render that finishes after the panel was closed posts nothing). */
  private post(entry: OpenPanel, message: HostMessage): void {
    if (this.open.get(entry.key) !== entry) return;
    entry.panel.webview.postMessage(message).then(undefined, () => undefined);
  }

  dispose(): void {
    this.compare.dispose();
    for (const entry of this.open.values()) entry.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}


/**
 * The order a panel is about: by its key (the ordId). A panel saved before loan orders existed named its loan by
 * currency: it follows the one order that borrows that currency, if exactly one does.
 */
function findLoan(loans: readonly LoanInfo[], key: string): LoanInfo | undefined {
  const byKey = loans.find((l) => loanKeyOf(l) === key);
  if (byKey !== undefined) return byKey;
  const byCcy = loans.filter((l) => borrowedCcys(l) === key.replace(/^ccy:/, ''));
  return byCcy.length === 1 ? byCcy[0] : undefined;
}

/** Composition root: builds the objects, registers views and commands, nothing else. */
import * as vscode from 'vscode';
import { ChatTools } from './chat/lazyTools';
import { EXPORT_COMMAND_IDS, KEY_COMMAND_IDS, PANEL_COMMAND_IDS, PRODUCTS_FILTER_COMMAND_IDS, SANDBOX_COMMAND_IDS } from './commands/commandIds';
import { LazyCommands } from './commands/lazyCommands';
import { LazyFlows } from './commands/lazyFlows';
import { PendingMoves, connectionKey, type PendingMove } from './commands/pendingMoves';
import { LazyPanels } from './panels/lazyPanels';
import type { PanelSnapshot } from './panels/panels';
import { Connection, type ConnectionState } from './connection';
import { CredentialStore } from './credentials';
import { fullErrorText, retryText } from './messages';
import { AREA_IDS, Portfolio, type AreaId, type HistoryKind } from './portfolio/portfolio';
import { fileFollowUps, followUpAccount } from './portfolio/followUpMemory';
import { loanKey, ltvLevel, riskiestLoan } from './portfolio/risk';
import { readSettings } from './settings';
import { AutoRefresh } from './views/autoRefresh';
import { LazyTree } from './views/lazyTree';
import { LtvStatusItem, type LtvSnapshot } from './views/ltvStatusItem';
import type { TreeNode } from './views/nodes';
import { VIEW_AREAS } from './views/viewAreas';
import { VIEW_IDS, type ViewKey } from './views/viewIds';
import { pendingChanged, setPendingSource } from './views/pendingRows';
import { registerWalkthrough } from './walkthrough';
import { publicSocketUrl } from './okx/environments';
import { LazyLiveWatch } from './portfolio/lazyLiveWatch';
import { setLiveWatch } from './views/liveFigures';

/** What the extension hands to other extensions and to its own integration tests. Nothing secret. */
export interface OkxEarnApi {
  /** Wall time spent inside activate(), in milliseconds. */
  readonly activationMs: number;
  /** Resolves once the connection reflects the current settings and keys. */
  whenConnected(): Promise<void>;
  /**
   * For tests only: OKX's rate-limit windows multiplied by `scale` (0 < scale ≤ 1; 1 restores them), so that a
   * test of a flow need not wait out OKX's limits. Honoured against a simulator on this machine (a loopback
   * address) only: against OKX the client keeps OKX's limits whatever is asked (src/okx/testRateLimits).
   */
  useTestRateLimitScale(scale: number): Promise<void>;
  /** What the status-bar LTV indicator shows now. */
  ltvIndicator(): LtvSnapshot;
  /** The label the views show in their title (profile · environment). */
  connectionLabel(): string;
  /** The sandbox simulator's URL while the Sandbox environment is in use. */
  sandboxUrl(): string | undefined;
  /** Names of the stored profiles and whether each has a key in SecretStorage (never the key). */
  storedProfiles(): Promise<{ name: string; hasKey: boolean }[]>;
  /** A view as VS Code gets it from its provider: labels and descriptions, expanded to `depth`. */
  renderView(view: ViewKey, depth?: number): Promise<RenderedItem[]>;
  /** The open panels and the state last posted to each. */
  panels(): PanelSnapshot[];
  /** Hands a message to a panel as if its webview had sent it. */
  deliverToPanel(key: string, message: unknown): Promise<void>;
  /** The chat tools registered now (the action tools only while okxEarn.chat.actionTools allows them). */
  chatTools(): string[];
  /** Money moves whose outcome is still unknown (all connections). */
  pendingMoves(): readonly PendingMove[];
  /**
   * For tests only: how soon an unknown outcome is looked up again, in the flow's window (ms after the answer)
   * and in the background (ms between checks). Undefined restores OKX-paced defaults.
   */
  setCheckTimings(window: readonly number[] | undefined, background: readonly number[] | undefined): void;
  /** For tests: runs the background check of every due pending move now. */
  checkPendingNow(): Promise<void>;
  /** For tests: forgets the requests done in the last minute (so that a repeated one is not asked "Again?"). */
  forgetRecentMoves(): void;
  /** The live LTV watch's state: 'live', or 'paused: <reason>' / 'off: <reason>' (for tests). */
  livePrices(): string;
}

export interface RenderedItem {
  readonly id: string | undefined;
  readonly label: string;
  readonly description: string;
  readonly contextValue: string | undefined;
  /** The tooltip as text (a Markdown tooltip's source). */
  readonly tooltip: string;
  /** What a click or Enter runs. */
  readonly command: { readonly command: string; readonly arguments: readonly unknown[] } | undefined;
  readonly children: RenderedItem[];
}

async function render(tree: LazyTree, node: TreeNode | undefined, depth: number): Promise<RenderedItem[]> {
  const nodes = await tree.getChildren(node);
  return Promise.all(
    nodes.map(async (child) => {
      const item = tree.getTreeItem(child);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      const expandable = item.collapsibleState !== vscode.TreeItemCollapsibleState.None;
      return {
        id: item.id,
        label,
        description: typeof item.description === 'string' ? item.description : '',
        contextValue: item.contextValue,
        tooltip: typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? ''),
        command: item.command === undefined ? undefined : { command: item.command.command, arguments: item.command.arguments ?? [] },
        children: expandable && depth > 0 ? await render(tree, child, depth - 1) : [],
      };
    }),
  );
}

export function activate(context: vscode.ExtensionContext): OkxEarnApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel(vscode.l10n.t('OKX Earn'), { log: true });
  const store = new CredentialStore(context.secrets, context.globalState);
  const connection = new Connection(store, vscode.Uri.joinPath(context.globalStorageUri, 'sandbox-state.json'), log);
  const portfolio = new Portfolio(undefined);
  const warnDistance = (): string => readSettings().ltvWarningDistance;

  // Each view's code loads when VS Code first asks for its items (./views/lazyTree).
  const trees = {
    overview: new LazyTree(VIEW_AREAS.overview, async () => new (await import('./views/overviewView')).OverviewView(portfolio)),
    staking: new LazyTree(VIEW_AREAS.staking, async () => new (await import('./views/stakingView')).StakingView(portfolio)),
    savings: new LazyTree(VIEW_AREAS.savings, async () => new (await import('./views/savingsView')).SavingsView(portfolio)),
    moreEarn: new LazyTree(VIEW_AREAS.moreEarn, async () => new (await import('./views/moreEarnView')).MoreEarnView(portfolio)),
    loans: new LazyTree(VIEW_AREAS.loans, async () => new (await import('./views/loansView')).LoansView(portfolio, warnDistance)),
    products: new LazyTree(VIEW_AREAS.products, async () => {
      const [{ ProductsView }, { registerProductsFilter }] = await Promise.all([import('./views/productsView'), import('./commands/productsFilter')]);
      const tree = new ProductsView(portfolio);
      // The filter's commands with it, and the stored filter applied before the first render.
      filterRegistration(() => registerProductsFilter(context.globalState, portfolio, tree, views.products));
      await productsFilter.loaded();
      return tree;
    }),
  } satisfies Record<ViewKey, LazyTree>;
  let filterRegistration: (register: () => vscode.Disposable[]) => void = () => undefined;
  const filterRegistered = new Promise<() => vscode.Disposable[]>((resolve) => (filterRegistration = resolve));
  const productsFilter = new LazyCommands(PRODUCTS_FILTER_COMMAND_IDS, () => {
    void trees.products.loaded();
    return filterRegistered;
  });
  const views = {} as Record<ViewKey, vscode.TreeView<TreeNode>>;
  for (const key of Object.keys(VIEW_IDS) as ViewKey[]) {
    views[key] = vscode.window.createTreeView(VIEW_IDS[key], { treeDataProvider: trees[key], showCollapseAll: true });
    context.subscriptions.push(trees[key], views[key]);
  }
  // The LTV between polls: OKX's index prices over its public WebSocket (okxEarn.livePrices), calibrated at
  // every poll against OKX's own figure; a crossing asks OKX for the loans at once (within the rate limit). Its
  // code loads once there is a loan order to watch (./portfolio/lazyLiveWatch).
  const liveWatch = new LazyLiveWatch(portfolio, readSettings().livePrices, async (enabled) => {
    const [{ LiveLoanWatch, followPortfolio }, { PublicSocket }] = await Promise.all([import('./portfolio/liveLoanWatch'), import('./okx/publicSocket')]);
    const watch = new LiveLoanWatch({
      openSocket: () => {
        const client = connection.current.client;
        if (client === undefined) throw new Error('No connection for live prices');
        return new PublicSocket({ url: publicSocketUrl(client.environment), log: (line) => log.debug(`Live prices: ${line}`) });
      },
      confirm: () => void portfolio.refresh(['loans'], { fresh: true }),
      warnDistance,
    });
    watch.enabled = enabled;
    context.subscriptions.push(setLiveWatch(watch), followPortfolio(watch, portfolio));
    return watch;
  });
  context.subscriptions.push({ dispose: () => liveWatch.dispose() });
  const ltv = new LtvStatusItem(portfolio, warnDistance);
  const autoRefresh = new AutoRefresh(portfolio, (Object.keys(VIEW_IDS) as ViewKey[]).map((key) => ({ tree: trees[key], view: views[key] })), () => readSettings().autoRefreshMs);
  context.subscriptions.push(log, store, connection, ltv, autoRefresh, { dispose: () => portfolio.dispose() });

  // The Loans view's badge counts loans near or over margin call.
  context.subscriptions.push(
    portfolio.onDidChange((areas) => {
      if (!areas.includes('loans')) return;
      const state = portfolio.get('loans');
      const loans = 'data' in state && state.data !== undefined ? state.data.loans : [];
      const atRisk = loans.filter((loan) => ltvLevel(loan, warnDistance()) !== 'safe').length;
      views.loans.badge =
        atRisk === 0
          ? undefined
          : { value: atRisk, tooltip: atRisk === 1 ? vscode.l10n.t('1 loan order near or over margin call') : vscode.l10n.t('{0} loan orders near or over margin call', atRisk) };
    }),
  );

  const applyConnection = (state: ConnectionState): void => {
    // Another host: the live prices of the old one stop (the socket reopens for the new one's loans).
    liveWatch.forgetLoans(Date.now());
    // What the last session asked per order and coin on this host and profile goes out with the first refresh.
    const account = followUpAccount(state.environment, state.client?.environment.baseUrl, state.profile);
    portfolio.setClient(state.client, account === undefined ? undefined : fileFollowUps(vscode.Uri.joinPath(context.globalStorageUri, 'follow-ups.json').fsPath, account));
    for (const view of Object.values(views)) view.description = state.label;
    if (state.problem !== undefined) void vscode.window.showErrorMessage(state.problem);
    // Loans (for the status bar) load at once, whether or not the sidebar is open.
    if (portfolio.hasCredentials) void portfolio.refresh(['loans']);
  };
  context.subscriptions.push(
    connection.onDidChange(applyConnection),
    // A read waiting to be sent again says so, and until when, for as long as it waits.
    connection.onDidRetry((event) => vscode.window.setStatusBarMessage(`$(watch) ${retryText(event)}`, Math.max(event.delayMs, 1000))),
    store.onDidChange(() => void connection.update()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (['okxEarn.environment', 'okxEarn.customBaseUrl', 'okxEarn.requestTimeoutSeconds'].some((s) => e.affectsConfiguration(s))) {
        void connection.update();
      }
      if (e.affectsConfiguration('okxEarn.autoRefreshSeconds')) autoRefresh.reschedule();
      if (e.affectsConfiguration('okxEarn.livePrices')) liveWatch.enabled = readSettings().livePrices;
      // Totals in another unit: shown again from the prices already read (nothing is asked of OKX).
      if (e.affectsConfiguration('okxEarn.valuationUnit')) portfolio.reshow(['prices']);
      if (e.affectsConfiguration('okxEarn.ltvWarningPoints')) {
        ltv.update();
        trees.loans.refresh();
      }
    }),
  );

  // Money moves whose outcome is unknown: kept across reloads, shown as rows, checked in the background. The
  // flows, the chat tools and the other commands' code load on first use (./commands/lazyCommands).
  const pending = new PendingMoves(context.globalState);
  const flows = { connection, portfolio, log, pending };
  const lazyFlows = new LazyFlows(flows, pending);
  setPendingSource({ moves: () => pending.of(connectionKey(flows)), resendable: (id) => lazyFlows.resendable(id) });
  context.subscriptions.push(lazyFlows, pending.onDidChange(pendingChanged), connection.onDidChange(() => pendingChanged()));
  const chatTools = new ChatTools(async () => {
    // The flows first: what an action tool runs is theirs, and so is the one-at-a-time guard's "Already open".
    await lazyFlows.load();
    const { ChatToolRunner } = await import('./chat/tools');
    return new ChatToolRunner(flows);
  });
  // The panel hosts load when a panel is first opened or restored (./panels/lazyPanels).
  const panels = new LazyPanels(async () => {
    const { Panels } = await import('./panels/panels');
    return new Panels(context.extensionUri, portfolio, flows, warnDistance, vscode.Uri.joinPath(context.globalStorageUri, 'rate-history').fsPath);
  }, log);
  context.subscriptions.push(
    panels,
    chatTools,
    new LazyCommands(KEY_COMMAND_IDS, async () => {
      const { registerKeyCommands } = await import('./commands/keys');
      return () => registerKeyCommands(store, connection);
    }),
    new LazyCommands(SANDBOX_COMMAND_IDS, async () => {
      const { registerSandboxBadDay, registerSandboxMovePrice } = await import('./commands/sandboxCommands');
      return () => [registerSandboxBadDay(connection), registerSandboxMovePrice(connection)];
    }),
    new LazyCommands(PANEL_COMMAND_IDS, async () => {
      const { registerPanelCommands } = await import('./commands/panels');
      return () => registerPanelCommands(panels, portfolio);
    }),
    new LazyCommands(EXPORT_COMMAND_IDS, async () => {
      const { registerExportCommands } = await import('./commands/export');
      return () => registerExportCommands(flows, context.globalState);
    }),
    productsFilter,
    vscode.commands.registerCommand('okxEarn.refresh', async () => {
      await autoRefresh.refreshVisible();
      const failed = AREA_IDS.map((area) => portfolio.get(area))
        .find((state) => state.status === 'error');
      if (failed?.status === 'error') log.warn(`Refresh: ${fullErrorText(failed.error)}`);
    }),
    // Retry (on an area that failed) reads it again, however recently it was read.
    vscode.commands.registerCommand('okxEarn.retry', (area: AreaId) => portfolio.refresh([area], { fresh: true })),
    vscode.commands.registerCommand('okxEarn.loadMore', async (kind: HistoryKind, scope?: string) => {
      await portfolio.history(kind, scope)?.loadMore();
      for (const tree of Object.values(trees)) tree.refresh();
    }),
    vscode.commands.registerCommand('okxEarn.revealLoan', async (key?: unknown) => {
      await vscode.commands.executeCommand(`${VIEW_IDS.loans}.focus`);
      const roots = await trees.loans.getChildren();
      // The order named, or (from the palette) the riskiest.
      const state = portfolio.get('loans');
      const riskiest = riskiestLoan('data' in state ? (state.data?.loans ?? []) : [], warnDistance())?.loan;
      const wanted = typeof key === 'string' ? key : riskiest === undefined ? undefined : loanKey(riskiest);
      const { LoansView } = await import('./views/loansView');
      const node = roots.find((n) => wanted !== undefined && n.id === LoansView.nodeId(wanted)) ?? roots[0];
      if (node !== undefined) await views.loans.reveal(node, { select: true, focus: true, expand: true });
    }),
    vscode.commands.registerCommand('okxEarn.showLog', () => log.show()),
  );

  context.subscriptions.push(...registerWalkthrough(context, store, connection, [views.staking, views.savings, views.loans, views.products]));
  void connection.update();
  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms`);
  return {
    activationMs,
    whenConnected: () => connection.settled(),
    useTestRateLimitScale: (scale) => connection.useTestRateLimitScale(scale),
    ltvIndicator: () => ltv.snapshot,
    connectionLabel: () => connection.current.label,
    sandboxUrl: () => connection.sandbox?.url,
    storedProfiles: () => Promise.all(store.profiles().map(async (name) => ({ name, hasKey: (await store.get(name)) !== undefined }))),
    renderView: (view, depth = 2) => render(trees[view], undefined, depth),
    panels: () => panels.snapshot(),
    deliverToPanel: (key, message) => panels.deliver(key, message),
    chatTools: () => chatTools.registered(),
    pendingMoves: () => pending.all(),
    setCheckTimings: (window, background) => lazyFlows.setCheckTimings(window, background),
    checkPendingNow: () => lazyFlows.checkPendingNow(),
    forgetRecentMoves: () => lazyFlows.forgetRecentMoves(),
    livePrices: () => {
      const status = liveWatch.status;
      return status.state === 'live' ? 'live' : `${status.state}: ${status.reason}${status.state === 'paused' && status.detail !== undefined ? ` (${status.detail})` : ''}`;
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

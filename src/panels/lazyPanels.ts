/**
 * The panels as the rest of the extension sees them, with the panel hosts (./panels and what only it uses)
 * loaded when a panel is first opened or restored, not when the extension starts. The serializers are
 * registered at once, so panels left open come back after a reload.
 */
import * as vscode from 'vscode';
import type { PanelSnapshot, Panels } from './panels';
import type { ProductTarget } from './productState';
import { COMPARE_VIEW, LTV_VIEW, PORTFOLIO_VIEW, PRODUCT_VIEW } from './viewTypes';

/** What the commands open panels with. */
export interface PanelOpener {
  openProduct(target: ProductTarget): void;
  /** The Portfolio panel (one at most). */
  openPortfolio(): void;
  /** The LTV panel of one loan order (`loanKey` is its ordId). */
  openLtv(loanKey: string): void;
  /** The Compare panel (one at most) for a currency. */
  openCompare(ccy: string): void;
}

export class LazyPanels implements PanelOpener, vscode.Disposable {
  private loading: Promise<Panels> | undefined;
  private panels: Panels | undefined;
  private disposed = false;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly create: () => Promise<Panels>,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables = [PRODUCT_VIEW, LTV_VIEW, PORTFOLIO_VIEW, COMPARE_VIEW].map((viewType) =>
      vscode.window.registerWebviewPanelSerializer(viewType, {
        deserializeWebviewPanel: async (panel, state) => {
          const panels = await this.load().catch(() => undefined);
          if (panels === undefined) panel.dispose();
          else await panels.restore(panel, viewType, state);
        },
      }),
    );
  }

  openProduct(target: ProductTarget): void {
    void this.load().then((panels) => panels.openProduct(target), () => undefined);
  }

  openPortfolio(): void {
    void this.load().then((panels) => panels.openPortfolio(), () => undefined);
  }

  openLtv(loanKey: string): void {
    void this.load().then((panels) => panels.openLtv(loanKey), () => undefined);
  }

  openCompare(ccy: string): void {
    void this.load().then((panels) => panels.openCompare(ccy), () => undefined);
  }

  /** The open panels (none before the hosts are loaded). */
  snapshot(): PanelSnapshot[] {
    return this.panels?.snapshot() ?? [];
  }

  async deliver(key: string, message: unknown): Promise<void> {
    await this.panels?.deliver(key, message);
  }

  private load(): Promise<Panels> {
    this.loading ??= this.create().then(
      (panels) => {
        if (this.disposed) panels.dispose();
        else this.panels = panels;
        return panels;
      },
      (error: unknown) => {
        this.loading = undefined;
        const detail = error instanceof Error ? error.message : String(error);
        this.log.error(`The panels could not be loaded: ${detail}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('The panel could not be opened: {0}', detail));
        throw error;
      },
    );
    return this.loading;
  }

  dispose(): void {
    this.disposed = true;
    this.panels?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * Keeps what is on screen fresh: every interval it reloads the areas of the views that are visible, pauses
 * while the window is unfocused, and always reloads loans for the status-bar LTV indicator, which keeps its
 * own schedule whether or not the sidebar is open. Each area is one or a few requests to distinct endpoints,
 * so a full refresh stays far inside every rate limit (and the client's limiter enforces them anyway).
 */
import * as vscode from 'vscode';
import type { AreaId, Portfolio } from '../portfolio/portfolio';
import type { PortfolioTree } from './portfolioTree';

export interface ShownTree {
  readonly tree: PortfolioTree;
  readonly view: vscode.TreeView<unknown>;
}

export class AutoRefresh implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private lastRun = 0;

  constructor(
    private readonly portfolio: Portfolio,
    private readonly trees: readonly ShownTree[],
    private readonly intervalMs: () => number,
  ) {
    this.subscriptions.push(
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused && Date.now() - this.lastRun >= this.intervalMs()) void this.tick();
      }),
      // A view shown again after a while catches up at once rather than at the next tick.
      ...trees.map(({ tree, view }) =>
        view.onDidChangeVisibility((e) => {
          if (e.visible && tree.areas.some((area) => this.isStale(area))) void this.portfolio.refresh(tree.areas);
        }),
      ),
    );
    this.schedule();
  }

  /** Areas a refresh reloads now: those of visible views while focused, and loans for the status bar. */
  dueAreas(): AreaId[] {
    const areas = new Set<AreaId>(['loans']);
    if (vscode.window.state.focused) {
      for (const { tree, view } of this.trees) if (view.visible) tree.areas.forEach((area) => areas.add(area));
    }
    return [...areas];
  }

  /** Reloads everything visible now (the Refresh command), whatever the schedule. */
  async refreshVisible(): Promise<void> {
    const areas = new Set<AreaId>(['loans']);
    for (const { tree, view } of this.trees) if (view.visible) tree.areas.forEach((area) => areas.add(area));
    this.lastRun = Date.now();
    await this.portfolio.refresh([...areas]);
  }

  private isStale(area: AreaId): boolean {
    const state = this.portfolio.get(area);
    return state.status === 'ready' && Date.now() - state.updatedAt >= this.intervalMs();
  }

  /** Starts the schedule again (after the interval setting changed). */
  reschedule(): void {
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), this.intervalMs());
  }

  private async tick(): Promise<void> {
    clearTimeout(this.timer);
    this.lastRun = Date.now();
    try {
      await this.portfolio.refresh(this.dueAreas());
    } finally {
      this.schedule();
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}

/**
 * Keeps what is on screen fresh: every interval it reloads the areas of the views that are visible, pauses
 * while the window is unfocused, and reloads the loans for the status-bar LTV indicator while there is a loan,
 * whether or not the sidebar is open (../portfolio/pollPlan). A hidden view's areas are read when it is shown;
 * what is younger than its endpoints' rate window is not asked again (Portfolio.isFresh).
 */
import * as vscode from 'vscode';
import { outdatedByLoans, pollAreas } from '../portfolio/pollPlan';
import type { AreaId, Portfolio } from '../portfolio/portfolio';

export interface ShownTree {
  /** What the view shows (its code may not have loaded yet: ./lazyTree). */
  readonly tree: { readonly areas: readonly AreaId[] };
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
        else if (state.focused) this.catchUpWithLoans(this.shownAreas());
      }),
      // A view shown again after a while catches up at once rather than at the next tick.
      ...trees.map(({ tree, view }) =>
        view.onDidChangeVisibility((e) => {
          if (!e.visible) return;
          if (tree.areas.some((area) => this.isStale(area))) void this.portfolio.refresh(tree.areas);
          this.catchUpWithLoans(tree.areas);
        }),
      ),
      // Loans read again (the status bar's poll, a live-LTV confirmation, a loan flow) while the Loans view shows
      // what can be taken back: that is asked again for the orders as they are now.
      portfolio.onDidChange((changed) => {
        if (changed.includes('loans') && vscode.window.state.focused) this.catchUpWithLoans(this.shownAreas());
      }),
    );
    this.schedule();
  }

  private catchUpWithLoans(shown: Iterable<AreaId>): void {
    const outdated = outdatedByLoans(this.portfolio, shown);
    if (outdated.length > 0) void this.portfolio.refresh(outdated, { fresh: true });
  }

  /** The areas of the views visible now. */
  private shownAreas(): Set<AreaId> {
    const areas = new Set<AreaId>();
    for (const { tree, view } of this.trees) if (view.visible) tree.areas.forEach((area) => areas.add(area));
    return areas;
  }

  /** Areas a poll reloads now: those of visible views while focused, and the loans while the status bar needs them. */
  dueAreas(): AreaId[] {
    return pollAreas(this.portfolio, vscode.window.state.focused ? this.shownAreas() : []);
  }

  /** Reloads everything visible now (the Refresh command), whatever the schedule, and the loans (the status bar). */
  async refreshVisible(): Promise<void> {
    const areas = this.shownAreas().add('loans');
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

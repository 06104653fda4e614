/**
 * The money flows, loaded on first use (./flows): their commands are registered at start-up with stand-ins
 * (./lazyCommands), and the background checks of pending moves start once there is one to check, now (moves kept
 * from an earlier session) or later. Until the flows have loaded, nothing of this session can be sent again.
 */
import type * as vscode from 'vscode';
import { MONEY_COMMAND_IDS, PENDING_COMMAND_IDS } from './commandIds';
import type { PendingChecker } from './pendingChecker';
import { LazyCommands } from './lazyCommands';
import type { FlowContext } from './moneyAction';
import type { PendingMoves } from './pendingMoves';

type FlowsModule = typeof import('./flows');

export class LazyFlows implements vscode.Disposable {
  private module: FlowsModule | undefined;
  private loading: Promise<FlowsModule> | undefined;
  private checker: PendingChecker | undefined;
  private readonly subscriptions: { dispose(): void }[] = [];
  /** Test timings asked for before the flows loaded, applied when they do. */
  private timings: { window: readonly number[] | undefined; background: readonly number[] | undefined } | undefined;

  constructor(
    private readonly flows: FlowContext,
    private readonly pending: PendingMoves,
  ) {
    this.subscriptions.push(
      new LazyCommands(MONEY_COMMAND_IDS, async () => {
        const module = await this.load();
        return () => module.registerMoneyCommands(this.flows);
      }),
      new LazyCommands(PENDING_COMMAND_IDS, async () => {
        const checker = await this.startChecker();
        return () => checker.registerCommands();
      }),
      pending.onDidChange(() => void this.checkWhenPending()),
    );
    void this.checkWhenPending();
  }

  /** The flows' module (loaded once). */
  load(): Promise<FlowsModule> {
    this.loading ??= import('./flows').then(
      (module) => {
        this.module = module;
        if (this.timings !== undefined) this.applyTimings(module, this.timings);
        return module;
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  private async checkWhenPending(): Promise<void> {
    if (this.pending.all().length > 0) await this.startChecker();
  }

  private async startChecker(): Promise<PendingChecker> {
    const module = await this.load();
    if (this.checker === undefined) {
      this.checker = new module.PendingChecker(this.flows, this.pending);
      if (this.timings !== undefined) this.checker.setSchedule(this.timings.background);
    }
    return this.checker;
  }

  /** Whether pending move `id` can be sent again with its key now (only a move sent in this session can). */
  resendable(id: string): boolean {
    return this.module?.resendableNow(this.flows, id) !== undefined;
  }

  /** For tests: how soon unknown outcomes are looked up again (undefined: OKX-paced defaults). */
  setCheckTimings(window: readonly number[] | undefined, background: readonly number[] | undefined): void {
    this.timings = { window, background };
    if (this.module !== undefined) this.applyTimings(this.module, this.timings);
  }

  private applyTimings(module: FlowsModule, timings: { window: readonly number[] | undefined; background: readonly number[] | undefined }): void {
    module.setCheckSchedule(timings.window);
    this.checker?.setSchedule(timings.background);
  }

  /** For tests: checks every due pending move now. */
  async checkPendingNow(): Promise<void> {
    await (await this.startChecker()).checkDue();
  }

  /** For tests: forgets the requests done in the last minute. */
  forgetRecentMoves(): void {
    this.module?.forgetRecentlyDone();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.checker?.dispose();
  }
}

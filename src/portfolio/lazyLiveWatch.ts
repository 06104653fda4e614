/**
 * The live LTV (./liveLoanWatch and OKX's public socket) loads once there is a loan order to watch: an account
 * without loans never loads it. Until then its status is the one the watch gives without orders. No `vscode`
 * import.
 */
import type { Subscription } from './emitter';
import type { LiveLoanWatch, LiveWatchStatus } from './liveLoanWatch';
import type { Portfolio } from './portfolio';

export class LazyLiveWatch {
  private watch: LiveLoanWatch | undefined;
  private loading: Promise<LiveLoanWatch> | undefined;
  private on: boolean;
  private readonly subscription: Subscription;

  /** `create` loads the watch, on or off, and wires it to the portfolio and the views (the extension's composition). */
  constructor(
    private readonly portfolio: Pick<Portfolio, 'get' | 'onDidChange'>,
    enabled: boolean,
    private readonly create: (enabled: boolean) => Promise<LiveLoanWatch>,
  ) {
    this.on = enabled;
    this.subscription = portfolio.onDidChange((areas) => {
      if (areas.includes('loans')) this.loadIfLoans();
    });
    this.loadIfLoans();
  }

  /** The setting `okxEarn.livePrices`. */
  set enabled(on: boolean) {
    this.on = on;
    if (this.watch !== undefined) this.watch.enabled = on;
  }

  get status(): LiveWatchStatus {
    return this.watch?.status ?? { state: 'off', reason: this.on ? 'noLoans' : 'disabled' };
  }

  /** Another connection: the old host's live prices stop (the socket reopens for the new one's loans). */
  forgetLoans(now: number): void {
    this.watch?.setLoans([], now);
  }

  /** The watch, once loaded (for tests and the bench). */
  loaded(): Promise<LiveLoanWatch> | undefined {
    return this.loading;
  }

  private loadIfLoans(): void {
    const loans = this.portfolio.get('loans');
    if (this.loading !== undefined || loans.status !== 'ready' || loans.data.loans.length === 0) return;
    this.loading = this.create(this.on).then(
      (watch) => {
        // The setting may have changed while it loaded.
        watch.enabled = this.on;
        this.watch = watch;
        return watch;
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    // A failed load (the module missing) is tried again with the next loans.
    this.loading.catch(() => undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.watch?.dispose();
  }
}

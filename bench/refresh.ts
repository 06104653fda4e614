/**
 * Refreshes against the simulator answering after 50 ms (with OKX's rate limits: a request over one is refused
 * with 50011), behind a TCP pass-through that counts connections, requests counted at the simulator.
 *
 * Ours runs the Portfolio as the extension does, "after" (this tree) and "before" (./before), each through what
 * the extension asks in each case: a full refresh with every view shown (every area), cold on new connections
 * (after one elsewhere, not measured, so that its code is loaded and warm), again straight after, and again once
 * the rate windows have passed (a poll); then a status-bar poll with the sidebar closed, with a loan and without
 * one. The peers send the requests of our cold refresh (the same paths and queries), all at once, cold and again
 * straight after: they keep nothing.
 */
import type { EndpointId } from '../src/okx/endpoints';
import { OkxClient } from '../src/okx/client';
import { customEnvironment } from '../src/okx/environments';
import { memoryFollowUps, type FollowUpStore } from '../src/portfolio/followUpMemory';
import { pollAreas } from '../src/portfolio/pollPlan';
import { AREA_IDS, Portfolio } from '../src/portfolio/portfolio';
import { SANDBOX_CREDENTIALS, Simulator } from '../src/simulator/server';
import { ConnectionCounter } from '../test/unit/support/connectionCounter';
import type { ClientModule, PortfolioLike } from './before';
import type { PeerFactory } from './clients';

export const LATENCY_MS = 50;
/** Longer than every window of the endpoints a refresh reads (2 s): "once the windows have passed". */
const PAST_WINDOWS_MS = 2_100;

export interface RefreshRun {
  readonly tookMs: number;
  readonly requests: number;
  readonly connections: number;
  /** Requests the simulator refused with 50011 (over a rate limit). */
  readonly refused: number;
  /** Areas that failed (ours) or requests that failed (peers). */
  readonly failed: number;
}

export interface RefreshResult {
  readonly client: string;
  readonly cold: RefreshRun;
  readonly warm: RefreshRun;
}

/** Ours, at one commit: what it asks in each case. */
export interface OurRuns {
  readonly client: string;
  readonly cold: RefreshRun;
  /** Cold, in a new session that has what the last one kept (./followUpMemory); the same as `cold` where nothing is kept. */
  readonly coldKept: RefreshRun;
  readonly again: RefreshRun;
  readonly poll: RefreshRun;
  readonly statusBar: RefreshRun;
  readonly statusBarNoLoan: RefreshRun;
}

interface Sent {
  readonly id: EndpointId;
  readonly params: Record<string, string>;
}

/** A Portfolio at some commit, and what its status-bar poll asks with no view shown. */
export interface Subject {
  readonly name: string;
  readonly areas: readonly string[];
  /**
   * `rateLimitScale`: OKX's windows shortened (the quick mode), on the simulator and the client alike. `kept`:
   * where the session keeps its follow-ups for the next (a commit without them ignores it).
   */
  portfolio(url: string, rateLimitScale: number, kept?: FollowUpStore): PortfolioLike;
  statusBarAreas(portfolio: PortfolioLike): readonly string[];
}

/** This tree. */
export const AFTER: Subject = {
  name: 'okx-earn',
  areas: AREA_IDS,
  portfolio: (url, rateLimitScale, kept) => new Portfolio(new OkxClient({ environment: customEnvironment(url), credentials: SANDBOX_CREDENTIALS, rateLimitScale }), Date.now, kept),
  statusBarAreas: (portfolio) => pollAreas(portfolio as unknown as Portfolio, []),
};

/** Another commit's Portfolio (./before): its status bar polled the loans, whatever was shown. */
export function beforeSubject(label: string, module: ClientModule): Subject {
  return {
    name: `okx-earn before, ${label}`,
    areas: module.AREA_IDS,
    portfolio: (url, rateLimitScale) => new module.Portfolio(new module.OkxClient({ environment: module.customEnvironment(url), credentials: SANDBOX_CREDENTIALS, rateLimitScale })),
    statusBarAreas: () => ['loans'],
  };
}

async function withServer<T>(latencyMs: number, run: (url: string, sim: Simulator, counter: ConnectionCounter) => Promise<T>, rateLimitScale = 1): Promise<T> {
  const sim = await Simulator.start({ priceMotion: false, rateLimitScale });
  sim.faults.add({ fault: { kind: 'latency', ms: latencyMs } });
  const counter = await ConnectionCounter.start(sim.port);
  try {
    return await run(counter.url, sim, counter);
  } finally {
    await counter.close();
    await sim.close();
  }
}

async function measure(sim: Simulator, counter: ConnectionCounter, refresh: () => Promise<number>): Promise<RefreshRun> {
  const requests = sim.requests.length;
  const connections = counter.connections;
  const started = performance.now();
  const failed = await refresh();
  const tookMs = performance.now() - started;
  const sent = sim.requests.slice(requests);
  return { tookMs, requests: sent.length, connections: counter.connections - connections, refused: sent.filter((r) => r.code === '50011').length, failed };
}

/** Refreshes `areas` and counts those that failed. */
async function refreshFailures(portfolio: PortfolioLike, areas: readonly string[]): Promise<number> {
  await portfolio.refresh(areas);
  return areas.filter((area) => portfolio.get(area).status === 'error').length;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Ours, at the commit `subject` is of, in every case; and the requests of its cold refresh (for the peers). */
export async function ourRefreshes(subject: Subject, latencyMs = LATENCY_MS, rateLimitScale = 1): Promise<{ runs: OurRuns; sent: Sent[] }> {
  const pastWindows = (): Promise<void> => pause(PAST_WINDOWS_MS * rateLimitScale + 5);
  // A first refresh elsewhere, not measured: modules loaded and code warm, as in a window that has run a while;
  // what it keeps for the next session is the last session's, for `coldKept`.
  const kept = memoryFollowUps();
  await withServer(latencyMs, async (url) => {
    const portfolio = subject.portfolio(url, rateLimitScale, kept);
    await portfolio.refresh(subject.areas);
    portfolio.dispose();
  }, rateLimitScale);
  const coldKept = await withServer(latencyMs, async (url, sim, counter) => {
    const portfolio = subject.portfolio(url, rateLimitScale, kept);
    const run = await measure(sim, counter, () => refreshFailures(portfolio, subject.areas));
    portfolio.dispose();
    return run;
  }, rateLimitScale);
  const shown = await withServer(latencyMs, async (url, sim, counter) => {
    const portfolio = subject.portfolio(url, rateLimitScale);
    const failures = (areas: readonly string[]): Promise<number> => refreshFailures(portfolio, areas);
    const cold = await measure(sim, counter, () => failures(subject.areas));
    const sent = sim.requests.flatMap((r): Sent[] => (r.endpoint === undefined ? [] : [{ id: r.endpoint, params: Object.fromEntries(new URL(r.url, url).searchParams.entries()) }]));
    const again = await measure(sim, counter, () => failures(subject.areas));
    await pastWindows();
    const poll = await measure(sim, counter, () => failures(subject.areas));
    await pastWindows();
    const statusBar = await measure(sim, counter, () => failures(subject.statusBarAreas(portfolio)));
    portfolio.dispose();
    return { cold, again, poll, statusBar, sent };
  }, rateLimitScale);
  const statusBarNoLoan = await withServer(latencyMs, async (url, sim, counter) => {
    sim.state.loans.orders.length = 0;
    const portfolio = subject.portfolio(url, rateLimitScale);
    await portfolio.refresh(['loans']); // the first look, when the connection is made
    await pastWindows();
    const run = await measure(sim, counter, async () => {
      await portfolio.refresh(subject.statusBarAreas(portfolio));
      return 0;
    });
    portfolio.dispose();
    return run;
  }, rateLimitScale);
  const { sent, ...runs } = shown;
  return { runs: { client: subject.name, ...runs, coldKept, statusBarNoLoan }, sent };
}

export async function peerRefresh(make: PeerFactory, sent: readonly Sent[], latencyMs = LATENCY_MS): Promise<RefreshResult> {
  await withServer(latencyMs, async (url) => {
    const client = make(url, SANDBOX_CREDENTIALS);
    await Promise.allSettled(sent.map((s) => client.send(s.id, { ...s.params })));
  });
  return withServer(latencyMs, async (url, sim, counter) => {
    const client = make(url, SANDBOX_CREDENTIALS);
    const all = async (): Promise<number> => {
      const settled = await Promise.allSettled(sent.map((s) => client.send(s.id, { ...s.params })));
      return settled.filter((s) => s.status === 'rejected').length;
    };
    const cold = await measure(sim, counter, all);
    const warm = await measure(sim, counter, all);
    return { client: client.name, cold, warm };
  });
}

/**
 * Refreshes against the simulator answering 50 ms after each request arrives (with OKX's rate limits: a request
 * over one is refused with 50011), on a thread of its own (./simulatorThread), requests and connections counted
 * at the simulator.
 * Each case runs several times, each time on a new simulator and new connections: one refresh takes under a
 * tenth of a second, and a single one on 2 busy cores says little.
 *
 * Ours runs the Portfolio as the extension does, "after" (this tree) and "before" (./before), each through what
 * the extension asks in each case: a full refresh with every view shown (every area), cold on new connections
 * (after one elsewhere, not measured, so that its code is loaded and warm), again straight after, and again once
 * the rate windows have passed (a poll); then a status-bar poll with the sidebar closed, with a loan and without
 * one. The peers send the requests of our cold refresh (the same paths and queries), all at once, cold and again
 * straight after: they keep nothing.
 */
import * as http from 'node:http';
import { ENDPOINTS, type EndpointId } from '../src/okx/endpoints';
import { buildQuery } from '../src/okx/signing';
import { OkxClient } from '../src/okx/client';
import { customEnvironment } from '../src/okx/environments';
import { memoryFollowUps, type FollowUpStore } from '../src/portfolio/followUpMemory';
import { pollAreas } from '../src/portfolio/pollPlan';
import { AREA_IDS, Portfolio } from '../src/portfolio/portfolio';
import { SANDBOX_CREDENTIALS } from '../src/simulator/server';
import type { ClientModule, PortfolioLike } from './before';
import type { BenchClient, PeerFactory } from './clients';
import type { SimulatorThread, ThreadSimulator } from './simulatorThread';

export const LATENCY_MS = 50;
/** Longer than every window of the endpoints a refresh reads (2 s): "once the windows have passed". */
const PAST_WINDOWS_MS = 2_100;

/** One refresh, measured. */
export interface RefreshSample {
  readonly tookMs: number;
  readonly requests: number;
  readonly connections: number;
  /** Requests the simulator refused with 50011 (over a rate limit). */
  readonly refused: number;
  /** Areas that failed (ours) or requests that failed (peers). */
  readonly failed: number;
}

/** Repeated refreshes of one kind: the median time, the fastest and slowest, and the most any run asked or lost. */
export interface RefreshRun extends RefreshSample {
  readonly fastestMs: number;
  readonly slowestMs: number;
  readonly runs: number;
}

/** The middle of `sorted` (ascending), or the mean of its two middle values. */
export function median(sorted: readonly number[]): number {
  const mid = sorted.length / 2;
  return sorted.length % 2 === 1 ? (sorted[Math.floor(mid)] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

export function summarize(samples: readonly RefreshSample[]): RefreshRun {
  const times = samples.map((s) => s.tookMs).sort((a, b) => a - b);
  const tookMs = median(times);
  const most = (pick: (s: RefreshSample) => number): number => Math.max(...samples.map(pick));
  return {
    tookMs,
    fastestMs: times[0] ?? NaN,
    slowestMs: times[times.length - 1] ?? NaN,
    runs: samples.length,
    requests: most((s) => s.requests),
    connections: most((s) => s.connections),
    refused: most((s) => s.refused),
    failed: most((s) => s.failed),
  };
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

export interface Sent {
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

export async function withServer<T>(thread: SimulatorThread, latencyMs: number, run: (sim: ThreadSimulator) => Promise<T>, rateLimitScale = 1): Promise<T> {
  const sim = await thread.simulator(latencyMs, rateLimitScale);
  try {
    return await run(sim);
  } finally {
    await sim.close();
  }
}

export async function measure(sim: ThreadSimulator, refresh: () => Promise<number>): Promise<RefreshSample> {
  const before = await sim.counts();
  const started = performance.now();
  const failed = await refresh();
  const tookMs = performance.now() - started;
  const after = await sim.counts();
  const sent = await sim.requests(before.requests);
  return { tookMs, requests: sent.length, connections: after.connections - before.connections, refused: sent.filter((r) => r.code === '50011').length, failed };
}

/** Every request of `sent` at once from `client`; counts those that failed. */
export async function sendAll(client: BenchClient, sent: readonly Sent[]): Promise<number> {
  const settled = await Promise.allSettled(sent.map((s) => client.send(s.id, { ...s.params })));
  return settled.filter((s) => s.status === 'rejected').length;
}

/** Refreshes `areas` and counts those that failed. */
async function refreshFailures(portfolio: PortfolioLike, areas: readonly string[]): Promise<number> {
  await portfolio.refresh(areas);
  return areas.filter((area) => portfolio.get(area).status === 'error').length;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type OurSamples = { readonly [K in Exclude<keyof OurRuns, 'client'>]: RefreshSample };

/**
 * Ours, at the commits `subjects` are of (this tree, and "before"), in every case, `repeats` times over, in
 * turns: each repetition runs every subject once (each time on new simulators and new connections), starting
 * with a different one each time, so that the machine's drift over the minutes this takes weighs on all alike.
 * Also the requests of the first subject's cold refresh (for the peers).
 */
export async function ourRefreshes(thread: SimulatorThread, subjects: readonly Subject[], repeats: number, latencyMs = LATENCY_MS, rateLimitScale = 1): Promise<{ runs: OurRuns[]; sent: Sent[] }> {
  const samples = subjects.map((): OurSamples[] => []);
  let sent: Sent[] = [];
  for (let i = 0; i < repeats; i++) {
    for (let k = 0; k < subjects.length; k++) {
      const at = (i + k) % subjects.length;
      const subject = subjects[at];
      if (subject === undefined) continue;
      const once = await ourRefreshesOnce(thread, subject, latencyMs, rateLimitScale);
      samples[at]?.push(once.samples);
      if (at === 0 && sent.length === 0) sent = once.sent;
    }
  }
  const runs = subjects.map((subject, at): OurRuns => {
    const of = (kind: keyof OurSamples): RefreshRun => summarize((samples[at] ?? []).map((s) => s[kind]));
    return { client: subject.name, cold: of('cold'), coldKept: of('coldKept'), again: of('again'), poll: of('poll'), statusBar: of('statusBar'), statusBarNoLoan: of('statusBarNoLoan') };
  });
  return { runs, sent };
}

/**
 * A full refresh, cold, in a new session of an account seen before: a first session elsewhere, not measured
 * (modules loaded and code warm, as in a window that has run a while), keeps its look-ups for this one.
 */
export async function newSessionRefresh(thread: SimulatorThread, subject: Subject, latencyMs: number, rateLimitScale: number): Promise<RefreshSample> {
  const kept = memoryFollowUps();
  await withServer(thread, latencyMs, async (sim) => {
    const portfolio = subject.portfolio(sim.url, rateLimitScale, kept);
    await portfolio.refresh(subject.areas);
    portfolio.dispose();
  }, rateLimitScale);
  return withServer(thread, latencyMs, async (sim) => {
    const portfolio = subject.portfolio(sim.url, rateLimitScale, kept);
    const run = await measure(sim, () => refreshFailures(portfolio, subject.areas));
    portfolio.dispose();
    return run;
  }, rateLimitScale);
}

async function ourRefreshesOnce(thread: SimulatorThread, subject: Subject, latencyMs: number, rateLimitScale: number): Promise<{ samples: OurSamples; sent: Sent[] }> {
  const pastWindows = (): Promise<void> => pause(PAST_WINDOWS_MS * rateLimitScale + 5);
  const coldKept = await newSessionRefresh(thread, subject, latencyMs, rateLimitScale);
  const shown = await withServer(thread, latencyMs, async (sim) => {
    const portfolio = subject.portfolio(sim.url, rateLimitScale);
    const failures = (areas: readonly string[]): Promise<number> => refreshFailures(portfolio, areas);
    const cold = await measure(sim, () => failures(subject.areas));
    const sent = (await sim.requests()).flatMap((r): Sent[] => (r.endpoint === undefined ? [] : [{ id: r.endpoint, params: Object.fromEntries(new URL(r.url, sim.url).searchParams.entries()) }]));
    const again = await measure(sim, () => failures(subject.areas));
    await pastWindows();
    const poll = await measure(sim, () => failures(subject.areas));
    await pastWindows();
    const statusBar = await measure(sim, () => failures(subject.statusBarAreas(portfolio)));
    portfolio.dispose();
    return { cold, again, poll, statusBar, sent };
  }, rateLimitScale);
  const statusBarNoLoan = await withServer(thread, latencyMs, async (sim) => {
    await sim.removeLoans();
    const portfolio = subject.portfolio(sim.url, rateLimitScale);
    await portfolio.refresh(['loans']); // the first look, when the connection is made
    await pastWindows();
    const run = await measure(sim, async () => {
      await portfolio.refresh(subject.statusBarAreas(portfolio));
      return 0;
    });
    portfolio.dispose();
    return run;
  }, rateLimitScale);
  const { sent, ...runs } = shown;
  return { samples: { ...runs, coldKept, statusBarNoLoan }, sent };
}

/** A peer sending the requests of our cold refresh, all at once, cold and straight after, `repeats` times over. */
export async function peerRefresh(thread: SimulatorThread, make: PeerFactory, sent: readonly Sent[], repeats: number, latencyMs = LATENCY_MS): Promise<RefreshResult> {
  await withServer(thread, latencyMs, (sim) => sendAll(make(sim.url, SANDBOX_CREDENTIALS), sent));
  const cold: RefreshSample[] = [];
  const warm: RefreshSample[] = [];
  let name = '';
  for (let i = 0; i < repeats; i++) {
    await withServer(thread, latencyMs, async (sim) => {
      const client = make(sim.url, SANDBOX_CREDENTIALS);
      name = client.name;
      cold.push(await measure(sim, () => sendAll(client, sent)));
      warm.push(await measure(sim, () => sendAll(client, sent)));
    });
  }
  return { client: name, cold: summarize(cold), warm: summarize(warm) };
}

/**
 * Plain GETs of the same paths and queries through Node's `http` and its global agent, unsigned (the simulator
 * answers each with an auth error, after the same round trip, having done no work), their bodies read and nothing
 * else. The floor for the requests themselves is the same signed (./refreshInTurns, nodeHttpSigned).
 */
export function nodeHttpAlone(baseUrl: string): BenchClient {
  const get = (url: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      http
        .get(url, (res) => {
          res.resume();
          res.on('end', () => resolve(undefined));
          res.on('error', reject);
        })
        .on('error', reject);
    });
  return {
    name: "Node's http alone (unsigned)",
    send: (id, params) => get(`${baseUrl}${ENDPOINTS[id].path}${buildQuery(params)}`),
  };
}

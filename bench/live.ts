/**
 * The live LTV watch (issue 24) against polling: the simulator in-process (REST and its `/ws/v5/public` on
 * loopback, real sockets), a real Portfolio on a real OkxClient, and the LiveLoanWatch wired as src/extension.ts
 * wires it (a PublicSocket on publicSocketUrl(client.environment), confirm → a fresh refresh of the loans,
 * followPortfolio). The alert is what the status bar raises: LtvCrossingWatch (src/portfolio/risk.ts) fed with
 * the loans area at each change, so it fires on OKX's confirmed figure, after the refresh the crossing asked for.
 *
 * - Jumps: BTC alternately −12 % (the demo's USDT order, LTV 0.66 in the warning band, crosses its 0.70 margin
 *   call) and back (+13.6 %). For each: the time from `sim.publicSocket.jump` to the watch's estimate at the new
 *   level (what the status bar shows) and to OKX's confirmed figure there (down: the alert).
 * - REST: the requests the simulator received while the loans are polled and prices move without crossing,
 *   with the socket open and with polling alone (okxEarn.livePrices off), scaled to an hour.
 */
import { OkxClient } from '../src/okx/client';
import { customEnvironment, publicSocketUrl } from '../src/okx/environments';
import { PublicSocket } from '../src/okx/publicSocket';
import { LiveLoanWatch, followPortfolio } from '../src/portfolio/liveLoanWatch';
import { Portfolio } from '../src/portfolio/portfolio';
import { LtvCrossingWatch, loanKey, ltvLevel, type LtvLevel } from '../src/portfolio/risk';
import type { PublicSocketSimOptions } from '../src/simulator/publicSocket';
import { SANDBOX_CREDENTIALS, Simulator } from '../src/simulator/server';

/** okxEarn.ltvWarningPoints' default (10 points), as src/settings.ts makes it a fraction. */
const WARN_DISTANCE = '0.1';
/** okxEarn.autoRefreshSeconds' default: the loans poll. */
export const DEFAULT_POLL_MS = 60_000;
/** LiveLoanWatch's default gap between two confirmations of one order (a crossing within it waits). */
const CONFIRM_GAP_MS = 5_000;

export interface LiveOptions {
  readonly jumps: number;
  /** The simulator's REST answer delay. */
  readonly latencyMs: number;
  /** OKX's rate-limit windows scaled (the quick mode's 0.01), on the simulator and our client alike. */
  readonly rateLimitScale: number;
  /** The watch's confirmation gap; undefined: the extension's (its default). */
  readonly confirmGapMs: number | undefined;
  /** The REST count: this many loans polls, this far apart, prices moving every `moveEveryMs`. */
  readonly polls: number;
  readonly pollMs: number;
  readonly moveEveryMs: number;
  readonly publicSocket?: PublicSocketSimOptions;
}

export interface JumpTimes {
  readonly down: boolean;
  /** From the jump to the watch's estimate at the new level (the status bar turns). */
  readonly estimateMs: number;
  /** From the jump to OKX's confirmed figure at the new level: down, the alert (LtvCrossingWatch's crossing). */
  readonly confirmedMs: number;
  /** loan-info requests the jump cost. */
  readonly loanInfos: number;
}

export interface RestCount {
  readonly mode: 'socket open' | 'polling alone';
  /** Requests in the window (after the first load), by endpoint. */
  readonly byEndpoint: ReadonlyMap<string, number>;
  readonly total: number;
  /** The polls' time, `polls × pollMs` (the window ends at the last poll's answer). */
  readonly windowMs: number;
  readonly polls: number;
  /** Requests of the first load (the loans, and with the socket the one read of the `prices` area). */
  readonly opening: number;
  /** The public socket over the whole run: connections, subscribe requests, pings. */
  readonly socket: { readonly connections: number; readonly subscribes: number; readonly pings: number };
  /** Level changes of the watched order during the window (should be none). */
  readonly crossings: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`live: ${what} did not come within ${timeoutMs / 1000} s`);
    await sleep(2);
  }
}

interface Wired {
  readonly sim: Simulator;
  readonly portfolio: Portfolio;
  readonly watch: LiveLoanWatch;
  /** The order near margin call (the demo's USDT order). */
  readonly key: string;
  /** Each loans answer's level of that order, and the alerts, as they come (performance.now()). */
  readonly onConfirmed: (listener: (level: LtvLevel | undefined, alert: boolean, at: number) => void) => void;
  close(): Promise<void>;
}

async function wire(options: LiveOptions, live: boolean): Promise<Wired> {
  const sim = await Simulator.start({ priceMotion: false, rateLimitScale: options.rateLimitScale, ...(options.publicSocket === undefined ? {} : { publicSocket: options.publicSocket }) });
  if (options.latencyMs > 0) sim.faults.add({ fault: { kind: 'latency', ms: options.latencyMs } });
  const client = new OkxClient({ environment: customEnvironment(sim.url), credentials: SANDBOX_CREDENTIALS, rateLimitScale: options.rateLimitScale });
  const portfolio = new Portfolio(client);
  // As src/extension.ts wires it (the settings at their defaults).
  const watch = new LiveLoanWatch({
    openSocket: () => new PublicSocket({ url: publicSocketUrl(client.environment) }),
    confirm: () => void portfolio.refresh(['loans'], { fresh: true }),
    warnDistance: () => WARN_DISTANCE,
    ...(options.confirmGapMs === undefined ? {} : { confirmGapMs: options.confirmGapMs }),
  });
  watch.enabled = live;
  const follow = followPortfolio(watch, portfolio);
  // The status bar's alert: LtvCrossingWatch on OKX's figures, at each change of the loans area.
  const crossings = new LtvCrossingWatch();
  let key = '';
  const listeners: ((level: LtvLevel | undefined, alert: boolean, at: number) => void)[] = [];
  const changes = portfolio.onDidChange((areas) => {
    const state = portfolio.get('loans');
    if (!areas.includes('loans') || state.status !== 'ready') return;
    const at = performance.now();
    const alert = crossings.update(state.data.loans, WARN_DISTANCE).some((c) => loanKey(c.loan) === key);
    const loan = state.data.loans.find((l) => loanKey(l) === key);
    for (const listener of listeners) listener(loan === undefined ? undefined : ltvLevel(loan, WARN_DISTANCE), alert, at);
  });
  // Loans load at once (applyConnection), as on connecting.
  await portfolio.refresh(['loans']);
  const loans = portfolio.get('loans');
  const near = loans.status === 'ready' ? loans.data.loans.find((l) => ltvLevel(l, WARN_DISTANCE) === 'warning') : undefined;
  if (near === undefined) throw new Error('live: the demo portfolio has no loan order in the warning band');
  key = loanKey(near);
  crossings.update(loans.status === 'ready' ? loans.data.loans : [], WARN_DISTANCE);
  if (live) {
    await until(() => portfolio.get('prices').status === 'ready', 'the prices area');
    await until(() => watch.status.state === 'live' && watch.estimate(key)?.live === true, 'the live figure');
  }
  return {
    sim, portfolio, watch, key,
    onConfirmed: (listener) => listeners.push(listener),
    close: async () => {
      changes.dispose();
      follow.dispose();
      watch.dispose();
      portfolio.dispose();
      await sim.close();
    },
  };
}

/** `options.jumps` price jumps across margin call and back, each timed to the status bar's figure and alert. */
export async function liveJumps(options: LiveOptions): Promise<JumpTimes[]> {
  const w = await wire(options, true);
  try {
    const basePx = w.sim.prices.usd('BTC', w.sim.clock.now());
    let started = 0;
    let target: LtvLevel = 'marginCall';
    let estimateAt: number | undefined;
    let confirmedAt: number | undefined;
    const subscription = w.watch.onDidUpdate((u) => {
      if (u.key === w.key && u.live && u.level === target) estimateAt ??= performance.now();
    });
    w.onConfirmed((level, alert, at) => {
      // Down, the alert; up (LtvCrossingWatch alerts only on the way up a level), OKX's figure back below the call.
      if (target === 'marginCall' ? alert : level === target) confirmedAt ??= at;
    });
    const times: JumpTimes[] = [];
    const gapMs = options.confirmGapMs ?? CONFIRM_GAP_MS;
    // The first load's requests out of OKX's windows (loanMaxCollateralRedeem: 5 / 2 s), as in a window open a while.
    await sleep(gapMs);
    for (let i = 0; i < options.jumps; i++) {
      const down = i % 2 === 0;
      target = down ? 'marginCall' : 'warning';
      estimateAt = undefined;
      confirmedAt = undefined;
      const loanInfos = w.sim.received('loanInfo').length;
      started = performance.now();
      w.sim.publicSocket.jump('BTC', down ? '-12%' : basePx);
      await until(() => estimateAt !== undefined && confirmedAt !== undefined, `jump ${i + 1} (${down ? 'down' : 'up'}): the estimate and OKX's figure at ${target}`);
      times.push({ down, estimateMs: (estimateAt ?? NaN) - started, confirmedMs: (confirmedAt ?? NaN) - started, loanInfos: w.sim.received('loanInfo').length - loanInfos });
      // The next crossing is confirmed at once only past the watch's gap (a user's prices rarely cross twice in 5 s).
      await sleep(Math.max(0, started + gapMs + 250 - performance.now()));
    }
    subscription.dispose();
    return times;
  } finally {
    await w.close();
  }
}

/** The REST requests of `options.polls` loans polls while prices move without crossing, `live` or not. */
async function restCount(options: LiveOptions, live: boolean): Promise<RestCount> {
  const w = await wire(options, live);
  try {
    const opening = w.sim.requests.length;
    let crossings = 0;
    const subscription = w.watch.onDidUpdate((u) => {
      if (u.key === w.key && u.level !== 'warning') crossings++;
    });
    // Prices move (BTC and ETH by ±1 %, which moves the order's LTV by well under a point: no crossing).
    let step = 0;
    const moves = setInterval(() => {
      const ccy = step % 4 < 2 ? 'BTC' : 'ETH';
      w.sim.publicSocket.jump(ccy, step % 2 === 0 ? '-1%' : '+1%');
      step++;
    }, options.moveEveryMs);
    const started = performance.now();
    for (let poll = 1; poll <= options.polls; poll++) {
      await sleep(Math.max(0, started + poll * options.pollMs - performance.now()));
      // AutoRefresh's tick: refresh(dueAreas()), the loans (no view open).
      await w.portfolio.refresh(['loans']);
    }
    clearInterval(moves);
    subscription.dispose();
    const byEndpoint = new Map<string, number>();
    for (const r of w.sim.requests.slice(opening)) byEndpoint.set(r.endpoint ?? r.url, (byEndpoint.get(r.endpoint ?? r.url) ?? 0) + 1);
    const ps = w.sim.publicSocket;
    return {
      mode: live ? 'socket open' : 'polling alone',
      byEndpoint,
      total: w.sim.requests.length - opening,
      windowMs: options.polls * options.pollMs,
      polls: options.polls,
      opening,
      socket: { connections: ps.connections, subscribes: ps.subscribeMessages, pings: ps.pings },
      crossings,
    };
  } finally {
    await w.close();
  }
}

/** Both at once (two simulators), so that they share the same time and the same moves. */
export function liveRest(options: LiveOptions): Promise<RestCount[]> {
  return Promise.all([restCount(options, true), restCount(options, false)]);
}

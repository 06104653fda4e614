/**
 * `npm run bench`: the performance goals, measured rather than asserted, side by side with the clients people
 * use instead (okx-api, ccxt), all through the same loopback server (our simulator, with OKX's rate limits).
 * Every figure is given against its physical floor: the least time the rate limit allows, or one round trip.
 *
 *   npm run bench                      every section
 *   npm run bench -- bursts refresh    only those (bursts, refresh, history, startup, live)
 *   npm run bench -- --before=<ref>    "before" (refresh, startup) at <ref>, not where this branch left main
 *   npm run bench -- --no-before       without "before"
 *   npm run bench:quick                every section in quick mode (`--quick`)
 *
 * The refresh and start-up sections measure "before" in the same run as "after" (./before): this project at
 * another commit, built in a temporary folder, against the same simulator, its start-up in turns with this one's.
 *
 * The full bench is not part of `npm test` or CI. It stops by itself (about twelve minutes: four of them the
 * live section's 20 jumps 5 s apart and its two 60 s polls; five the refreshes, every case 7 times for ours and
 * "before" in turns and for each peer, ccxt's 22 s a time most of it, and 15 turns of a new session's refresh beside
 * simpler senders (./refreshInTurns); then the first open of a year of hourly rates, which
 * OKX's 6 requests a second make last 15 s, and the three clients' bursts).
 *
 * The quick mode is a step of `npm test`, so that a section that breaks fails CI rather than rotting unseen:
 * every section's code, made small (the same bursts with OKX's windows 100 times shorter on the simulator and our
 * client, a few days of history, one start-up, 4 live jumps and 3 polls 300 ms apart, the simulator answering at
 * once), with no packaging and no peers. Its figures mean nothing and nothing is asserted about time; it fails
 * when a section throws, when our client goes over a (shortened) limit, when our requests fail, or when the open
 * socket costs REST requests that polling alone does not.
 */
import { cpus, loadavg, platform, arch } from 'node:os';
import * as path from 'node:path';
import { BURSTS, burst, type BurstResult } from './bursts';
import { loadPeers, ourClient, type PeerFactory } from './clients';
import { historyCharts } from './history';
import { DEFAULT_POLL_MS, liveJumps, liveRest, type JumpTimes, type LiveOptions } from './live';
import { prepareBefore, type Before } from './before';
import { refreshInTurns } from './refreshInTurns';
import { AFTER, LATENCY_MS, beforeSubject, median, nodeHttpAlone, ourRefreshes, peerRefresh, type OurRuns, type RefreshResult, type RefreshRun } from './refresh';
import { SimulatorThread } from './simulatorThread';
import { startup, type LoadFigures } from './startup';
import { ENDPOINTS } from '../src/okx/endpoints';
import { scaleRateLimit } from '../src/okx/testRateLimits';

const SECTIONS = ['bursts', 'refresh', 'history', 'startup', 'live'] as const;
type Section = (typeof SECTIONS)[number];

const QUICK = process.argv.includes('--quick');
/** The simulator's answer delay in the refresh and history sections. */
const latencyMs = QUICK ? 1 : LATENCY_MS;
/** The quick mode's bursts: OKX's windows 100 times shorter on the simulator and our client alike. */
const burstScale = QUICK ? 0.01 : 1;
/** How many times each refresh case runs (each on a new simulator and new connections). */
const REFRESH_REPEATS = QUICK ? 1 : 7;
/** Turns of the in-turns comparison (./refreshInTurns): about 1.5 s each. */
const IN_TURNS = QUICK ? 1 : 15;
/**
 * Unmeasured runs of every refresh case first: the process starts with nothing compiled, and while the simulator's
 * and the client's code is still being optimized a new session's refresh took about a sixth longer (its first
 * five runs in a new process: 77–101 ms; its last five: 64–77 ms).
 */
const REFRESH_WARM_UPS = QUICK ? 0 : 3;

const ms = (value: number): string => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`);
const ratio = (value: number, floor: number): string => (floor > 0 ? `${(value / floor).toFixed(2)}×` : '–');
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const row of rows) console.log(line(row));
  console.log('');
}

function machine(): string {
  const cpu = cpus();
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  return `${platform()} ${arch()}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.versions.node}; load average ${load}`;
}

async function bursts(peers: PeerFactory[]): Promise<void> {
  console.log(`### Rate-limit bursts (simulator with OKX's limits${QUICK ? ', windows 100 times shorter, answering in 1 ms' : ', answering in 10-30 ms'})\n`);
  console.log('Time to finish the burst against its floor, (⌈n / limit⌉ − 1) windows; requests refused with 50011; most requests the server saw in any window.\n');
  const clients = [ourClient, ...peers];
  const results: BurstResult[][] = [];
  for (const [id, n] of BURSTS) {
    const row: BurstResult[] = [];
    for (const make of clients) row.push(await burst(make, id, n, burstScale));
    results.push(row);
  }
  const ours = results.flatMap((row) => row.slice(0, 1));
  if (QUICK && ours.some((r) => r.refused > 0 || r.maxInWindow > ENDPOINTS[r.endpoint].rateLimit.count)) {
    throw new Error('bursts: our client went over a (shortened) limit: the simulator refused requests with 50011');
  }
  const names = results[0]?.map((r) => r.client) ?? [];
  table(
    ['endpoint', 'limit', 'burst', 'floor', ...names],
    results.map((row) => {
      const first = row[0];
      const limit = first === undefined ? undefined : scaleRateLimit(ENDPOINTS[first.endpoint].rateLimit, burstScale);
      return [
        first?.endpoint ?? '',
        limit === undefined ? '' : `${limit.count} / ${limit.windowMs / 1000} s`,
        String(first?.requests ?? ''),
        ms(first?.floorMs ?? 0),
        ...row.map((r) => `${ratio(r.tookMs, r.floorMs)} (${ms(r.tookMs)}), ${r.refused} refused, ≤ ${r.maxInWindow} a window`),
      ];
    }),
  );
}

async function refresh(peers: PeerFactory[], before: Before | undefined): Promise<void> {
  console.log(`### Refreshes (simulator answering ${latencyMs} ms after each request arrives${QUICK ? ', windows 20 times shorter' : ", with OKX's rate limits"})\n`);
  const thread = new SimulatorThread();
  try {
    await refreshTables(thread, peers, before);
  } finally {
    await thread.close();
  }
}

async function refreshTables(thread: SimulatorThread, peers: PeerFactory[], before: Before | undefined): Promise<void> {
  const scale = QUICK ? 0.05 : 1;
  const subjects = [AFTER, ...(before === undefined ? [] : [beforeSubject(before.label, before.module)])];
  if (REFRESH_WARM_UPS > 0) await ourRefreshes(thread, subjects, REFRESH_WARM_UPS, latencyMs, scale);
  const measured = await ourRefreshes(thread, subjects, REFRESH_REPEATS, latencyMs, scale);
  const [mine] = measured.runs;
  if (mine === undefined) throw new Error('refresh: no runs of this tree');
  const ours = { runs: mine, sent: measured.sent };
  const all: OurRuns[] = [...measured.runs].reverse();
  const spread = (r: RefreshRun): string => (r.runs > 1 ? `; ${ratio(r.fastestMs, latencyMs)}–${ratio(r.slowestMs, latencyMs)}` : '');
  const run = (r: RefreshRun): string => `${r.requests} req., ${ratio(r.tookMs, latencyMs)} (${ms(r.tookMs)}${spread(r)})${r.refused > 0 ? `, ${r.refused} refused` : ''}${r.failed > 0 ? `, ${r.failed} failed` : ''}`;
  console.log(`The simulator runs on a worker thread of its own and does each request's work inside the round trip, as OKX does its work on its own machines, side by side (before, its work for a refresh's requests queued after the wait on the client's event loop, one request after another). Each case ${REFRESH_REPEATS > 1 ? `runs ${REFRESH_REPEATS} times${REFRESH_WARM_UPS > 0 ? ` (after ${REFRESH_WARM_UPS} unmeasured runs of every case, so that the code is compiled)` : ''}, each on a new simulator, ${all.length > 1 ? '"before" and "after" in turns, ' : ''}the median, then the fastest–slowest` : 'runs once'}. Requests and new connections counted at the simulator (the most in any run); time against one round trip (${latencyMs} ms). A full refresh is what the extension asks with every view shown (every area), "cold" on new connections after one elsewhere (not measured: code loaded and warm), in a first session (nothing kept) or a new one (the per-order and per-coin look-ups the last session kept), "again" straight after it, "a poll" once the rate windows (at most 2 s) have passed. The status-bar poll is what the extension asks every interval with the sidebar closed.\n`);
  table(
    ['', ...all.map((r) => r.client)],
    [
      ['full refresh, cold, a first session', ...all.map((r) => run(r.cold))],
      ['full refresh, cold, a new session (what the last kept)', ...all.map((r) => run(r.coldKept))],
      ['full refresh again, straight after', ...all.map((r) => run(r.again))],
      ['full refresh, a poll (windows passed)', ...all.map((r) => run(r.poll))],
      ['status-bar poll, sidebar closed', ...all.map((r) => run(r.statusBar))],
      ['status-bar poll, sidebar closed, no loan', ...all.map((r) => run(r.statusBarNoLoan))],
      ['new connections: cold / again / poll', ...all.map((r) => `${r.cold.connections} / ${r.again.connections} / ${r.poll.connections}`)],
    ],
  );
  const results: RefreshResult[] = [{ client: 'okx-earn', cold: ours.runs.cold, warm: ours.runs.again }];
  // Beside the peers: our client without the Portfolio (what the plan costs), and Node's http alone.
  const alone: PeerFactory = (url, credentials) => ({ ...ourClient(url, credentials), name: "okx-earn's client alone (no Portfolio)" });
  for (const make of [alone, nodeHttpAlone, ...peers]) results.push(await peerRefresh(thread, make, ours.sent, REFRESH_REPEATS, latencyMs));
  console.log(`The others send the ${ours.sent.length} requests of our cold full refresh, all at once; "again" is the same straight after (they keep nothing, so they ask it all again). Node's http alone sends them unsigned and reads the answers (auth errors, after the same round trip: no work at the simulator); the table after this one sets it beside the same requests signed, the floor for them.\n`);
  table(
    ['client', 'requests cold / again', 'cold', 'again', 'new connections cold / again', 'refused', 'failed'],
    results.map((r) => [
      r.client,
      `${r.cold.requests} / ${r.warm.requests}`,
      `${ratio(r.cold.tookMs, latencyMs)} (${ms(r.cold.tookMs)}${spread(r.cold)})`,
      `${ratio(r.warm.tookMs, latencyMs)} (${ms(r.warm.tookMs)}${spread(r.warm)})`,
      `${r.cold.connections} / ${r.warm.connections}`,
      `${r.cold.refused + r.warm.refused}`,
      `${r.cold.failed + r.warm.failed}`,
    ]),
  );
  const turns = await refreshInTurns(thread, AFTER, ours.sent, IN_TURNS, latencyMs);
  const floor = turns.find((t) => t.sender.includes('signed'))?.run.tookMs ?? NaN;
  console.log(`\nA new session's cold full refresh and the same ${ours.sent.length} requests from simpler senders, in turns: ${IN_TURNS} turns, each running every sender once on a new simulator, starting one sender further on each turn, so that the machine's drift weighs on all alike. Node's http signed is the floor for these requests here (the simulator does the same work); unsigned, the simulator answers each with an auth error.\n`);
  table(
    ['sender', 'requests', 'time (median; fastest–slowest)', 'above the signed floor', 'failed'],
    turns.map(({ sender, run: r }) => [sender, `${r.requests}`, `${ratio(r.tookMs, latencyMs)} (${ms(r.tookMs)}${spread(r)})`, `${((r.tookMs - floor) / latencyMs).toFixed(2)}× (${ms(r.tookMs - floor)})`, `${r.failed}`]),
  );
  if (QUICK && turns.some((t) => t.run.failed > 0 && !t.sender.includes('unsigned'))) throw new Error('refresh: a sender in turns failed');
  // ("Again" is timing: in the quick mode's short windows an area read early in the cold refresh may be stale by then.)
  if (QUICK && (mine.cold.failed > 0 || mine.coldKept.failed > 0 || mine.cold.requests === 0 || mine.statusBar.requests !== 1 || mine.statusBarNoLoan.requests !== 0)) {
    throw new Error(`refresh: areas failed, or a status-bar poll asked more than the loans (cold ${mine.cold.requests}, status bar ${mine.statusBar.requests}, without a loan ${mine.statusBarNoLoan.requests})`);
  }
}

async function history(): Promise<void> {
  const days = QUICK ? 3 : 365;
  console.log(`### History chart, ${days} days (simulator with OKX's limits, answering after ${latencyMs} ms)\n`);
  console.log('First open with nothing kept; second open as a new session, with what the first kept on disk.\n');
  const results = await historyCharts(days, latencyMs);
  table(
    ['chart', 'floor (first open)', 'first open: first points / full', 'requests', 'second open: first points / full', 'requests', 'points'],
    results.map((r) => [
      r.chart,
      ms(r.floorMs),
      `${ms(r.first.firstPointsMs)} / ${ms(r.first.fullMs)} (${ratio(r.first.fullMs, r.floorMs)})`,
      String(r.first.requests),
      `${ms(r.again.firstPointsMs)} / ${ms(r.again.fullMs)}`,
      String(r.again.requests),
      String(r.again.points),
    ]),
  );
  if (QUICK && results.some((r) => r.first.points === 0 || r.again.points < r.first.points)) throw new Error('history: a chart came back empty, or shorter the second time');
}

function startupSection(before: Before | undefined): void {
  console.log(`### Start-up and size (${QUICK ? 'the build `npm test` made, not packaged' : 'production build, `npm run package`'})\n`);
  const result = QUICK ? startup(1, false) : startup(15, true, before?.bundle);
  if (result.packaged !== undefined) console.log(`${result.packaged}\n`);
  const fine = (value: number): string => `${value.toFixed(1)} ms`;
  const row = (name: string, f: LoadFigures): string[] => [name, fine(f.loadCpuMs), fine(f.loadMs), fine(f.activateMs), `${f.files.length} (${kb(f.loadedBytes)})`];
  console.log(`Load + activate, outside VS Code with a stand-in \`vscode\` module and the Node modules the extension host has already loaded, median of ${result.runs} fresh Node processes${result.before === undefined ? '' : ' each, before and after in turns'}: the CPU time of require('dist/extension.js') (the figure the machine's load disturbs least), its wall time, and activate().\n`);
  table(['build', 'load (CPU)', 'load (wall)', 'activate()', 'files loaded (size)'], [
    ...(result.before === undefined || before === undefined ? [] : [row(`before, ${before.label}`, result.before)]),
    row('after', result.after),
  ]);
  console.log(`Files loaded (after): ${result.after.files.join(', ')}.\n`);
  table(['file', 'size'], result.sizes.map(([file, size]) => [file, kb(size)]));
  if (QUICK && result.after.files.some((file) => path.basename(file).startsWith('lazy-'))) throw new Error(`startup: code meant for first use loaded at start-up: ${result.after.files.join(', ')}`);
}

/** The quick mode: 4 jumps with the watch's confirmation gap at 100 ms, 3 polls 300 ms apart, OKX's windows 100 times shorter. */
const LIVE: LiveOptions = QUICK
  ? { jumps: 4, latencyMs, rateLimitScale: 0.01, confirmGapMs: 100, polls: 3, pollMs: 300, moveEveryMs: 50, publicSocket: { changeCheckMs: 20, unchangedPushMs: 1000 } }
  : { jumps: 20, latencyMs, rateLimitScale: 1, confirmGapMs: undefined, polls: 2, pollMs: DEFAULT_POLL_MS, moveEveryMs: 2000 };

async function live(): Promise<void> {
  const fine = (value: number): string => (value < 10 ? `${value.toFixed(1)} ms` : ms(value));
  const stats = (values: number[]): [string, string] => {
    const sorted = [...values].sort((a, b) => a - b);
    return [fine(median(sorted)), fine(sorted[sorted.length - 1] ?? NaN)];
  };
  const poll = LIVE.pollMs;
  console.log(`### Live LTV: from an index move to the status bar (simulator answering REST after ${latencyMs} ms; its public WebSocket on loopback)\n`);
  const jumps = await liveJumps(LIVE);
  const gap = LIVE.confirmGapMs === undefined ? "the extension's 5 s" : `${LIVE.confirmGapMs} ms (quick mode)`;
  console.log(`${jumps.length} jumps of BTC's index, alternately −12 % (the demo's USDT order: LTV 0.66 → 0.72, margin call 0.70) and back (+13.6 %), each timed from \`sim.publicSocket.jump\`; the LiveLoanWatch wired as the extension wires it (confirmation gap ${gap}: the jumps are that far apart). The alert is LtvCrossingWatch's crossing on OKX's confirmed figure, after the refresh of the loans the crossing asked for. Polling alone is computed, not measured: the move lands uniformly within a ${DEFAULT_POLL_MS / 1000} s poll interval (okxEarn.autoRefreshSeconds' default).\n`);
  const down = jumps.filter((j) => j.down);
  const up = jumps.filter((j) => !j.down);
  const row = (what: string, of: JumpTimes[], pick: (j: JumpTimes) => number): string[] => [what, String(of.length), ...stats(of.map(pick))];
  const pollingMs = DEFAULT_POLL_MS;
  table(['from the index move to', 'jumps', 'median', 'worst'], [
    row('the estimate at margin call (the status bar turns)', down, (j) => j.estimateMs),
    row("the alert, on OKX's confirmed figure", down, (j) => j.confirmedMs),
    row('the estimate back below margin call', up, (j) => j.estimateMs),
    row("OKX's confirmed figure back below margin call", up, (j) => j.confirmedMs),
    [`polling alone, every ${pollingMs / 1000} s (computed): the status bar and the alert`, '–', `${ms(pollingMs / 2)} + one loans refresh`, `${ms(pollingMs)} + one loans refresh`],
  ]);
  const infos = [...new Set(jumps.map((j) => j.loanInfos))].sort((a, b) => a - b);
  console.log(`loan-info requests per jump: ${infos.join(' or ')} (one confirmation per crossing).\n`);

  const rest = await liveRest(LIVE);
  const note = QUICK ? `, the quick mode's interval: the per-hour figures are of ${poll} ms polls` : '';
  console.log(`REST requests with prices moving and no crossing: ${LIVE.polls} loans polls ${ms(poll)} apart${note} (AutoRefresh's tick with no view open: the loans), BTC or ETH moving ±1 % every ${ms(LIVE.moveEveryMs)}; the socket open (okxEarn.livePrices on) against polling alone (off), two simulators side by side. Per hour: the window's count (its polls' ${LIVE.polls} × ${ms(poll)}) scaled to 3600 s. "First load": the requests before the window (the loans, and with the socket the one read of the index prices that says which currencies have an index).\n`);
  table(['mode', 'first load', 'window', 'requests in window', 'by endpoint', 'per hour', 'public socket (whole run)', 'level changes'], rest.map((r) => [
    r.mode,
    String(r.opening),
    ms(r.windowMs),
    String(r.total),
    [...r.byEndpoint].map(([id, n]) => `${id} ${n}`).join(', '),
    (r.total * 3_600_000 / r.windowMs).toFixed(0),
    r.mode === 'socket open' ? `connections ${r.socket.connections}, subscribe requests ${r.socket.subscribes}, pings ${r.socket.pings}` : '–',
    String(r.crossings),
  ]));
  const [open, alone] = rest;
  if (open !== undefined && alone !== undefined && (open.total > alone.total || open.crossings > 0)) {
    throw new Error(`live: with the socket open and no crossing, ${open.total} requests against ${alone.total} polling alone (${open.crossings} level changes)`);
  }
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a): a is Section => (SECTIONS as readonly string[]).includes(a));
  const sections = new Set<Section>(asked.length > 0 ? asked : SECTIONS);
  console.log(`## npm run bench${QUICK ? ' --quick (tiny sizes: the figures mean nothing)' : ''}, ${new Date().toISOString().slice(0, 10)}\n`);
  console.log(`${machine()} at the start.\n`);
  let peers: PeerFactory[] = [];
  if (sections.has('bursts') || sections.has('refresh')) {
    const loaded = QUICK ? { factories: [], notes: ['none in quick mode (npm run bench installs and runs okx-api and ccxt)'] } : loadPeers();
    peers = loaded.factories;
    console.log(`Peers: ${loaded.notes.join('; ')}.\n`);
  }
  let before: Before | undefined;
  if (!QUICK && !process.argv.includes('--no-before') && (sections.has('refresh') || sections.has('startup'))) {
    const prepared = await prepareBefore(process.argv.find((a) => a.startsWith('--before='))?.slice('--before='.length));
    if (typeof prepared === 'string') console.log(`${prepared}\n`);
    else {
      before = prepared;
      console.log(`Before: ${prepared.label}, built in ${path.dirname(path.dirname(prepared.bundle))}.\n`);
    }
  }
  if (sections.has('bursts')) await bursts(peers);
  if (sections.has('refresh')) await refresh(peers, before);
  if (sections.has('history')) await history();
  if (sections.has('startup')) startupSection(before);
  if (sections.has('live')) await live();
  console.log(`Load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (${cpus().length} cores): figures taken while it is well above 1 are slower than this machine is.`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);

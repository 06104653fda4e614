/**
 * `npm run bench`: the performance goals, measured rather than asserted, side by side with the clients people
 * use instead (okx-api, ccxt), all through the same loopback server (our simulator, with OKX's rate limits).
 * Every figure is given against its physical floor: the least time the rate limit allows, or one round trip.
 *
 *   npm run bench                      every section
 *   npm run bench -- bursts refresh    only those (bursts, refresh, history, startup)
 *   npm run bench:quick                every section in quick mode (`--quick`)
 *
 * The full bench is not part of `npm test` or CI. It stops by itself (about two minutes, most of it the first
 * open of a year of hourly rates, which OKX's 6 requests a second make last 15 s, and the three clients' bursts).
 *
 * The quick mode is a step of `npm test`, so that a section that breaks fails CI rather than rotting unseen:
 * every section's code, made small (the same bursts with OKX's windows 100 times shorter on the simulator and our
 * client, a few days of history, one start-up, the simulator answering at once), with no packaging and no peers.
 * Its figures mean nothing and nothing is asserted about time; it fails when a section throws, when our client
 * goes over a (shortened) limit, or when our requests fail.
 */
import { cpus, loadavg, platform, arch } from 'node:os';
import { BURSTS, burst, type BurstResult } from './bursts';
import { loadPeers, ourClient, type PeerFactory } from './clients';
import { historyCharts } from './history';
import { LATENCY_MS, ourRefresh, peerRefresh, type RefreshResult } from './refresh';
import { startup } from './startup';
import { ENDPOINTS } from '../src/okx/endpoints';
import { scaleRateLimit } from '../src/okx/testRateLimits';

const SECTIONS = ['bursts', 'refresh', 'history', 'startup'] as const;
type Section = (typeof SECTIONS)[number];

const QUICK = process.argv.includes('--quick');
/** The simulator's answer delay in the refresh and history sections. */
const latencyMs = QUICK ? 1 : LATENCY_MS;
/** The quick mode's bursts: OKX's windows 100 times shorter on the simulator and our client alike. */
const burstScale = QUICK ? 0.01 : 1;

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

async function refresh(peers: PeerFactory[]): Promise<void> {
  console.log(`### A full refresh (simulator answering after ${latencyMs} ms)\n`);
  const { result, sent } = await ourRefresh(latencyMs);
  const results: RefreshResult[] = [result];
  for (const make of peers) results.push(await peerRefresh(make, sent, latencyMs));
  console.log(`Every area at once: ${sent.length} requests. Time against one round trip (${latencyMs} ms); new TCP connections. "Cold": a client's refresh on new connections (after one elsewhere, not measured, so that its code is loaded and warm); "warm": a second one straight after.\n`);
  table(
    ['client', 'requests', 'cold', 'warm', 'new connections cold / warm', 'failed'],
    results.map((r) => [
      r.client,
      String(r.cold.requests),
      `${ratio(r.cold.tookMs, latencyMs)} (${ms(r.cold.tookMs)})`,
      `${ratio(r.warm.tookMs, latencyMs)} (${ms(r.warm.tookMs)})`,
      `${r.cold.connections} / ${r.warm.connections}`,
      `${r.cold.failed + r.warm.failed}`,
    ]),
  );
  if (QUICK && (result.cold.failed > 0 || result.warm.failed > 0 || result.cold.requests === 0)) throw new Error('refresh: some of our areas failed, or nothing was sent');
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

function startupSection(): void {
  console.log(`### Start-up and size (${QUICK ? 'the build `npm test` made, not packaged' : 'production build, `npm run package`'})\n`);
  const result = QUICK ? startup(1, false) : startup();
  if (result.packaged !== undefined) console.log(`${result.packaged}\n`);
  console.log(`Load + activate, outside VS Code with a stand-in \`vscode\` module, median of ${result.runs} fresh Node processes: require('dist/extension.js') ${result.loadMs.toFixed(1)} ms, activate() ${result.activateMs.toFixed(1)} ms; files loaded: ${result.files.join(', ')}.\n`);
  table(['file', 'size'], result.sizes.map(([file, size]) => [file, kb(size)]));
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
  if (sections.has('bursts')) await bursts(peers);
  if (sections.has('refresh')) await refresh(peers);
  if (sections.has('history')) await history();
  if (sections.has('startup')) startupSection();
  console.log(`Load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (${cpus().length} cores): figures taken while it is well above 1 are slower than this machine is.`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);

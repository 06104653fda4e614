/**
 * A full refresh (every area of the portfolio at once) against the simulator answering after 50 ms, behind a
 * TCP pass-through that counts connections. Ours runs the Portfolio as the extension does; the peers send the
 * same requests (the same paths and queries), all at once. Each client first refreshes once against another
 * server (not measured: its modules loaded, its code warm), then twice against this one: "cold" on new
 * connections, "warm" straight after, when its connections may be reused.
 */
import type { EndpointId } from '../src/okx/endpoints';
import { OkxClient } from '../src/okx/client';
import { customEnvironment } from '../src/okx/environments';
import { AREA_IDS, Portfolio } from '../src/portfolio/portfolio';
import { SANDBOX_CREDENTIALS, Simulator } from '../src/simulator/server';
import { ConnectionCounter } from '../test/unit/support/connectionCounter';
import type { PeerFactory } from './clients';

export const LATENCY_MS = 50;

export interface RefreshRun {
  readonly tookMs: number;
  readonly requests: number;
  readonly connections: number;
  readonly failed: number;
}

export interface RefreshResult {
  readonly client: string;
  readonly cold: RefreshRun;
  readonly warm: RefreshRun;
}

interface Sent {
  readonly id: EndpointId;
  readonly params: Record<string, string>;
}

async function withServer<T>(latencyMs: number, run: (url: string, sim: Simulator, counter: ConnectionCounter) => Promise<T>): Promise<T> {
  const sim = await Simulator.start({ priceMotion: false });
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
  return { tookMs: performance.now() - started, requests: sim.requests.length - requests, connections: counter.connections - connections, failed };
}

/** Ours, and the requests it sent (for the peers to send the same). */
export async function ourRefresh(latencyMs = LATENCY_MS): Promise<{ result: RefreshResult; sent: Sent[] }> {
  // A first refresh elsewhere, not measured: modules loaded and code warm, as in a window that has run a while.
  await withServer(latencyMs, async (url) => {
    const portfolio = new Portfolio(new OkxClient({ environment: customEnvironment(url), credentials: SANDBOX_CREDENTIALS }));
    await portfolio.refresh(AREA_IDS);
    portfolio.dispose();
  });
  return withServer(latencyMs, async (url, sim, counter) => {
    const portfolio = new Portfolio(new OkxClient({ environment: customEnvironment(url), credentials: SANDBOX_CREDENTIALS }));
    const failures = () => AREA_IDS.filter((area) => portfolio.get(area).status === 'error').length;
    const cold = await measure(sim, counter, async () => {
      await portfolio.refresh(AREA_IDS);
      return failures();
    });
    const sent = sim.requests.flatMap((r): Sent[] => {
      if (r.endpoint === undefined) return [];
      const query = new URL(r.url, url).searchParams;
      return [{ id: r.endpoint, params: Object.fromEntries(query.entries()) }];
    });
    const warm = await measure(sim, counter, async () => {
      await portfolio.refresh(AREA_IDS, { fresh: true });
      return failures();
    });
    portfolio.dispose();
    return { result: { client: 'okx-earn', cold, warm }, sent };
  });
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

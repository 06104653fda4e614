/** A simulator with the demo portfolio and a client signed in to it, for tests. */
import { OkxClient, type ClientOptions } from '../../../src/okx/client';
import { customEnvironment } from '../../../src/okx/environments';
import { RateLimiter } from '../../../src/okx/rateLimiter';
import { SANDBOX_CREDENTIALS, Simulator, type SimulatorOptions } from '../../../src/simulator/server';

export interface SimHarness {
  readonly sim: Simulator;
  readonly client: OkxClient;
  clientWith(options: Partial<ClientOptions>): OkxClient;
}

export async function startSim(options: SimulatorOptions = {}): Promise<SimHarness> {
  const sim = await Simulator.start({ priceMotion: false, ...options });
  const clientWith = (extra: Partial<ClientOptions>): OkxClient =>
    new OkxClient({
      environment: customEnvironment(sim.url),
      credentials: SANDBOX_CREDENTIALS,
      timeoutMs: 2000,
      sleep: () => Promise.resolve(),
      ...extra,
    });
  return { sim, client: clientWith({}), clientWith };
}

/** Raw request to the simulator, for what the client would never send (missing headers and the like). */
export async function rawRequest(sim: Simulator, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; code: string; msg: string; data: unknown }> {
  const response = await fetch(`${sim.url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body }) });
  const json = (await response.json()) as { code: string; msg: string; data: unknown };
  return { status: response.status, ...json };
}

/**
 * A client-side limiter whose waits take no real time, for tests of endpoints OKX limits to one request per
 * 2 s (OKUSD subscribe/redeem) or two per minute (Dual Investment trade/redeem).
 */
export function instantLimiter(): RateLimiter {
  let t = 0;
  return new RateLimiter({
    now: () => t,
    sleep: (ms) => {
      t += ms;
      return Promise.resolve();
    },
  });
}

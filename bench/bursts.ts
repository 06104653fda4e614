/**
 * Rate-limit bursts: each limit class gets a burst of concurrent requests, through each client, against the
 * simulator enforcing OKX's limits (50011 beyond them) and answering in 10-30 ms. The floor is the least time
 * the limit allows: (⌈n / count⌉ − 1) windows.
 */
import { ENDPOINTS, type EndpointId } from '../src/okx/endpoints';
import { scaleRateLimit } from '../src/okx/testRateLimits';
import { SANDBOX_CREDENTIALS, Simulator } from '../src/simulator/server';
import { maxInAnyWindow } from '../test/unit/support/windows';
import type { BenchClient, PeerFactory } from './clients';

export const BURSTS: readonly [EndpointId, number][] = [
  ['onchainPurchase', 5],
  ['onchainOffers', 10],
  ['savingsBalance', 19],
  ['ethApyHistory', 19],
  ['loanMaxCollateralRedeem', 12],
];

const PARAMS: Partial<Record<EndpointId, Record<string, unknown>>> = {
  // Refused by the simulator's business rules once past the rate limit: nothing is bought.
  onchainPurchase: { productId: '1', investData: [{ ccy: 'USDT', amt: '1' }] },
  ethApyHistory: { days: '1' },
  loanMaxCollateralRedeem: { ccy: 'BTC' },
};

export interface BurstResult {
  readonly client: string;
  readonly endpoint: EndpointId;
  readonly requests: number;
  readonly tookMs: number;
  readonly floorMs: number;
  /** Requests the server refused with 50011. */
  readonly refused: number;
  /** The most requests the server saw in any window of the limit's length. */
  readonly maxInWindow: number;
}

/**
 * `rateLimitScale` below 1 (the quick mode) shortens every window on both sides, the simulator's and our
 * client's (src/okx/testRateLimits), so that the same bursts wait for the limit in a fraction of the time.
 */
export async function burst(make: PeerFactory, id: EndpointId, n: number, rateLimitScale = 1): Promise<BurstResult> {
  const sim = await Simulator.start({ priceMotion: false, rateLimitScale });
  sim.faults.add({ fault: rateLimitScale < 1 ? { kind: 'latency', ms: 1 } : { kind: 'latency', ms: 10, jitterMs: 20 } });
  try {
    const client: BenchClient = make(sim.url, SANDBOX_CREDENTIALS, rateLimitScale);
    const { count, windowMs } = scaleRateLimit(ENDPOINTS[id].rateLimit, rateLimitScale);
    const started = performance.now();
    await Promise.allSettled(Array.from({ length: n }, () => client.send(id, { ...PARAMS[id] })));
    const tookMs = performance.now() - started;
    const seen = sim.received(id);
    return {
      client: client.name,
      endpoint: id,
      requests: n,
      tookMs,
      floorMs: (Math.ceil(n / count) - 1) * windowMs,
      refused: seen.filter((r) => r.code === '50011').length,
      maxInWindow: maxInAnyWindow(seen.map((r) => r.at), windowMs),
    };
  } finally {
    await sim.close();
  }
}

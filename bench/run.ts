/**
 * `npm run bench`: timing goals, measured rather than asserted.
 *
 * Rate-limit bursts: each limit class gets a burst through the real client against a loopback server that
 * answers after 10-30 ms. Reported: time to finish against the least time the limit allows, and the most
 * requests the server saw in any window (must not exceed the limit).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OkxClient } from '../src/okx/client';
import { ENDPOINTS, type EndpointId } from '../src/okx/endpoints';
import { customEnvironment } from '../src/okx/environments';
import { maxInAnyWindow } from '../test/unit/support/windows';

const BURSTS: [EndpointId, number][] = [
  ['onchainPurchase', 5],
  ['onchainOffers', 10],
  ['savingsBalance', 19],
  ['ethApyHistory', 19],
  ['loanMaxCollateralRedeem', 12],
];


async function rateLimitBursts(): Promise<void> {
  const arrivals = new Map<string, number[]>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    arrivals.set(path, [...(arrivals.get(path) ?? []), performance.now()]);
    req.resume();
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: '0', msg: '', data: [] }));
    }, 10 + Math.random() * 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new OkxClient({
    environment: customEnvironment(baseUrl),
    credentials: { apiKey: 'bench', secretKey: 'bench', passphrase: 'bench' },
  });

  console.log('Rate-limit bursts (loopback server answering in 10-30 ms)');
  console.log('endpoint                    limit        burst  took (ms)  minimum (ms)  overhead  max in a window');
  for (const [id, n] of BURSTS) {
    const spec = ENDPOINTS[id];
    const { count, windowMs } = spec.rateLimit;
    const params = id === 'onchainPurchase' ? { productId: '1', investData: [{ ccy: 'USDT', amt: '1' }] } : id === 'ethApyHistory' ? { days: '1' } : id === 'loanMaxCollateralRedeem' ? { ccy: 'BTC' } : {};
    const started = performance.now();
    await Promise.all(Array.from({ length: n }, () => client.call(id, params as never)));
    const took = performance.now() - started;
    const minimum = (Math.ceil(n / count) - 1) * windowMs;
    const seen = maxInAnyWindow(arrivals.get(spec.path) ?? [], windowMs);
    console.log(
      `${id.padEnd(27)} ${`${count}/${windowMs / 1000}s`.padEnd(12)} ${String(n).padStart(5)}  ${took.toFixed(0).padStart(9)}  ${String(minimum).padStart(12)}  ${`${(took - minimum).toFixed(0)} ms`.padStart(8)}  ${seen} (limit ${count})`,
    );
  }
  server.close();
}

async function main(): Promise<void> {
  await rateLimitBursts();
}

void main();

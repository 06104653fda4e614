/**
 * The clients the bench drives through the same loopback server: ours, and the two that people use instead,
 * `okx-api` (3.x) and ccxt (4.x). The peers are dev dependencies of the bench only (bench/package.json),
 * installed into bench/node_modules on the bench's first run; nothing else needs or bundles them. Their
 * types are declared here, as far as the bench uses them, so that the project type-checks without them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { OkxClient, type Credentials } from '../src/okx/client';
import { ENDPOINTS, type EndpointId } from '../src/okx/endpoints';
import { customEnvironment } from '../src/okx/environments';

export const ROOT = path.resolve(__dirname, '..', '..');
const BENCH = path.join(ROOT, 'bench');

/** One request of the endpoint table, as each client sends it. */
export interface BenchClient {
  readonly name: string;
  send(id: EndpointId, params: Record<string, unknown>): Promise<unknown>;
}

export function ourClient(baseUrl: string, credentials: Credentials, rateLimitScale?: number): BenchClient {
  const client = new OkxClient({ environment: customEnvironment(baseUrl), credentials, ...(rateLimitScale === undefined ? {} : { rateLimitScale }) });
  return { name: 'okx-earn', send: (id, params) => client.call(id, params) };
}

interface OkxApiModule {
  RestClient: new (options: { apiKey: string; apiSecret: string; apiPass: string; baseUrl: string }) => {
    get(endpoint: string, params?: object): Promise<unknown>;
    getPrivate(endpoint: string, params?: object): Promise<unknown>;
    post(endpoint: string, params?: object): Promise<unknown>;
    postPrivate(endpoint: string, params?: object): Promise<unknown>;
  };
}

interface CcxtModule {
  okx: new (options: { apiKey: string; secret: string; password: string; enableRateLimit: boolean }) => CcxtExchange;
}

interface CcxtExchange {
  urls: { api: { rest: string } };
  [method: string]: unknown;
}

/** `rateLimitScale`: the quick mode's shorter windows, which only our client takes (the peers keep their own limits). */
export type PeerFactory = (baseUrl: string, credentials: Credentials, rateLimitScale?: number) => BenchClient;

/** okx-api: one method per endpoint; its generic get/getPrivate/post/postPrivate send exactly the path given. */
function okxApi(module: OkxApiModule): PeerFactory {
  return (baseUrl, credentials) => {
    const client = new module.RestClient({ apiKey: credentials.apiKey, apiSecret: credentials.secretKey, apiPass: credentials.passphrase, baseUrl });
    return {
      name: 'okx-api',
      send: (id, params) => {
        const spec = ENDPOINTS[id];
        const isPublic = spec.auth === 'public';
        if (spec.method === 'GET') return isPublic ? client.get(spec.path, params) : client.getPrivate(spec.path, params);
        return isPublic ? client.post(spec.path, params) : client.postPrivate(spec.path, params);
      },
    };
  };
}

/** ccxt's implicit API method for an endpoint: `privateGetFinanceSavingsBalance` for GET /api/v5/finance/savings/balance. */
export function ccxtMethod(id: EndpointId): string {
  const spec = ENDPOINTS[id];
  const words = spec.path.replace(/^\/api\/v5\//, '').split(/[/_-]/);
  return `${spec.auth === 'public' ? 'public' : 'private'}${spec.method === 'GET' ? 'Get' : 'Post'}${words.map((w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`).join('')}`;
}

/** ccxt with its rate limiting on (the default), pointed at the loopback server. */
function ccxt(module: CcxtModule): PeerFactory {
  return (baseUrl, credentials) => {
    const exchange = new module.okx({ apiKey: credentials.apiKey, secret: credentials.secretKey, password: credentials.passphrase, enableRateLimit: true });
    exchange.urls.api.rest = baseUrl;
    return {
      name: 'ccxt',
      send: (id, params) => {
        const method = exchange[ccxtMethod(id)];
        if (typeof method !== 'function') return Promise.reject(new Error(`ccxt has no ${ccxtMethod(id)}`));
        return (method as (p: object) => Promise<unknown>).call(exchange, params);
      },
    };
  };
}

export interface Peers {
  readonly factories: PeerFactory[];
  /** What could not be installed or loaded, and why. */
  readonly notes: string[];
}

/** Installs the peers into bench/node_modules when they are missing (npm ci with bench/package-lock.json), and loads them. */
export function loadPeers(): Peers {
  const notes: string[] = [];
  const installed = (name: string) => existsSync(path.join(BENCH, 'node_modules', name, 'package.json'));
  if (!installed('okx-api') || !installed('ccxt')) {
    console.log('Installing the peers (okx-api, ccxt) into bench/node_modules for the bench only…');
    const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: BENCH, encoding: 'utf8', timeout: 300_000 });
    if (result.status !== 0) notes.push(`npm ci in bench/ failed (${(result.stderr || result.error?.message || `exit ${String(result.status)}`).trim().split('\n').slice(-1)[0] ?? ''})`);
  }
  const load = createRequire(path.join(BENCH, 'package.json'));
  const factories: PeerFactory[] = [];
  for (const [name, make] of [
    ['okx-api', (m: unknown) => okxApi(m as OkxApiModule)],
    ['ccxt', (m: unknown) => ccxt(m as CcxtModule)],
  ] as const) {
    try {
      factories.push(make(load(name)));
      const { version } = JSON.parse(readFileSync(path.join(BENCH, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
      notes.push(`${name} ${version}`);
    } catch (error) {
      notes.push(`${name} could not be loaded, so it is left out: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  return { factories, notes };
}

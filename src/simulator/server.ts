/**
 * An OKX v5 Financial Product server of our own, on loopback: every endpoint of the endpoint table, routed
 * from the same endpoint table as the client, with OKX's authentication, rate limits and error codes, a
 * stateful portfolio, a controllable clock and prices, and fault injection.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ENDPOINTS, endpointByRoute, type EndpointId } from '../okx/endpoints';
import { ENDPOINT_DOCS } from '../okx/endpointDocs';
import { sign } from '../okx/signing';
import { scaleRateLimit } from '../okx/testRateLimits';
import { answerLate, LateRequests, ReadReplica } from './badDays';
import { SimClock } from './clock';
import { Portfolio } from './engine';
import { parseJsonBody, type RawParams } from './params';
import { FaultInjector, holdAnswer } from './faults';
import { PriceFeed } from './market';
import { PublicSocketSim, type PublicSocketSimOptions } from './publicSocket';
import { SimError } from './simError';
import { demoState, type SimState } from './state';
import { loadStateFile } from './stateUpgrade';

export interface SimKey {
  readonly apiKey: string;
  readonly secretKey: string;
  readonly passphrase: string;
  /** A Read key gets 50120 on Trade endpoints. */
  readonly permission: 'read' | 'trade';
  /** A demo-trading key: valid only with `x-simulated-trading: 1` (and the reverse for live keys). */
  readonly demo: boolean;
  /** The region whose host the key belongs to; on another region's host it "doesn't exist" (50119). */
  readonly region: SimRegion;
  /** When set, requests from other addresses get 50110. */
  readonly ipAllowList?: readonly string[];
}

export type SimRegion = 'global' | 'us' | 'eea';

/** The sandbox's fixed credentials: documented, not secret, good for nothing but this simulator. */
export const SANDBOX_CREDENTIALS = {
  apiKey: 'okx-earn-sandbox-key',
  secretKey: 'okx-earn-sandbox-secret',
  passphrase: 'Sandbox-1',
} as const;

export const SANDBOX_KEY: SimKey = { ...SANDBOX_CREDENTIALS, permission: 'trade', demo: false, region: 'global' };

export interface SimulatorOptions {
  /** 0 (default) picks a free port. The server listens on 127.0.0.1 only. */
  readonly port?: number;
  readonly keys?: readonly SimKey[];
  /** The region this server plays. */
  readonly region?: SimRegion;
  /** Starting portfolio; the demo portfolio by default. */
  readonly state?: SimState;
  /** Save the portfolio here after every request and restore it at start. */
  readonly stateFile?: string;
  /** Start with the simulated clock this far from real time. */
  readonly clockOffsetMs?: number;
  /** The simulated clock stands still unless advanced (tests that compare states). */
  readonly frozenClock?: boolean;
  /** Prices drift gently (the sandbox) rather than stay put (tests). */
  readonly priceMotion?: boolean;
  /** Enforce OKX's per-endpoint rate limits (default true). */
  readonly rateLimits?: boolean;
  /**
   * Test-only (see src/okx/testRateLimits): OKX's windows multiplied by this (0 < scale ≤ 1), for tests whose
   * client is given the same scale. Default 1, OKX's real limits (the sandbox never sets it).
   */
  readonly rateLimitScale?: number;
  /** The public WebSocket's timings (tests shorten them); OKX's by default. */
  readonly publicSocket?: PublicSocketSimOptions;
  readonly log?: (line: string) => void;
}

/** One request as the simulator saw it. */
export interface SimRequest {
  readonly endpoint: EndpointId | undefined;
  readonly method: string;
  readonly url: string;
  readonly apiKey: string | undefined;
  /** The code it answered with; undefined when no answer was sent. */
  code: string | undefined;
  readonly at: number;
  /** The parameters it carried (a GET's query or a POST's body), once read. Never a credential: those travel in headers. */
  params?: RawParams;
  /** A late request (fault 'late'): 'pending', then 'carried out' or 'refused CODE: message'. */
  late?: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MAX_BODY = 64 * 1024;

export class Simulator {
  readonly clock: SimClock;
  readonly prices: PriceFeed;
  readonly portfolio: Portfolio;
  readonly faults = new FaultInjector();
  readonly requests: SimRequest[] = [];
  /** Requests answered already that will be carried out later (fault 'late'). */
  readonly late: LateRequests;
  /** What reads see while a write's history lags (fault 'history-lag'). */
  readonly replica: ReadReplica;
  /** `/ws/v5/public`: the index-tickers channel, scriptable (see ./publicSocket). */
  readonly publicSocket: PublicSocketSim;
  /** Connections accepted so far (a kept-alive socket counts once, however many requests it carries). */
  connections = 0;
  private readonly keys: readonly SimKey[];
  private readonly region: SimRegion;
  private readonly rateLimits: boolean;
  private readonly rateLimitScale: number;
  private readonly arrivals = new Map<string, number[]>();
  private readonly sockets = new Set<Socket>();
  private readonly server = createServer((req, res) => void this.handle(req, res));
  private saveTimer: NodeJS.Timeout | undefined;

  private constructor(private readonly options: SimulatorOptions) {
    this.clock = new SimClock(options.clockOffsetMs ?? 0, options.frozenClock === true);
    const state = options.state ?? loadStateFile(options.stateFile, () => demoState(this.clock.now()));
    this.prices = new PriceFeed(state.basePrices, options.priceMotion === true);
    this.portfolio = new Portfolio(state, this.prices);
    this.late = new LateRequests(this.clock);
    this.replica = new ReadReplica(this.prices, this.clock);
    this.keys = options.keys ?? [SANDBOX_KEY];
    this.region = options.region ?? 'global';
    this.rateLimits = options.rateLimits ?? true;
    const scale = options.rateLimitScale ?? 1;
    if (!(scale > 0 && scale <= 1)) throw new Error(`rateLimitScale must be above 0 and at most 1, not ${scale}`);
    this.rateLimitScale = scale;
    this.publicSocket = new PublicSocketSim(this.prices, this.clock, () => Object.keys(this.state.basePrices), options.publicSocket, options.log);
    this.server.on('upgrade', (req, socket, head) => this.publicSocket.handleUpgrade(req, socket, head));
    this.server.on('connection', (socket) => {
      this.connections += 1;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(options: SimulatorOptions = {}): Promise<Simulator> {
    const simulator = new Simulator(options);
    await new Promise<void>((resolve, reject) => {
      simulator.server.once('error', reject);
      simulator.server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    return simulator;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get state(): SimState {
    return this.portfolio.state;
  }

  /**
   * Moves simulated time forward and brings the portfolio up to the new time, stopping on the way at each late
   * request due (fault 'late') to carry it out at its time.
   */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error('The clock only moves forward');
    const target = this.clock.now() + ms;
    const targetOffset = this.clock.offsetMs + ms;
    for (let due = this.late.nextDueAt; due !== undefined && due <= target; due = this.late.nextDueAt) {
      this.clock.advance(Math.max(0, Math.min(due - this.clock.now(), targetOffset - this.clock.offsetMs)));
      const pending = this.late.pending;
      this.late.runDue();
      if (this.late.pending === pending) break;
    }
    this.clock.advance(Math.max(0, targetOffset - this.clock.offsetMs));
    this.portfolio.catchUp(this.clock.now());
    this.scheduleSave();
  }

  /** Requests that reached an endpoint (after the fault layer), optionally of one endpoint. */
  received(endpoint?: EndpointId): SimRequest[] {
    return this.requests.filter((r) => endpoint === undefined || r.endpoint === endpoint);
  }

  async close(): Promise<void> {
    this.late.cancelAll();
    this.publicSocket.close();
    this.save();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Writes the state file now (atomically), if there is one. */
  save(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const file = this.options.stateFile;
    if (file === undefined) return;
    writeFileSync(`${file}.tmp`, JSON.stringify(this.state));
    renameSync(`${file}.tmp`, file);
  }

  private scheduleSave(): void {
    if (this.options.stateFile !== undefined && this.saveTimer === undefined) {
      this.saveTimer = setTimeout(() => this.save(), 200);
      this.saveTimer.unref();
    }
  }

  // ------------------------------------------------------------------ one request

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const question = url.indexOf('?');
    const path = question < 0 ? url : url.slice(0, question);
    const method = req.method ?? 'GET';
    const id = endpointByRoute(method, path);
    const header = (name: string): string | undefined => {
      const value = req.headers[name];
      return typeof value === 'string' && value !== '' ? value : undefined;
    };
    const record: SimRequest = { endpoint: id, method, url, apiKey: header('ok-access-key'), code: undefined, at: this.clock.now() };

    const { delayMs, roundTripMs, historyLagMs, fault } = this.faults.take(id, method !== 'GET');
    if (roundTripMs > 0) holdAnswer(res, performance.now() + roundTripMs);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    this.requests.push(record);
    const reply = (httpStatus: number, code: string, msg: string, data: unknown = []): void => {
      record.code = code;
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(httpStatus, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code, msg, data }));
      }
    };

    if (fault?.kind === 'http') {
      record.code = `HTTP ${fault.status}`;
      res.writeHead(fault.status, { 'content-type': 'text/html' });
      res.end(fault.body ?? `<html><body><h1>${fault.status}</h1></body></html>`);
      return;
    }
    if (fault?.kind === 'okx') {
      reply(fault.status ?? 200, fault.code, fault.msg ?? 'Injected fault');
      return;
    }
    if (fault?.kind === 'data' || (fault?.kind === 'ack' && !fault.execute)) {
      reply(200, '0', '', fault.data);
      return;
    }
    if (fault?.kind === 'malformed') {
      record.code = 'malformed';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"code":"0","msg":"","data":[{"amt":');
      return;
    }

    if (id === undefined) {
      const known = Object.values(ENDPOINTS).some((spec) => spec.path === path);
      reply(known ? 405 : 404, known ? '405' : '404', known ? 'Method Not Allowed' : 'Not Found');
      return;
    }

    let body = '';
    for await (const chunk of req) {
      body += (chunk as Buffer).toString('utf8');
      if (body.length > MAX_BODY) {
        reply(413, '50000', 'Body too large');
        return;
      }
    }

    try {
      const spec = ENDPOINTS[id];
      if (spec.auth === 'private') this.authenticate(id, method, url, body, header, req.socket.remoteAddress ?? '');
      this.rateLimit(id, spec.rateLimit.scope === 'ip' ? `ip:${req.socket.remoteAddress ?? ''}` : `user:${record.apiKey ?? ''}`);
      const params = method === 'GET' ? Object.fromEntries(new URLSearchParams(question < 0 ? '' : url.slice(question + 1))) : parseJsonBody(body);
      record.params = params;
      this.late.refuseIfInFlight(id, params);
      if (fault?.kind === 'late') {
        record.late = 'pending';
        this.late.schedule(id, params, fault.afterMs, () => this.carryOutLate(record, id, params, historyLagMs));
        record.code = answerLate(fault.answer, req, res);
        return;
      }
      const data = this.carryOut(id, method, params, historyLagMs);
      if (fault?.kind === 'ack') {
        reply(200, '0', '', fault.data);
        return;
      }
      if (fault?.kind === 'lose-response') {
        record.code = '0 (response lost)';
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'hang-after-execute') {
        record.code = '0 (no response)';
        return;
      }
      reply(200, '0', '', data);
    } catch (error) {
      if (error instanceof SimError) {
        reply(error.httpStatus, error.code, error.message);
      } else {
        this.options.log?.(`simulator: ${id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        reply(500, '50000', 'System error');
      }
    }
  }

  /** Carries a request out: a read from the replica (which may lag), a write on the portfolio. */
  private carryOut(id: EndpointId, method: string, params: RawParams, historyLagMs: number): unknown {
    const before = method !== 'GET' && historyLagMs > 0 ? ReadReplica.snapshot(this.state) : undefined;
    const data = (method === 'GET' ? this.replica.reads(this.portfolio) : this.portfolio).handle(id, params, this.clock.now());
    this.scheduleSave();
    if (before !== undefined) this.replica.lagBehind(before, historyLagMs);
    return data;
  }

  /** A late request's time has come: carried out as it would have been then, or (refused) not at all. */
  private carryOutLate(record: SimRequest, id: EndpointId, params: RawParams, historyLagMs: number): void {
    try {
      this.carryOut(id, record.method, params, historyLagMs);
      record.late = 'carried out';
    } catch (error) {
      record.late = error instanceof SimError ? `refused ${error.code}: ${error.message}` : 'failed';
      const detail = error instanceof SimError ? record.late : error instanceof Error ? (error.stack ?? error.message) : String(error);
      this.options.log?.(`simulator: late ${id} not carried out: ${detail}`);
    }
  }

  private authenticate(
    id: EndpointId,
    method: string,
    url: string,
    body: string,
    header: (name: string) => string | undefined,
    remoteAddress: string,
  ): void {
    const apiKey = header('ok-access-key');
    const passphrase = header('ok-access-passphrase');
    const signature = header('ok-access-sign');
    const timestamp = header('ok-access-timestamp');
    if (apiKey === undefined) throw new SimError('50103', 'Request header OK-ACCESS-KEY cannot be empty', 401);
    if (passphrase === undefined) throw new SimError('50104', 'Request header OK-ACCESS-PASSPHRASE cannot be empty', 401);
    if (signature === undefined) throw new SimError('50106', 'Request header OK-ACCESS-SIGN cannot be empty', 401);
    if (timestamp === undefined) throw new SimError('50107', 'Request header OK-ACCESS-TIMESTAMP cannot be empty', 401);
    if (!TIMESTAMP.test(timestamp)) throw new SimError('50112', 'Invalid OK-ACCESS-TIMESTAMP', 401);
    if (Math.abs(this.clock.now() - Date.parse(timestamp)) > 30_000) throw new SimError('50102', 'Timestamp request expired', 401);
    const key = this.keys.find((k) => k.apiKey === apiKey);
    if (key === undefined) throw new SimError('50111', 'Invalid OK-ACCESS-KEY', 401);
    if (key.region !== this.region) throw new SimError('50119', "API key doesn't exist", 401);
    if (passphrase !== key.passphrase) throw new SimError('50105', 'Invalid OK-ACCESS-PASSPHRASE', 401);
    if (sign(key.secretKey, timestamp, method, url, body) !== signature) throw new SimError('50113', 'Invalid Sign', 401);
    if ((header('x-simulated-trading') === '1') !== key.demo) {
      throw new SimError('50101', 'APIKey does not match current environment', 401);
    }
    if (key.ipAllowList !== undefined && !key.ipAllowList.includes(remoteAddress.replace(/^::ffff:/, ''))) {
      throw new SimError('50110', `Your IP ${remoteAddress} is not included in your API key's IP whitelist`, 401);
    }
    if (ENDPOINT_DOCS[id].permission === 'Trade' && key.permission !== 'trade') {
      throw new SimError('50120', 'API key doesn\'t have permission to access this endpoint', 401);
    }
  }

  /** A sliding window per endpoint and user (or IP), as OKX counts. */
  private rateLimit(id: EndpointId, who: string): void {
    if (!this.rateLimits) return;
    const { count, windowMs } = scaleRateLimit(ENDPOINTS[id].rateLimit, this.rateLimitScale);
    const key = `${who}:${id}`;
    const now = performance.now();
    const recent = (this.arrivals.get(key) ?? []).filter((at) => now - at < windowMs);
    if (recent.length >= count) {
      this.arrivals.set(key, recent);
      throw new SimError('50011', 'Too Many Requests', 429);
    }
    recent.push(now);
    this.arrivals.set(key, recent);
  }
}

/**
 * A client of OKX's public WebSocket for the `index-tickers` channel: live index prices with no API key.
 *
 * It keeps OKX's connection rules (shared/okx-docs-2026/websocket-*.md): the text `ping` after 25 s without a
 * message and a reconnect when no `pong` follows within 5 s (OKX closes a connection after 30 s of silence);
 * reconnects with capped exponential backoff and jitter, then subscribes again; never more than 3 connection
 * attempts a second; an early reconnect on the 64008 notice (a service upgrade within 60 s); and no more than
 * 480 subscribe/unsubscribe requests an hour on one connection (wanted changes wait, and say so, when the
 * budget is spent). It connects only while some instrument is wanted and closes when none is.
 *
 * `ws` (Node's standard WebSocket library; VS Code 1.100's Node has no WebSocket of its own) is loaded with the
 * first connection. Its handshake is an `http(s).request`, the function VS Code's proxy support replaces, so it
 * goes through VS Code's proxy settings as HTTP does; an explicit `agent` is passed through when given.
 */
import type { Agent } from 'node:http';
import type { WebSocket as WsSocket } from 'ws';
import { backoffMs, frameText, indexTickerRequests, instIdsNamed, parseServerMessage, RULES, SERVICE_UPGRADE_NOTICE, SlidingWindow, type SocketRequest } from './socketProtocol';

export interface IndexTick {
  readonly instId: string;
  readonly idxPx: string;
  /** OKX's ts, ms */
  readonly ts: number;
  /** local time received, ms */
  readonly receivedAt: number;
}

export type SocketState = 'closed' | 'connecting' | 'live' | 'paused';

export interface PublicSocketOptions {
  readonly url: string; // e.g. wss://ws.okx.com:8443/ws/v5/public, or ws://127.0.0.1:PORT/ws/v5/public
  readonly agent?: Agent; // the proxy agent (VS Code's proxy settings), as HTTP uses
  readonly now?: () => number;
  readonly random?: () => number; // for tests
  readonly log?: (line: string) => void;
  readonly silenceMs?: number; // default 25_000: send 'ping' after this much silence; no 'pong' within 5 s → reconnect
}

interface Disposable {
  dispose(): void;
}

type WsClass = typeof import('ws').WebSocket;
let loading: Promise<WsClass> | undefined;
const loadWs = (): Promise<WsClass> => (loading ??= import('ws').then((module) => module.WebSocket));

class Listeners<A extends unknown[]> {
  private readonly set = new Set<(...args: A) => void>();
  add(listener: (...args: A) => void): Disposable {
    this.set.add(listener);
    return { dispose: () => this.set.delete(listener) };
  }
  fire(...args: A): void {
    for (const listener of [...this.set]) listener(...args);
  }
  clear(): void {
    this.set.clear();
  }
}

export class PublicSocket {
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly silenceMs: number;
  private readonly ticks = new Listeners<[IndexTick]>();
  private readonly states = new Listeners<[SocketState, string | undefined]>();
  private current: SocketState = 'closed';
  private why: string | undefined;
  private disposed = false;
  /** What the caller wants. */
  private wanted = new Set<string>();
  /** Subscribe requests sent on this connection (acknowledged or not), less unsubscribes. */
  private readonly subscribed = new Set<string>();
  /** Refused by OKX on this connection (60018 and the like): not asked again until the next connection. */
  private readonly rejected = new Set<string>();
  /** Requests sent on this connection and not yet answered for every instrument. */
  private readonly requests = new Map<string, { readonly request: SocketRequest; answered: number }>();
  private readonly connects = new SlidingWindow(RULES.connectsPerSecond, 1000);
  private readonly budget = new SlidingWindow(RULES.requestsPerHour, 3_600_000);
  private socket: WsSocket | undefined;
  private open = false;
  /** `ws` is being loaded for a connection. */
  private loadingWs = false;
  /** Bumped whenever a socket is given up, so that its late events are ignored. */
  private generation = 0;
  private failures = 0;
  private requestSeq = 0;
  private connectTimer: NodeJS.Timeout | undefined;
  private silenceTimer: NodeJS.Timeout | undefined;
  private pongTimer: NodeJS.Timeout | undefined;
  private budgetTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: PublicSocketOptions) {
    this.now = options.now ?? (() => Date.now());
    this.random = options.random ?? Math.random;
    this.silenceMs = options.silenceMs ?? RULES.silenceMs;
  }

  get state(): SocketState {
    return this.current;
  }

  onTick(listener: (tick: IndexTick) => void): Disposable {
    return this.ticks.add(listener);
  }

  onState(listener: (state: SocketState, why?: string) => void): Disposable {
    return this.states.add(listener);
  }

  /** Subscribes to exactly these index instruments (e.g. 'BTC-USD'): diffs against what is subscribed; opens the socket when non-empty, closes it when empty. */
  setInstruments(instIds: readonly string[]): void {
    if (this.disposed) return;
    this.wanted = new Set(instIds.map((id) => id.trim()).filter((id) => id !== ''));
    for (const instId of this.rejected) if (!this.wanted.has(instId)) this.rejected.delete(instId);
    if (this.wanted.size === 0) {
      if (this.socket !== undefined || this.connectTimer !== undefined) this.log('closing: no instrument wanted');
      this.drop();
      this.failures = 0;
      this.setState('closed', 'nothing needs it');
    } else if (this.socket === undefined && this.connectTimer === undefined && !this.loadingWs) {
      this.setState('connecting', `wanted: ${[...this.wanted].join(', ')}`);
      this.connect();
    } else if (this.open) {
      this.sync();
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.wanted.clear();
    this.drop();
    this.setState('closed', 'disposed');
    this.disposed = true;
    this.ticks.clear();
    this.states.clear();
  }

  // ------------------------------------------------------------------ connection

  private connect(): void {
    this.connectTimer = undefined;
    if (this.disposed || this.wanted.size === 0 || this.socket !== undefined || this.loadingWs) return;
    const wait = this.connects.waitMs(this.now());
    if (wait > 0) {
      this.log(`waiting ${wait} ms to connect: OKX allows ${RULES.connectsPerSecond} connection attempts a second`);
      this.connectTimer = setTimeout(() => this.connect(), wait);
      return;
    }
    this.connects.record(this.now());
    const generation = ++this.generation;
    this.log(`connecting to ${this.options.url}`);
    this.loadingWs = true;
    loadWs().then(
      (WebSocket) => {
        this.loadingWs = false;
        if (generation !== this.generation || this.disposed || this.wanted.size === 0) return;
        const socket = new WebSocket(this.options.url, {
          ...(this.options.agent === undefined ? {} : { agent: this.options.agent }),
          perMessageDeflate: false,
          handshakeTimeout: RULES.handshakeTimeoutMs,
        });
        this.socket = socket;
        socket.on('open', () => generation === this.generation && this.opened());
        socket.on('message', (data, isBinary) => generation === this.generation && this.received(isBinary ? '' : frameText(data)));
        let failure = '';
        socket.on('error', (error) => {
          failure = error.message;
          if (generation === this.generation) this.log(`error: ${error.message}`);
        });
        socket.on('close', (code, reason) => {
          if (generation !== this.generation) return;
          const text = [reason.toString(), failure].filter((t) => t !== '').join('; ');
          this.reconnect(`closed (${code}${text === '' ? '' : `: ${text}`})`);
        });
      },
      (error: unknown) => {
        this.loadingWs = false;
        this.log(`cannot load ws: ${error instanceof Error ? error.message : String(error)}`);
        this.setState('paused', 'the WebSocket library failed to load');
      },
    );
  }

  private opened(): void {
    this.open = true;
    this.subscribed.clear();
    this.rejected.clear();
    this.requests.clear();
    this.budget.reset();
    this.log('connected');
    this.heard();
    this.setState('live', 'connected');
    this.sync();
  }

  /** Gives the socket up and, while something is wanted, tries again after the backoff (at once when `early`). */
  private reconnect(why: string, early = false): void {
    this.drop();
    if (this.disposed || this.wanted.size === 0) {
      this.setState('closed', why);
      return;
    }
    const delay = early ? 0 : backoffMs(this.failures++, this.random());
    this.log(`${why}; reconnecting in ${delay} ms`);
    this.setState('paused', `${why}; reconnecting`);
    if (early) this.connect();
    else this.connectTimer = setTimeout(() => this.connect(), delay);
  }

  private drop(): void {
    this.generation++;
    for (const timer of [this.connectTimer, this.silenceTimer, this.pongTimer, this.budgetTimer]) clearTimeout(timer);
    this.connectTimer = this.silenceTimer = this.pongTimer = this.budgetTimer = undefined;
    const socket = this.socket;
    this.socket = undefined;
    this.open = false;
    this.subscribed.clear();
    this.requests.clear();
    if (socket === undefined) return;
    socket.removeAllListeners();
    socket.on('error', () => undefined);
    if (socket.readyState === socket.OPEN) socket.close(1000);
    else socket.terminate();
  }

  // ------------------------------------------------------------------ keepalive

  /** Any message is a sign of life: the silence timer starts over and a pending ping is answered. */
  private heard(): void {
    clearTimeout(this.silenceTimer);
    clearTimeout(this.pongTimer);
    this.pongTimer = undefined;
    this.silenceTimer = setTimeout(() => this.ping(), this.silenceMs);
  }

  private ping(): void {
    if (!this.open || this.socket === undefined) return;
    this.socket.send('ping');
    this.pongTimer = setTimeout(() => this.reconnect(`no pong within ${RULES.pongTimeoutMs / 1000} s`), RULES.pongTimeoutMs);
  }

  // ------------------------------------------------------------------ subscriptions

  /** Sends what it takes to make the subscriptions match `wanted`, as the hourly budget allows. */
  private sync(): void {
    if (!this.open || this.socket === undefined) return;
    clearTimeout(this.budgetTimer);
    this.budgetTimer = undefined;
    const add = [...this.wanted].filter((id) => !this.subscribed.has(id) && !this.rejected.has(id));
    const remove = [...this.subscribed].filter((id) => !this.wanted.has(id));
    const batches = [...indexTickerRequests('subscribe', add, () => this.nextId()), ...indexTickerRequests('unsubscribe', remove, () => this.nextId())];
    for (const request of batches) {
      const wait = this.budget.waitMs(this.now());
      if (wait > 0) {
        const waiting = batches.slice(batches.indexOf(request)).flatMap((r) => (r.op === 'subscribe' ? r.instIds : []));
        const why = `OKX allows ${RULES.requestsPerHour} subscribe requests an hour on a connection: waiting ${Math.ceil(wait / 1000)} s`;
        this.log(`${why} to ${request.op} ${request.instIds.join(', ')}`);
        if (waiting.length > 0) this.setState('paused', `${why} before subscribing to ${waiting.join(', ')}`);
        this.budgetTimer = setTimeout(() => this.sync(), wait);
        return;
      }
      this.budget.record(this.now());
      this.requests.set(request.id, { request, answered: 0 });
      for (const instId of request.instIds) {
        if (request.op === 'subscribe') this.subscribed.add(instId);
        else this.subscribed.delete(instId);
      }
      this.socket.send(request.text);
    }
    if (this.current === 'paused') this.setState('live', 'subscriptions sent');
  }

  private nextId(): string {
    this.requestSeq = (this.requestSeq % 1e9) + 1;
    return `ix${this.requestSeq}`;
  }

  // ------------------------------------------------------------------ messages

  private received(text: string): void {
    this.heard();
    const message = parseServerMessage(text);
    switch (message.kind) {
      case 'pong':
      case 'other':
        return;
      case 'subscribe':
      case 'unsubscribe':
        this.answered(message.id);
        return;
      case 'error':
        this.refused(message.id, message.code, message.msg);
        return;
      case 'notice':
        this.log(`notice ${message.code}: ${message.msg}`);
        if (message.code === SERVICE_UPGRADE_NOTICE) this.reconnect('OKX is about to restart the service (64008)', true);
        return;
      case 'invalid':
        this.log(`ignored a message (${message.why}): ${text.slice(0, 200)}`);
        return;
      case 'push': {
        if (message.skipped > 0) this.log(`ignored ${message.skipped} malformed index price(s): ${text.slice(0, 200)}`);
        const receivedAt = this.now();
        for (const price of message.prices) {
          if (!this.wanted.has(price.instId)) continue;
          this.failures = 0;
          this.ticks.fire({ instId: price.instId, idxPx: price.idxPx, ts: price.ts, receivedAt });
        }
        return;
      }
    }
  }

  /** An error event: the instruments it names (or else all of its request's) are not subscribed on this connection. */
  private refused(id: string | undefined, code: string, msg: string): void {
    const request = id === undefined ? undefined : this.requests.get(id)?.request;
    this.answered(id);
    this.log(`error ${code}: ${msg}${request === undefined ? '' : ` (${request.op} ${request.instIds.join(', ')})`}`);
    if (request === undefined || request.op !== 'subscribe') return;
    const named = instIdsNamed(msg, request.instIds);
    for (const instId of named.length > 0 ? named : request.instIds) {
      this.subscribed.delete(instId);
      if (this.wanted.has(instId)) this.rejected.add(instId);
    }
  }

  /** One instrument of request `id` answered (OKX answers each arg of a request on its own). */
  private answered(id: string | undefined): void {
    const entry = id === undefined ? undefined : this.requests.get(id);
    if (entry !== undefined && ++entry.answered >= entry.request.instIds.length) this.requests.delete(entry.request.id);
  }

  // ------------------------------------------------------------------ state

  private setState(state: SocketState, why?: string): void {
    if (this.disposed || (state === this.current && (state !== 'paused' || why === this.why))) return;
    this.current = state;
    this.why = why;
    this.log(`state ${state}${why === undefined ? '' : `: ${why}`}`);
    this.states.fire(state, why);
  }

  private log(line: string): void {
    this.options.log?.(`Public WebSocket: ${line}`);
  }
}

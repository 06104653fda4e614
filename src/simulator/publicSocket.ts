/**
 * The simulator's public WebSocket, `/ws/v5/public`, on the simulator's own http server: the `index-tickers`
 * channel as OKX documents it (shared/okx-docs-2026/public-websocket-index-tickers.md, websocket-*.md), priced
 * by the same PriceFeed as `GET /api/v5/market/index-tickers`, so REST and socket agree.
 *
 * - subscribe/unsubscribe: one event per arg with the request's `id`, and a push at once on subscribe;
 *   errors as `{"event":"error","code":…}` (60012 bad JSON, 60019 bad op, 60013 bad args, 60027 no instId,
 *   60018 an unknown channel or instrument).
 * - pushes when an index price changes (checked every 100 ms) and once a minute otherwise.
 * - `ping` → `pong`; a connection with no traffic either way for 30 s is closed (4004).
 * - tests script it: `jump` a price, `refuseUpgrades` (HTTP 503), `silence`, `dropAll`, `notice` (64008), and
 *   read its counts.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { PUBLIC_SOCKET_PATH } from '../okx/environments';
import { frameText } from '../okx/socketProtocol';
import type { SimClock } from './clock';
import { INDEX_QUOTES, indexPx, indexTicker, type PriceFeed } from './market';

const CHANNEL = 'index-tickers';

export interface PublicSocketSimOptions {
  /** How often price changes are looked for (OKX: 100 ms). */
  readonly changeCheckMs?: number;
  /** A push this often when nothing changes (OKX: a minute). */
  readonly unchangedPushMs?: number;
  /** A connection with no traffic for this long is closed (OKX: 30 s). */
  readonly idleCloseMs?: number;
}

interface Subscription {
  lastPx: string;
  lastPushAt: number;
}

interface Connection {
  readonly ws: WebSocket;
  readonly connId: string;
  readonly subscriptions: Map<string, Subscription>;
  lastTrafficAt: number;
  noticeTimer?: NodeJS.Timeout;
}

export class PublicSocketSim {
  /** Upgrades accepted, ever. */
  connections = 0;
  /** Upgrades answered 503 (fault), ever. */
  refused = 0;
  /** When each upgrade request arrived (Date.now()), accepted or not. */
  readonly connectTimes: number[] = [];
  /** subscribe / unsubscribe requests received, ever (each counts once, however many args). */
  subscribeMessages = 0;
  unsubscribeMessages = 0;
  pings = 0;
  private readonly server = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  private readonly live = new Set<Connection>();
  private refuseLeft = 0;
  private silent = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly changeCheckMs: number;
  private readonly unchangedPushMs: number;
  private readonly idleCloseMs: number;

  constructor(
    private readonly prices: PriceFeed,
    private readonly clock: SimClock,
    /** The currencies priced against the index quotes (the state's base prices). */
    private readonly bases: () => readonly string[],
    options: PublicSocketSimOptions = {},
    private readonly log?: (line: string) => void,
  ) {
    this.changeCheckMs = options.changeCheckMs ?? 100;
    this.unchangedPushMs = options.unchangedPushMs ?? 60_000;
    this.idleCloseMs = options.idleCloseMs ?? 30_000;
  }

  /** Open connections now. */
  get open(): number {
    return this.live.size;
  }

  /** The instruments each open connection is subscribed to. */
  subscriptions(): string[][] {
    return [...this.live].map((c) => [...c.subscriptions.keys()].sort());
  }

  // ------------------------------------------------------------------ scripting

  /** Moves `ccy`'s USD price path to a price ("80000") or by a change ("-10%"); both REST and socket follow. */
  jump(ccy: string, to: string): string {
    const px = this.prices.jump(ccy, to, this.clock.now());
    this.check();
    return px;
  }

  /** The next `count` upgrades (all, by default) are answered HTTP 503. */
  refuseUpgrades(count = Number.POSITIVE_INFINITY): void {
    this.refuseLeft = count;
  }

  /** Silent: no answers, no pongs, no pushes, until `silence(false)`. */
  silence(on = true): void {
    this.silent = on;
  }

  /** Every open connection dropped at once, with no close frame. */
  dropAll(): void {
    for (const connection of [...this.live]) connection.ws.terminate();
  }

  /** OKX's service-upgrade notice (64008) on every open connection, which is closed `closeAfterMs` later. */
  notice(closeAfterMs = 60_000): void {
    for (const connection of this.live) {
      this.send(connection, { event: 'notice', code: '64008', msg: 'The connection will soon be closed for a service upgrade. Please reconnect.', connId: connection.connId });
      clearTimeout(connection.noticeTimer);
      connection.noticeTimer = setTimeout(() => connection.ws.terminate(), closeAfterMs);
      connection.noticeTimer.unref();
    }
  }

  close(): void {
    this.dropAll();
    clearInterval(this.timer);
    this.timer = undefined;
    this.server.close();
  }

  // ------------------------------------------------------------------ connections

  /** The http server's 'upgrade' handler. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.connectTimes.push(Date.now());
    const path = (req.url ?? '/').split('?')[0];
    const refuse = (status: string): void => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n\r\n`);
    };
    if (path !== PUBLIC_SOCKET_PATH) {
      refuse('404 Not Found');
      return;
    }
    if (this.refuseLeft > 0) {
      this.refuseLeft--;
      this.refused++;
      refuse('503 Service Unavailable');
      return;
    }
    this.server.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  private accept(ws: WebSocket): void {
    this.connections++;
    const connection: Connection = { ws, connId: randomBytes(4).toString('hex'), subscriptions: new Map(), lastTrafficAt: Date.now() };
    this.live.add(connection);
    ws.on('message', (data, isBinary) => this.received(connection, isBinary ? '' : frameText(data)));
    ws.on('error', (error) => this.log?.(`simulator ws: ${error.message}`));
    ws.on('close', () => {
      clearTimeout(connection.noticeTimer);
      this.live.delete(connection);
      if (this.live.size === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    });
    this.timer ??= setInterval(() => this.check(), this.changeCheckMs);
    this.timer.unref();
  }

  private received(connection: Connection, text: string): void {
    connection.lastTrafficAt = Date.now();
    if (text === 'ping') {
      this.pings++;
      if (!this.silent) connection.ws.send('pong');
      return;
    }
    let request: unknown;
    try {
      request = JSON.parse(text);
    } catch {
      request = undefined;
    }
    const record = typeof request === 'object' && request !== null && !Array.isArray(request) ? (request as Record<string, unknown>) : undefined;
    const id = typeof record?.id === 'string' ? record.id : undefined;
    if (record?.op === 'subscribe') this.subscribeMessages++;
    if (record?.op === 'unsubscribe') this.unsubscribeMessages++;
    if (this.silent) return;
    const error = (code: string, msg: string): void =>
      this.send(connection, { ...(id === undefined ? {} : { id }), event: 'error', code, msg, connId: connection.connId });
    if (record === undefined) return error('60012', `Invalid request: ${text}`);
    if (record.op !== 'subscribe' && record.op !== 'unsubscribe') return error('60019', `Invalid op: ${String(record.op)}`);
    if (!Array.isArray(record.args) || record.args.length === 0) return error('60013', 'Invalid args');
    for (const arg of record.args as unknown[]) {
      const channel = typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>).channel : undefined;
      const instId = typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>).instId : undefined;
      if (typeof channel !== 'string' || channel === '') {
        error('60027', 'Parameter channel can not be empty.');
      } else if (channel === CHANNEL && (typeof instId !== 'string' || instId === '')) {
        error('60027', 'Parameter instId can not be empty.');
      } else if (channel !== CHANNEL || !this.known(String(instId))) {
        error('60018', `Wrong URL or channel:${channel},instId:${String(instId)} doesn't exist. Please use the correct URL, channel and parameters referring to API document.`);
      } else {
        const inst = String(instId);
        this.send(connection, { ...(id === undefined ? {} : { id }), event: record.op, arg: { channel, instId: inst }, connId: connection.connId });
        if (record.op === 'unsubscribe') {
          connection.subscriptions.delete(inst);
        } else {
          const ticker = this.ticker(inst);
          connection.subscriptions.set(inst, { lastPx: ticker.idxPx, lastPushAt: Date.now() });
          this.push(connection, inst, ticker);
        }
      }
    }
  }

  /** An index OKX would have: a priced currency against USD, USDT, USDC or BTC. */
  private known(instId: string): boolean {
    const [base, quote, extra] = instId.split('-');
    if (base === undefined || quote === undefined || extra !== undefined || base === quote) return false;
    if (!INDEX_QUOTES.includes(quote) || !this.bases().includes(base)) return false;
    return quote === 'USD' || this.prices.has(quote);
  }

  private ticker(instId: string): ReturnType<typeof indexTicker> {
    const [base = '', quote = ''] = instId.split('-');
    return indexTicker(this.prices, base, quote, this.clock.now());
  }

  /** Every 100 ms (and after a jump): pushes what changed or went a minute unpushed; closes idle connections. */
  private check(): void {
    const now = Date.now();
    const simNow = this.clock.now();
    for (const connection of [...this.live]) {
      for (const [instId, subscription] of this.silent ? [] : connection.subscriptions) {
        const [base = '', quote = ''] = instId.split('-');
        const px = indexPx(this.prices, base, quote, simNow);
        if (px !== subscription.lastPx || now - subscription.lastPushAt >= this.unchangedPushMs) {
          subscription.lastPx = px;
          subscription.lastPushAt = now;
          this.push(connection, instId, this.ticker(instId));
        }
      }
      if (now - connection.lastTrafficAt >= this.idleCloseMs) connection.ws.close(4004, 'No data received in 30s');
    }
  }

  private push(connection: Connection, instId: string, ticker: ReturnType<typeof indexTicker>): void {
    this.send(connection, { arg: { channel: CHANNEL, instId }, data: [ticker] });
    connection.lastTrafficAt = Date.now();
  }

  private send(connection: Connection, message: unknown): void {
    if (connection.ws.readyState === connection.ws.OPEN) connection.ws.send(JSON.stringify(message));
  }
}

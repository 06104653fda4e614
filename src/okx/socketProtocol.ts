/**
 * OKX's public WebSocket, the pure parts: request framing, parsing what the server sends, and the arithmetic of
 * its connection rules (backoff, 3 connects a second, 480 subscribe requests an hour). No sockets, no timers.
 * Sources: shared/okx-docs-2026/websocket-*.md, public-websocket-index-tickers.md, error-codes-websocket.md.
 */

export const INDEX_TICKERS = 'index-tickers';

/** The notice OKX sends 60 s before it closes connections for a service upgrade. */
export const SERVICE_UPGRADE_NOTICE = '64008';

export const RULES = {
  /** Connection attempts per second (per IP). */
  connectsPerSecond: 3,
  /** subscribe/unsubscribe/login requests per connection per hour. */
  requestsPerHour: 480,
  /** OKX closes a connection after 30 s without traffic; ping well before. */
  silenceMs: 25_000,
  pongTimeoutMs: 5_000,
  backoffBaseMs: 1_000,
  backoffCapMs: 30_000,
  handshakeTimeoutMs: 10_000,
  /** The total length of one request's args may not pass 64 KB: batches stay well under. */
  maxRequestChars: 60_000,
} as const;

export interface ChannelArg {
  readonly channel: string;
  readonly instId?: string;
}

/** One index price as pushed; `idxPx` stays the decimal text OKX sent. */
export interface IndexPrice {
  readonly instId: string;
  readonly idxPx: string;
  readonly ts: number;
}

export type ServerMessage =
  | { readonly kind: 'pong' }
  | { readonly kind: 'subscribe' | 'unsubscribe'; readonly id?: string; readonly arg?: ChannelArg; readonly connId?: string }
  | { readonly kind: 'error'; readonly id?: string; readonly code: string; readonly msg: string; readonly connId?: string }
  | { readonly kind: 'notice'; readonly code: string; readonly msg: string; readonly connId?: string }
  | { readonly kind: 'push'; readonly arg: ChannelArg; readonly prices: readonly IndexPrice[]; readonly skipped: number }
  /** Well-formed but of no interest here (channel-conn-count, pushes of other channels, events we do not know). */
  | { readonly kind: 'other'; readonly text: string }
  | { readonly kind: 'invalid'; readonly text: string; readonly why: string };

export interface SocketRequest {
  readonly id: string;
  readonly op: 'subscribe' | 'unsubscribe';
  readonly instIds: readonly string[];
  /** The frame to send. */
  readonly text: string;
}

const DECIMAL = /^\d+(\.\d+)?$/;
const MILLIS = /^\d{1,16}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const optionalText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function channelArg(value: unknown): ChannelArg | undefined {
  if (!isRecord(value) || typeof value.channel !== 'string') return undefined;
  return typeof value.instId === 'string' ? { channel: value.channel, instId: value.instId } : { channel: value.channel };
}

/** Drops keys whose value is undefined, so that parsed messages compare cleanly. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** What one text frame from the public WebSocket says. Never throws. */
export function parseServerMessage(text: string): ServerMessage {
  if (text === 'pong') return { kind: 'pong' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'invalid', text, why: 'not JSON' };
  }
  if (!isRecord(json)) return { kind: 'invalid', text, why: 'not an object' };
  const connId = optionalText(json.connId);
  const id = optionalText(json.id);
  if (typeof json.event === 'string') {
    switch (json.event) {
      case 'subscribe':
      case 'unsubscribe':
        return defined({ kind: json.event, id, arg: channelArg(json.arg), connId });
      case 'error':
        return defined({ kind: 'error' as const, id, code: optionalText(json.code) ?? '', msg: optionalText(json.msg) ?? '', connId });
      case 'notice':
        return defined({ kind: 'notice' as const, code: optionalText(json.code) ?? '', msg: optionalText(json.msg) ?? '', connId });
      default:
        return { kind: 'other', text };
    }
  }
  const arg = channelArg(json.arg);
  if (arg === undefined) return { kind: 'invalid', text, why: 'neither an event nor a push' };
  if (arg.channel !== INDEX_TICKERS) return { kind: 'other', text };
  if (!Array.isArray(json.data)) return { kind: 'invalid', text, why: 'a push without data' };
  const prices: IndexPrice[] = [];
  let skipped = 0;
  for (const item of json.data as unknown[]) {
    const instId = isRecord(item) ? optionalText(item.instId) ?? arg.instId : undefined;
    const idxPx = isRecord(item) ? item.idxPx : undefined;
    const ts = isRecord(item) ? item.ts : undefined;
    if (instId !== undefined && typeof idxPx === 'string' && DECIMAL.test(idxPx) && typeof ts === 'string' && MILLIS.test(ts)) {
      prices.push({ instId, idxPx, ts: Number(ts) });
    } else {
      skipped++;
    }
  }
  return { kind: 'push', arg, prices, skipped };
}

/**
 * The subscribe or unsubscribe requests for `instIds` on the index-tickers channel: as few as fit OKX's 64 KB
 * limit on one request's args (one, for any realistic list). `nextId` gives each request's id (up to 32
 * alphanumerics).
 */
export function indexTickerRequests(op: 'subscribe' | 'unsubscribe', instIds: readonly string[], nextId: () => string): SocketRequest[] {
  const requests: SocketRequest[] = [];
  let batch: string[] = [];
  let chars = 0;
  const flush = (): void => {
    if (batch.length === 0) return;
    const id = nextId();
    const args = batch.map((instId) => ({ channel: INDEX_TICKERS, instId }));
    requests.push({ id, op, instIds: batch, text: JSON.stringify({ id, op, args }) });
    batch = [];
    chars = 0;
  };
  for (const instId of instIds) {
    const size = JSON.stringify({ channel: INDEX_TICKERS, instId }).length + 1;
    if (chars + size > RULES.maxRequestChars) flush();
    batch.push(instId);
    chars += size;
  }
  flush();
  return requests;
}

/**
 * The wait before reconnect attempt `attempt` (0 for the first after a drop): exponential from 1 s, capped at
 * 30 s, with "equal jitter" (between half and all of it) so that many clients dropped at once do not come
 * back together. `random` is in [0, 1).
 */
export function backoffMs(attempt: number, random: number, baseMs: number = RULES.backoffBaseMs, capMs: number = RULES.backoffCapMs): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(Math.max(0, attempt), 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random, 0), 1));
}

/** At most `limit` events in any `windowMs`: how long until the next may happen. */
export class SlidingWindow {
  private times: number[] = [];

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** How many happened in the window ending at `now`. */
  used(now: number): number {
    this.times = this.times.filter((t) => now - t < this.windowMs);
    return this.times.length;
  }

  /** 0 when `count` more may happen at `now`, else the wait until they may. */
  waitMs(now: number, count = 1): number {
    if (count > this.limit) throw new Error(`${count} events can never fit a window of ${this.limit}`);
    const excess = this.used(now) + count - this.limit;
    if (excess <= 0) return 0;
    const oldest = this.times[excess - 1] ?? now;
    return Math.max(0, oldest + this.windowMs - now);
  }

  record(now: number): void {
    this.times.push(now);
  }

  reset(): void {
    this.times = [];
  }
}

/** The instrument an error message names, as OKX words 60018 ("…channel:index-tickers,instId:FOO-USD doesn't exist"). */
export function instIdsNamed(msg: string, among: readonly string[]): string[] {
  return among.filter((instId) => new RegExp(`instId[":\\s]*${instId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9-])`).test(msg));
}

/** A frame's text, whichever form `ws` hands it in (Buffer, Buffer[] or ArrayBuffer). */
export function frameText(data: Buffer | ArrayBuffer | Buffer[]): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('utf8');
}

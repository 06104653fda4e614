/**
 * OKX's bad days, as the simulator plays them (issue 22): requests OKX carries out after it has answered, and a
 * read replica that lags behind the writes. The server decides when; this file keeps what they need.
 *
 * While a late request is pending, its idempotency key is IN FLIGHT, and another request carrying it is refused:
 * - flexible-loan borrow and repay: the clOrdId, per endpoint path as OKX scopes it, answers 51784 ("Client order
 *   ID is being processed"), as OKX documents for an in-flight duplicate. Once carried out, the loan desk's own
 *   rule takes over: 51016 for a completed duplicate within 60 s (51784 while a repayment settles).
 * - OKUSD subscribe and redeem: OKX documents only that the same clOrdId again "returns the original order without
 *   re-executing"; while there is no order yet to return, the simulator answers 51784 too (its choice). Once
 *   carried out, the same clOrdId returns the original order; if the late request was refused, the clOrdId is
 *   free again. OKUSD clOrdIds are one space for both endpoints, as the OKUSD desk treats them.
 * - Dual Investment trade and redeem: the quote id is single-use; while the request using it is pending it
 *   counts as taken, and another request with it is refused as a used quote is (51000 "Parameter quoteId
 *   error": the Dual chapter documents no in-flight code). If the late request is refused, the quote is unused.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EndpointId } from '../okx/endpoints';
import type { SimClock } from './clock';
import { Portfolio, type RawParams } from './engine';
import { OKX_TIMEOUT_MESSAGE, type LateAnswer } from './faults';
import type { PriceFeed } from './market';
import { SimError } from './simError';
import type { SimState } from './state';

/** A request's idempotency key, and what another request with it gets while the first is in flight. */
function idempotencyKey(id: EndpointId, params: RawParams): { key: string; inFlight: () => SimError } | undefined {
  const param = (name: string): string | undefined => {
    const value = params[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const clientOrderIdBusy = (): SimError => new SimError('51784', 'Client order ID is being processed');
  switch (id) {
    case 'loanBorrow':
    case 'loanRepay': {
      const clOrdId = param('clOrdId');
      return clOrdId === undefined ? undefined : { key: `${id}:${clOrdId}`, inFlight: clientOrderIdBusy };
    }
    case 'okusdSubscribe':
    case 'okusdRedeem': {
      const clOrdId = param('clOrdId');
      return clOrdId === undefined ? undefined : { key: `okusd:${clOrdId}`, inFlight: clientOrderIdBusy };
    }
    case 'dualTrade':
    case 'dualRedeem': {
      const quoteId = param('quoteId');
      return quoteId === undefined ? undefined : { key: `dual:${quoteId}`, inFlight: () => new SimError('51000', 'Parameter quoteId error', 400) };
    }
    default:
      return undefined;
  }
}

/** Answers a request that will be carried out late, at once; returns what it answered, for the request's record. */
export function answerLate(answer: LateAnswer = {}, req: IncomingMessage, res: ServerResponse): string {
  if (answer === 'hang') return 'no response (late)';
  if (answer === 'drop') {
    req.socket.destroy();
    return 'dropped (late)';
  }
  if ('httpStatus' in answer) {
    res.writeHead(answer.httpStatus, { 'content-type': 'text/html' });
    res.end(answer.body ?? `<html><body><h1>${answer.httpStatus} Gateway Error</h1></body></html>`);
    return `HTTP ${answer.httpStatus}`;
  }
  const code = answer.code ?? '50004';
  res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ code, msg: answer.msg ?? (code === '50004' ? OKX_TIMEOUT_MESSAGE : 'Injected fault'), data: [] }));
  return code;
}

/** A request answered already, to be carried out at `dueAt` (simulated time). */
interface PendingRequest {
  readonly key: string | undefined;
  readonly dueAt: number;
  readonly carryOut: () => void;
}

/**
 * Requests answered already and carried out later, with their idempotency keys in flight until then. Their time
 * is simulated time: with a running clock a timer carries them out `afterMs` later; with a frozen one, when a
 * test advances the clock past their time (`Simulator.advance` stops at each on the way).
 */
export class LateRequests {
  private pendingRequests: PendingRequest[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly clock: SimClock) {}

  /** Refuses (throws) a request whose idempotency key belongs to a late request still pending. */
  refuseIfInFlight(id: EndpointId, params: RawParams): void {
    const idempotency = idempotencyKey(id, params);
    if (idempotency !== undefined && this.pendingRequests.some((p) => p.key === idempotency.key)) throw idempotency.inFlight();
  }

  /** Runs `carryOut` `afterMs` from now (simulated time), the request's idempotency key in flight until then. */
  schedule(id: EndpointId, params: RawParams, afterMs: number, carryOut: () => void): void {
    this.pendingRequests.push({ key: idempotencyKey(id, params)?.key, dueAt: this.clock.now() + afterMs, carryOut });
    this.rearm();
  }

  /** How many are still pending. */
  get pending(): number {
    return this.pendingRequests.length;
  }

  /** When the next one is due (simulated time), if any. */
  get nextDueAt(): number | undefined {
    return this.pendingRequests.length === 0 ? undefined : Math.min(...this.pendingRequests.map((p) => p.dueAt));
  }

  /** Carries out, in order, every request due by the clock's time; each leaves the in-flight keys first. */
  runDue(): void {
    for (;;) {
      const next = this.pendingRequests.filter((p) => p.dueAt <= this.clock.now()).sort((a, b) => a.dueAt - b.dueAt)[0];
      if (next === undefined) break;
      this.pendingRequests = this.pendingRequests.filter((p) => p !== next);
      next.carryOut();
    }
    this.rearm();
  }

  /** Forgets every pending request (the simulator is closing): none of them will be carried out. */
  cancelAll(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pendingRequests = [];
  }

  /** With a running clock, a timer for the next one due. */
  private rearm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const next = this.nextDueAt;
    if (next === undefined || this.clock.frozen) return;
    this.timer = setTimeout(() => this.runDue(), Math.max(1, next - this.clock.now()));
    this.timer.unref();
  }
}

/**
 * A read replica that lags behind: after a lagging write, reads see a copy of the state from before it until the
 * lag ends (simulated time: real time with a running clock). A later lagging write while it lags keeps the older
 * copy and extends the lag: the replica has not caught up with the first write yet. The copy moves on with
 * simulated time as the state does, but sees no write made after it was taken.
 */
export class ReadReplica {
  private copy: Portfolio | undefined;
  private until = 0;

  constructor(
    private readonly prices: PriceFeed,
    private readonly clock: SimClock,
  ) {}

  /** A copy of the state to lag behind, taken before the write (the state is plain JSON). */
  static snapshot(state: SimState): SimState {
    return structuredClone(state);
  }

  /** The write after `before` was carried out: reads see `before` for `ms` more. */
  lagBehind(before: SimState, ms: number): void {
    const now = this.clock.now();
    if (this.copy === undefined || now >= this.until) this.copy = new Portfolio(before, this.prices);
    this.until = Math.max(this.until, now + ms);
  }

  /** The portfolio reads are served from: the lagging copy while the lag lasts, else `primary`. */
  reads(primary: Portfolio): Portfolio {
    if (this.copy !== undefined && this.clock.now() < this.until) return this.copy;
    this.copy = undefined;
    return primary;
  }
}

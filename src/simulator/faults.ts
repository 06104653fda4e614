/** Faults that tests and benchmarks inject into the simulator: slowness, errors, lost answers and OKX's bad days. */
import type { EndpointId } from '../okx/endpoints';

/** OKX's message with 50004: the request may yet be carried out. */
export const OKX_TIMEOUT_MESSAGE = 'Endpoint request timeout — does not indicate success or failure of order, please check order status';

/** What a request that OKX will carry out late is answered with at once. */
export type LateAnswer =
  /** An OKX envelope: `code` 50004 (with OKX's message) by default, HTTP `status` 200 by default. */
  | { code?: string; msg?: string; status?: number }
  /** An error page from in front of OKX (502, 504…): HTML by default. */
  | { httpStatus: number; body?: string }
  /** No answer at all: the caller times out. */
  | 'hang'
  /** The connection is closed without an answer. */
  | 'drop';

export type Fault =
  /** Answer late: `ms`, plus up to `jitterMs` more. */
  | { kind: 'latency'; ms: number; jitterMs?: number }
  /** Answer with this HTTP status and body (an HTML error page by default) without doing anything. */
  | { kind: 'http'; status: number; body?: string }
  /** Refuse with an OKX code (50013 system busy, 50004, …) without doing anything. */
  | { kind: 'okx'; code: string; msg?: string; status?: number }
  /** Close the connection before doing anything. */
  | { kind: 'drop' }
  /** Carry the request out, then close the connection without answering: the caller cannot know. */
  | { kind: 'lose-response' }
  /** Carry the request out, then never answer. */
  | { kind: 'hang-after-execute' }
  /** Answer 200 with a body that is not JSON. */
  | { kind: 'malformed' }
  /** Answer success (code "0") with this `data`, without doing anything: what another OKX state would say. */
  | { kind: 'data'; data: unknown }
  /**
   * Late completion, as OKX does after 50004 or a gateway timeout: the request is authenticated, rate-limited and
   * read at once, answered with `answer` (50004 by default) WITHOUT doing anything, and carried out `afterMs`
   * later, at the simulated time of that moment, by the same handler with the same parameters. A business error
   * then means it simply does not happen (logged, and noted on the request's record). Until then its
   * idempotency key is in flight: another request with it is refused (see src/simulator/badDays.ts).
   */
  | { kind: 'late'; answer?: LateAnswer; afterMs: number }
  /**
   * A read replica lagging behind: the write this applies to is carried out and answered normally, but every
   * GET (histories, balances, order look-ups) sees the state as it was before that write for `ms` (real time).
   * Applies to writes only (GET requests leave it untouched) and composes with the other kinds: with 'late',
   * the lag starts when the late request is carried out.
   */
  | { kind: 'history-lag'; ms: number }
  /**
   * An odd acknowledgement: code "0" with this `data` (`[]`, `[{}]`…), after carrying the request out
   * (`execute: true`; a business error is still answered as such) or without doing anything (`false`, as 'data').
   */
  | { kind: 'ack'; data: unknown; execute: boolean };

/** The faults that decide a request's answer: all but the ones that add to it (latency, history lag). */
export type AnswerFault = Exclude<Fault, { kind: 'latency' } | { kind: 'history-lag' }>;

export interface FaultRule {
  readonly fault: Fault;
  /** Only requests to this endpoint; every endpoint when absent. */
  readonly endpoint?: EndpointId;
  /** How many requests it applies to; every one when absent. */
  times?: number;
}

export class FaultInjector {
  private rules: FaultRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  /**
   * The faults for one request: total latency, the longest history lag (writes only: a GET neither gets nor
   * uses up a history-lag rule), and the first other fault that applies.
   */
  take(endpoint: EndpointId | undefined, write = true): { delayMs: number; historyLagMs: number; fault: AnswerFault | undefined } {
    let delayMs = 0;
    let historyLagMs = 0;
    let fault: AnswerFault | undefined;
    for (const rule of this.rules) {
      if (rule.endpoint !== undefined && rule.endpoint !== endpoint) continue;
      if (rule.fault.kind === 'latency') {
        delayMs += rule.fault.ms + Math.random() * (rule.fault.jitterMs ?? 0);
      } else if (rule.fault.kind === 'history-lag') {
        if (!write) continue;
        historyLagMs = Math.max(historyLagMs, rule.fault.ms);
      } else if (fault === undefined) {
        fault = rule.fault;
      } else {
        continue;
      }
      if (rule.times !== undefined) rule.times -= 1;
    }
    this.rules = this.rules.filter((rule) => rule.times === undefined || rule.times > 0);
    return { delayMs, historyLagMs, fault };
  }
}

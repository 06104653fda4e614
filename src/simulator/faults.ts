/** Faults that tests and benchmarks inject into the simulator: slowness, errors, lost answers and OKX's bad days. */
import type { ServerResponse } from 'node:http';
import { ENDPOINTS, type EndpointId } from '../okx/endpoints';

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
  /** Answer late: `ms`, plus up to `jitterMs` more, before the request is even read (a slow way in). */
  | { kind: 'latency'; ms: number; jitterMs?: number }
  /**
   * Answer `ms` after the request arrived, its work done at once: a round trip as a client sees OKX's, whose
   * work happens inside it, on OKX's machines, side by side. With 'latency' instead, the simulator's own work
   * for concurrent requests queues after the wait, one request after another, and counts as the client's time.
   */
  | { kind: 'round-trip'; ms: number }
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
   * later (simulated time: with a frozen clock, when a test advances it that far), at the simulated time of that
   * moment, by the same handler with the same parameters. A business error then means it simply does not happen
   * (logged, and noted on the request's record). Until then its idempotency key is in flight: another request
   * with it is refused (see src/simulator/badDays.ts). Like every kind, the rule is taken when the request
   * arrives: one refused at authentication uses it up.
   */
  | { kind: 'late'; answer?: LateAnswer; afterMs: number }
  /**
   * A read replica lagging behind: the write this applies to is carried out and answered normally, but every
   * GET (histories, balances, order look-ups) sees the state as it was before that write for `ms` (simulated
   * time, as for 'late'). Applies to writes only (GET requests leave it untouched) and composes with the other
   * kinds: with 'late', the lag starts when the late request is carried out.
   */
  | { kind: 'history-lag'; ms: number }
  /**
   * An odd acknowledgement: code "0" with this `data` (`[]`, `[{}]`…), after carrying the request out
   * (`execute: true`; a business error is still answered as such) or without doing anything (`false`: as 'data',
   * answered before authentication).
   */
  | { kind: 'ack'; data: unknown; execute: boolean };

/** The faults that decide a request's answer: all but the ones that add to it (latency, round trip, history lag). */
export type AnswerFault = Exclude<Fault, { kind: 'latency' } | { kind: 'round-trip' } | { kind: 'history-lag' }>;

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
   * The faults for one request: total latency, the longest round trip, the longest history lag (writes only: a
   * GET neither gets nor uses up a history-lag rule), and the first other fault that applies.
   */
  take(endpoint: EndpointId | undefined, write = true): { delayMs: number; roundTripMs: number; historyLagMs: number; fault: AnswerFault | undefined } {
    let delayMs = 0;
    let roundTripMs = 0;
    let historyLagMs = 0;
    let fault: AnswerFault | undefined;
    for (const rule of this.rules) {
      if (rule.endpoint !== undefined && rule.endpoint !== endpoint) continue;
      if (rule.fault.kind === 'latency') {
        delayMs += rule.fault.ms + Math.random() * (rule.fault.jitterMs ?? 0);
      } else if (rule.fault.kind === 'round-trip') {
        roundTripMs = Math.max(roundTripMs, rule.fault.ms);
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
    return { delayMs, roundTripMs, historyLagMs, fault };
  }
}

/** Holds `res`'s answer (its end, and the head written with it) until `at` (performance.now()) if it comes sooner. */
export function holdAnswer(res: ServerResponse, at: number): void {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]): ServerResponse => {
    const wait = at - performance.now();
    if (wait <= 0) return end(...args);
    setTimeout(() => end(...args), wait);
    return res;
  }) as ServerResponse['end'];
}

/** The command line's syntax for a fault (`--fault SPEC`), for the usage text and error messages. */
export const FAULT_SPEC_SYNTAX = `KIND:ENDPOINT[:ARGUMENTS][:xTIMES], ENDPOINT an endpoint id (okusdSubscribe, loanBorrow…) or * for all:
    late:ENDPOINT:ANSWER:AFTER_MS   answer now, carry it out AFTER_MS later; ANSWER is an OKX code (50004, with
                                    OKX's message), an HTTP status 500-599 (an error page), hang or drop
    history-lag:ENDPOINT:MS         carry writes out, but reads see the state from before them for MS
    ack:ENDPOINT:JSON:execute       answer code 0 with data JSON, after carrying it out (or no-execute)
    round-trip:ENDPOINT:MS          answer MS after the request arrived, its work done at once
    okx:ENDPOINT:CODE  http:ENDPOINT:STATUS  latency:ENDPOINT:MS (before the request is read)
    drop:ENDPOINT  lose-response:ENDPOINT  hang-after-execute:ENDPOINT  malformed:ENDPOINT
  e.g. late:okusdSubscribe:50004:3000  late:dualTrade:hang:5000:x1  history-lag:okusdSubscribe:10000  ack:dualTrade:[]:execute`;

/** Reads one `--fault` spec (FAULT_SPEC_SYNTAX); throws a message saying what is wrong with it. */
export function parseFaultSpec(spec: string): FaultRule {
  const bad = (why: string): never => {
    throw new Error(`--fault ${spec}: ${why}\n  ${FAULT_SPEC_SYNTAX}`);
  };
  const parts = spec.split(':');
  let times: number | undefined;
  const last = /^x(\d+)$/.exec(parts.at(-1) ?? '');
  if (last !== null && parts.length > 2) {
    times = Number(last[1]);
    if (times < 1) bad('xTIMES must be at least x1');
    parts.pop();
  }
  const [kind = '', endpointName = '', ...args] = parts;
  if (endpointName === '') bad('an endpoint (or *) is needed');
  let endpoint: EndpointId | undefined;
  if (endpointName !== '*') {
    if (!Object.hasOwn(ENDPOINTS, endpointName)) bad(`unknown endpoint "${endpointName}"`);
    endpoint = endpointName as EndpointId;
  }
  const milliseconds = (text: string | undefined, name: string): number =>
    text !== undefined && /^\d+$/.test(text) ? Number(text) : bad(`${name} must be a whole number of milliseconds`);
  const argCount = (count: number): void => {
    if (args.length !== count) bad(`${kind} takes ${count === 0 ? 'no arguments' : `${count} argument${count > 1 ? 's' : ''}`} after the endpoint`);
  };
  let fault: Fault;
  switch (kind) {
    case 'late': {
      argCount(2);
      const [answerText = '', afterText] = args;
      let answer: LateAnswer;
      if (answerText === 'hang' || answerText === 'drop') answer = answerText;
      else if (/^\d{5}$/.test(answerText)) answer = { code: answerText };
      else if (/^5\d\d$/.test(answerText)) answer = { httpStatus: Number(answerText) };
      else return bad(`ANSWER "${answerText}" is none of: an OKX code (5 digits), an HTTP status 500-599, hang, drop`);
      fault = { kind: 'late', answer, afterMs: milliseconds(afterText, 'AFTER_MS') };
      break;
    }
    case 'history-lag':
      argCount(1);
      fault = { kind: 'history-lag', ms: milliseconds(args[0], 'MS') };
      break;
    case 'ack': {
      const flag = args.pop();
      if (flag !== 'execute' && flag !== 'no-execute') return bad('ack ends with execute or no-execute');
      let data: unknown;
      try {
        data = JSON.parse(args.join(':'));
      } catch {
        return bad(`"${args.join(':')}" is not JSON`);
      }
      fault = { kind: 'ack', data, execute: flag === 'execute' };
      break;
    }
    case 'okx':
      argCount(1);
      if (!/^\d{1,6}$/.test(args[0] ?? '')) bad('CODE must be an OKX code (digits)');
      fault = { kind: 'okx', code: args[0] ?? '' };
      break;
    case 'http':
      argCount(1);
      if (!/^[1-5]\d\d$/.test(args[0] ?? '')) bad('STATUS must be an HTTP status');
      fault = { kind: 'http', status: Number(args[0]) };
      break;
    case 'latency':
    case 'round-trip':
      argCount(1);
      fault = { kind, ms: milliseconds(args[0], 'MS') };
      break;
    case 'drop':
    case 'lose-response':
    case 'hang-after-execute':
    case 'malformed':
      argCount(0);
      fault = { kind };
      break;
    default:
      return bad(`unknown kind "${kind}"`);
  }
  return { fault, ...(endpoint === undefined ? {} : { endpoint }), ...(times === undefined ? {} : { times }) };
}

/** Faults that tests and benchmarks inject into the simulator: slowness, errors, and lost answers. */
import type { EndpointId } from '../okx/endpoints';

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
  | { kind: 'data'; data: unknown };

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

  /** The faults for one request: total latency, and the first other fault that applies. */
  take(endpoint: EndpointId | undefined): { delayMs: number; fault: Exclude<Fault, { kind: 'latency' }> | undefined } {
    let delayMs = 0;
    let fault: Exclude<Fault, { kind: 'latency' }> | undefined;
    for (const rule of this.rules) {
      if (rule.endpoint !== undefined && rule.endpoint !== endpoint) continue;
      if (rule.fault.kind === 'latency') {
        delayMs += rule.fault.ms + Math.random() * (rule.fault.jitterMs ?? 0);
      } else if (fault === undefined) {
        fault = rule.fault;
      } else {
        continue;
      }
      if (rule.times !== undefined) rule.times -= 1;
    }
    this.rules = this.rules.filter((rule) => rule.times === undefined || rule.times > 0);
    return { delayMs, fault };
  }
}

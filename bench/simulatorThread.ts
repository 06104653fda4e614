/**
 * The refresh section's simulators, on a worker thread of their own (./simulatorWorker), each answering a set
 * time after a request arrives (fault 'round-trip'), its work done inside that time. OKX does its work on its own
 * machines, side by side, inside the round trip a client sees. Before, on the client's event loop and answering
 * after a wait ('latency'), the simulator's work for the 32 requests of a refresh (signature checks, accruals,
 * JSON: about half a millisecond each) queued after the wait, one request after another, and was timed as the
 * client's. One thread serves the whole section, so the simulator's code is as warm as the client's.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EndpointId } from '../src/okx/endpoints';

/** What the bench reads of a request the simulator received. */
export interface SeenRequest {
  readonly endpoint: EndpointId | undefined;
  readonly url: string;
  /** The code it answered with ('50011': refused over a rate limit). */
  readonly code: string | undefined;
}

export interface SimulatorCounts {
  readonly requests: number;
  readonly connections: number;
}

export type ThreadCall =
  | { readonly op: 'start'; readonly roundTripMs: number; readonly rateLimitScale: number }
  | { readonly op: 'counts'; readonly sim: number }
  | { readonly op: 'requests'; readonly sim: number; readonly from: number }
  | { readonly op: 'removeLoans'; readonly sim: number }
  | { readonly op: 'close'; readonly sim: number };

export type ThreadReply = { readonly id: number } & ({ readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string });

export class SimulatorThread {
  private readonly worker = new Worker(path.join(__dirname, 'simulatorWorker.js'));
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;

  constructor() {
    this.worker.on('message', (reply: ThreadReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.ok) waiter?.resolve(reply.value);
      else waiter?.reject(new Error(`simulator thread: ${reply.error}`));
    });
    this.worker.on('error', (error) => {
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    });
  }

  call(message: ThreadCall): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...message });
    });
  }

  /** A simulator answering `roundTripMs` after each request arrives, with OKX's rate limits (windows scaled by `rateLimitScale`). */
  async simulator(roundTripMs: number, rateLimitScale: number): Promise<ThreadSimulator> {
    const { sim, url } = (await this.call({ op: 'start', roundTripMs, rateLimitScale })) as { sim: number; url: string };
    return new ThreadSimulator(this, sim, url);
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/** One simulator on the thread. */
export class ThreadSimulator {
  constructor(
    private readonly thread: SimulatorThread,
    private readonly sim: number,
    readonly url: string,
  ) {}

  async counts(): Promise<SimulatorCounts> {
    return (await this.thread.call({ op: 'counts', sim: this.sim })) as SimulatorCounts;
  }

  /** The requests received, from the `from`th on. */
  async requests(from = 0): Promise<SeenRequest[]> {
    return (await this.thread.call({ op: 'requests', sim: this.sim, from })) as SeenRequest[];
  }

  /** Repays every loan order at once (the account without a loan). */
  async removeLoans(): Promise<void> {
    await this.thread.call({ op: 'removeLoans', sim: this.sim });
  }

  async close(): Promise<void> {
    await this.thread.call({ op: 'close', sim: this.sim });
  }
}

/** A bare WebSocket client for tests of the simulator's /ws/v5/public: sends frames, waits for messages. */
import { WebSocket } from 'ws';
import { frameText } from '../../../src/okx/socketProtocol';

export class WsProbe {
  readonly messages: string[] = [];
  closed: { code: number; reason: string } | undefined;
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(frameText(data));
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
    ws.on('error', () => undefined);
  }

  static open(url: string): Promise<WsProbe> {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new WsProbe(ws)));
      ws.once('error', reject);
    });
  }

  /** The upgrade's failure, e.g. "Unexpected server response: 503". */
  static refusal(url: string): Promise<string> {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    return new Promise((resolve, reject) => {
      ws.once('open', () => reject(new Error('connected')));
      ws.once('error', (error) => resolve(error.message));
    });
  }

  send(message: string | object): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The first message from `from` on that `test` accepts (parsed, unless 'pong'), or a timeout. */
  async next(test: (message: Record<string, unknown> | 'pong') => boolean, timeoutMs = 1000, from = 0): Promise<Record<string, unknown> | 'pong'> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      for (const text of this.messages.slice(from)) {
        const message = text === 'pong' ? 'pong' : (JSON.parse(text) as Record<string, unknown>);
        if (test(message)) return message;
      }
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`No such message within ${timeoutMs} ms; got ${this.messages.slice(from).join('\n')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async waitClosed(timeoutMs = 1000): Promise<{ code: number; reason: string }> {
    const deadline = performance.now() + timeoutMs;
    while (this.closed === undefined && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    if (this.closed === undefined) throw new Error('Still open');
    return this.closed;
  }

  close(): void {
    this.ws.terminate();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

export const isEvent = (event: string, instId?: string) => (m: Record<string, unknown> | 'pong'): boolean =>
  m !== 'pong' && m.event === event && (instId === undefined || (m.arg as { instId?: string } | undefined)?.instId === instId);

export const isPush = (instId: string) => (m: Record<string, unknown> | 'pong'): boolean =>
  m !== 'pong' && m.event === undefined && (m.arg as { instId?: string } | undefined)?.instId === instId;

/**
 * A loopback proxy in front of the simulator, for faults the simulator has no switch for: every request is
 * carried out by the simulator, and the test may hold a request back before it is sent on, hold its answer
 * back, or replace the answer (after the simulator acted on the request).
 */
import { request as httpRequest } from 'node:http';
import { RecordingServer, type RecordedRequest, type Reply } from '../unit/support/recordingServer';

export interface ProxyRules {
  /** Waited for before the request is sent on to the simulator. */
  before?(request: RecordedRequest): Promise<void> | undefined;
  /** Milliseconds to hold the simulator's answer back. */
  delayMs?(request: RecordedRequest): number;
  /** An answer to give instead of the simulator's (which has acted on the request all the same). */
  replace?(request: RecordedRequest): Reply | undefined;
  /** Told once the simulator has answered (before any delay). */
  answered?(request: RecordedRequest): void;
}

function forward(target: string, request: RecordedRequest): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(request.url, target);
    const outgoing = httpRequest(url, { method: request.method, headers: { ...request.headers, host: url.host } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

export class OkxProxy {
  rules: ProxyRules = {};

  private constructor(readonly server: RecordingServer) {}

  static async start(target: string): Promise<OkxProxy> {
    const current: { proxy?: OkxProxy } = {};
    const server = await RecordingServer.start(async (request) => {
      const rules = current.proxy?.rules ?? {};
      await rules.before?.(request);
      let answer: { status: number; text: string };
      try {
        answer = await forward(target, request);
      } catch {
        return { destroy: true };
      }
      rules.answered?.(request);
      const delay = rules.delayMs?.(request) ?? 0;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      return rules.replace?.(request) ?? { status: answer.status, text: answer.text, headers: { 'content-type': 'application/json' } };
    });
    current.proxy = new OkxProxy(server);
    return current.proxy;
  }

  get url(): string {
    return this.server.baseUrl;
  }

  close(): Promise<void> {
    return this.server.close();
  }
}

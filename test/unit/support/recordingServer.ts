/** A loopback HTTP server that records every request it receives and answers as the test says. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  /** Path and query exactly as received. */
  readonly url: string;
  readonly path: string;
  readonly query: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** performance.now() when the request had fully arrived. */
  readonly at: number;
}

export type Reply =
  | { status?: number; json: unknown; headers?: Record<string, string> }
  | { status?: number; text: string; headers?: Record<string, string> }
  /** Keep the connection open and never answer. */
  | { hang: true }
  /** Close the connection without an answer. */
  | { destroy: true };

export type Handler = (request: RecordedRequest, index: number) => Reply | Promise<Reply>;

export const ok = (data: unknown): Reply => ({ json: { code: '0', msg: '', data } });
export const okxError = (code: string, msg = '', status = 200, data: unknown = []): Reply => ({ status, json: { code, msg, data } });

export class RecordingServer {
  readonly requests: RecordedRequest[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private handler: Handler,
  ) {
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(handler: Handler = () => ok([])): Promise<RecordingServer> {
    const server = createServer();
    const instance = new RecordingServer(server, handler);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void instance.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  respond(handler: Handler): void {
    this.handler = handler;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      url,
      path: q < 0 ? url : url.slice(0, q),
      query: q < 0 ? '' : url.slice(q),
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      at: performance.now(),
    };
    this.requests.push(recorded);
    const reply = await this.handler(recorded, this.requests.length - 1);
    if ('hang' in reply) {
      return;
    }
    if ('destroy' in reply) {
      req.socket.destroy();
      return;
    }
    const body = 'json' in reply ? JSON.stringify(reply.json) : reply.text;
    res.writeHead(reply.status ?? 200, {
      'content-type': 'json' in reply ? 'application/json' : 'text/html',
      ...reply.headers,
    });
    res.end(body);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) {
      socket.destroy();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

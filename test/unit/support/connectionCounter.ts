/** A TCP pass-through to a loopback server that counts the connections opened through it. */
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export class ConnectionCounter {
  /** Connections opened so far. */
  connections = 0;
  private readonly sockets = new Set<Socket>();
  private readonly server = createServer((socket) => {
    this.connections += 1;
    const upstream = connect(this.targetPort, '127.0.0.1');
    for (const s of [socket, upstream]) {
      this.sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => this.sockets.delete(s));
    }
    socket.pipe(upstream).pipe(socket);
  });

  private constructor(private readonly targetPort: number) {}

  static async start(targetPort: number): Promise<ConnectionCounter> {
    const counter = new ConnectionCounter(targetPort);
    await new Promise<void>((resolve) => counter.server.listen(0, '127.0.0.1', resolve));
    return counter;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

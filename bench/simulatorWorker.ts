/** The worker thread behind ./simulatorThread: simulators started, counted and closed on the bench's request. */
import { parentPort } from 'node:worker_threads';
import { Simulator } from '../src/simulator/server';
import type { SeenRequest, SimulatorCounts, ThreadCall, ThreadReply } from './simulatorThread';

const simulators = new Map<number, Simulator>();
let nextSim = 1;

function simulator(id: number): Simulator {
  const sim = simulators.get(id);
  if (sim === undefined) throw new Error(`no simulator ${id}`);
  return sim;
}

async function carryOut(call: ThreadCall): Promise<unknown> {
  switch (call.op) {
    case 'start': {
      const sim = await Simulator.start({ priceMotion: false, rateLimitScale: call.rateLimitScale });
      sim.faults.add({ fault: { kind: 'round-trip', ms: call.roundTripMs } });
      const id = nextSim++;
      simulators.set(id, sim);
      return { sim: id, url: sim.url };
    }
    case 'counts': {
      const sim = simulator(call.sim);
      const counts: SimulatorCounts = { requests: sim.requests.length, connections: sim.connections };
      return counts;
    }
    case 'requests':
      return simulator(call.sim)
        .requests.slice(call.from)
        .map((r): SeenRequest => ({ endpoint: r.endpoint, url: r.url, code: r.code }));
    case 'removeLoans':
      simulator(call.sim).state.loans.orders.length = 0;
      return undefined;
    case 'close':
      await simulator(call.sim).close();
      simulators.delete(call.sim);
      return undefined;
  }
}

parentPort?.on('message', (message: ThreadCall & { id: number }) => {
  carryOut(message).then(
    (value) => parentPort?.postMessage({ id: message.id, ok: true, value } satisfies ThreadReply),
    (error: unknown) => parentPort?.postMessage({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies ThreadReply),
  );
});

/**
 * What the money-flow suites share: a simulator with the Sandbox's key (no rate limits), the extension connected
 * to it under a profile of the suite's own, a scripted `vscode.window` for each test, and the settings and key put
 * back afterwards. Called inside a suite's `describe`, whose hooks it registers.
 */
import type { OkxEarnApi } from '../../src/extension';
import type { EndpointId } from '../../src/okx/endpoints';
import { OkxClient } from '../../src/okx/client';
import { customEnvironment } from '../../src/okx/environments';
import { SANDBOX_KEY, Simulator } from '../../src/simulator/server';
import { ScriptedWindow, configure, extensionApi, removeTestKey, useTestKey } from './helpers';

export interface MoneySuite {
  readonly sim: Simulator;
  readonly api: OkxEarnApi;
  /** This test's scripted window. */
  readonly ui: ScriptedWindow;
  /** Requests the simulator received for an endpoint so far. */
  readonly posts: (endpoint: EndpointId) => number;
  /** A Loans-view item's argument for the `index`-th loan order, as OKX lists them now. */
  readonly loanArg: (index: number) => Promise<unknown>;
}

export function moneySuite(profile: string): MoneySuite {
  let sim: Simulator | undefined;
  let api: OkxEarnApi | undefined;
  let ui: ScriptedWindow | undefined;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is set up in the suite's hooks`);
    return value;
  };

  before(async () => {
    sim = await Simulator.start({ keys: [SANDBOX_KEY], priceMotion: false, rateLimits: false });
    api = await extensionApi();
    await configure({ environment: 'custom', customBaseUrl: sim.url, autoRefreshSeconds: 3600 });
    await useTestKey(api, profile, SANDBOX_KEY);
  });
  beforeEach(() => {
    ui = new ScriptedWindow().install();
    sim?.faults.clear();
  });
  afterEach(() => ui?.restore());
  after(async () => {
    await removeTestKey(profile);
    await configure({ environment: undefined, customBaseUrl: undefined, autoRefreshSeconds: undefined, retypeAmountAboveUsd: undefined });
    await sim?.close();
  });

  return {
    get sim() {
      return ready(sim, 'The simulator');
    },
    get api() {
      return ready(api, "The extension's API");
    },
    get ui() {
      return ready(ui, 'The scripted window');
    },
    posts: (endpoint) => ready(sim, 'The simulator').received(endpoint).length,
    loanArg: async (index) => {
      const loans = await new OkxClient({ environment: customEnvironment(ready(sim, 'The simulator').url), credentials: SANDBOX_KEY }).loan.info();
      return { payload: { kind: 'loan', loan: loans[index] } };
    },
  };
}

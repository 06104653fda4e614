/**
 * Every money flow, driven end to end in plain Node against the simulator: its questions answered as a chat
 * tool's answers are (../../src/commands/ui), its modal confirmation clicked by ./fakeVscode, and what OKX
 * carried out counted at the simulator. For the outcome matrix (../flows/outcomes.test.ts).
 */
import './fakeVscode';
import * as autoEarn from '../../../src/commands/autoEarn';
import * as dual from '../../../src/commands/dual';
import * as loan from '../../../src/commands/loan';
// Wires "already open" (one flow per action) to what the user or the chat tool is told.
import '../../../src/commands/money';
import type { FlowContext } from '../../../src/commands/moneyAction';
import * as okusd from '../../../src/commands/okusd';
import * as onchain from '../../../src/commands/onchain';
import { PendingMoves, type MoveMemento } from '../../../src/commands/pendingMoves';
import * as savings from '../../../src/commands/savings';
import * as staking from '../../../src/commands/staking';
import type { Connection } from '../../../src/connection';
import type { OkxClient } from '../../../src/okx/client';
import type { EndpointId } from '../../../src/okx/endpoints';
import { Portfolio } from '../../../src/portfolio/portfolio';
import type { Simulator } from '../../../src/simulator/server';

export interface FlowCase {
  readonly name: string;
  /** The endpoint that moves the money (where faults are injected and executions counted). */
  readonly endpoint: EndpointId;
  /** The chat tool's answers to the flow's questions. */
  readonly answers: Readonly<Record<string, string>>;
  /** Runs the flow (as its command or chat tool would), with the item it is run on where it needs one. */
  run(context: FlowContext, client: OkxClient, sim: Simulator): Promise<boolean>;
  /** Whether OKX keeps a key for it (client order id, tag, quote, the order's own state): a find is then certain. */
  readonly keyed: boolean;
}

/** How many requests to `endpoint` OKX carried out (at once, or late). */
export function executed(sim: Simulator, endpoint: EndpointId): number {
  return sim.requests.filter((r) => r.endpoint === endpoint && (r.late === 'carried out' || (r.late === undefined && r.code !== undefined && r.code.startsWith('0')))).length;
}

export function memoryMemento(): MoveMemento {
  const data = new Map<string, unknown>();
  return { get: <T>(key: string) => data.get(key) as T | undefined, update: (key, value) => { data.set(key, JSON.parse(JSON.stringify(value)) as unknown); return Promise.resolve(); } };
}

const silentLog = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined, trace: () => undefined };

/** A flow context over `client`: a real portfolio, the sandbox's connection, pending moves in `memento`. */
export function flowContext(client: OkxClient, memento: MoveMemento): FlowContext {
  const portfolio = new Portfolio(undefined);
  portfolio.setClient(client);
  const connection = {
    current: { environment: 'sandbox', client, profile: undefined, label: 'Sandbox', problem: undefined },
    onDidRetry: () => ({ dispose: () => undefined }),
  } as unknown as Connection;
  return { connection, portfolio, log: silentLog as unknown as FlowContext['log'], pending: new PendingMoves(memento) };
}

async function offerOf(client: OkxClient, ccy: string): Promise<unknown> {
  const offers = await client.onchain.offers({ ccy });
  const offer = offers.find((o) => o.term === '0') ?? offers[0];
  if (offer === undefined) throw new Error(`no ${ccy} offer`);
  return { payload: { kind: 'offer', offer } };
}

async function onchainOrder(client: OkxClient, state: string): Promise<unknown> {
  const order = (await client.onchain.activeOrders()).find((o) => o.state === state && o.term === '0') ?? (await client.onchain.activeOrders()).find((o) => o.state === state);
  if (order === undefined) throw new Error(`no on-chain order in state ${state}`);
  return { payload: { kind: 'order', order } };
}

async function loanOrder(client: OkxClient, borrows: string): Promise<{ payload: { kind: 'loan'; loan: unknown } }> {
  const found = (await client.loan.info()).find((l) => l.loanData.some((x) => x.ccy === borrows));
  if (found === undefined) throw new Error(`no loan order borrowing ${borrows}`);
  return { payload: { kind: 'loan', loan: found } };
}

/** Every money flow of the extension. */
export const FLOWS: readonly FlowCase[] = [
  { name: 'on-chain purchase', endpoint: 'onchainPurchase', keyed: true, answers: { amount: '10' }, run: async (c, client) => onchain.purchase(c, await offerOf(client, 'DOT')) },
  { name: 'on-chain redemption', endpoint: 'onchainRedeem', keyed: true, answers: {}, run: async (c, client) => onchain.redeem(c, await onchainOrder(client, '1')) },
  { name: 'on-chain cancellation', endpoint: 'onchainCancel', keyed: true, answers: {}, run: async (c, client) => onchain.cancel(c, await onchainOrder(client, '8')) },
  { name: 'ETH staking', endpoint: 'ethPurchase', keyed: false, answers: { amount: '0.3' }, run: (c) => staking.stake(c, 'eth') },
  { name: 'BETH redemption', endpoint: 'ethRedeem', keyed: false, answers: { amount: '0.2' }, run: (c) => staking.unstake(c, 'eth') },
  {
    name: 'ETH redemption cancellation', endpoint: 'ethCancelRedeem', keyed: true, answers: {},
    run: async (c, client) => {
      const [record] = (await client.eth.history({ type: 'redeem', status: 'pending' }).next()).filter((r) => r.status === 'pending');
      if (record === undefined) throw new Error('no pending ETH redemption');
      return staking.cancelEthRedemption(c, { payload: { kind: 'ethRedemption', record } });
    },
  },
  { name: 'SOL staking', endpoint: 'solPurchase', keyed: false, answers: { amount: '2' }, run: (c) => staking.stake(c, 'sol') },
  { name: 'OKSOL redemption', endpoint: 'solRedeem', keyed: false, answers: { amount: '1.5' }, run: (c) => staking.unstake(c, 'sol') },
  { name: 'savings subscription', endpoint: 'savingsPurchaseRedempt', keyed: false, answers: { amount: '40', rate: '' }, run: (c) => savings.subscribe(c, { payload: { kind: 'savings', ccy: 'USDT' } }) },
  { name: 'savings redemption', endpoint: 'savingsPurchaseRedempt', keyed: false, answers: { amount: '30' }, run: (c) => savings.redeem(c, { payload: { kind: 'savings', ccy: 'USDT' } }) },
  { name: 'lending rate', endpoint: 'savingsSetLendingRate', keyed: true, answers: { rate: '7' }, run: (c) => savings.setLendingRate(c, { payload: { kind: 'savings', ccy: 'USDT' } }) },
  { name: 'borrow', endpoint: 'loanBorrow', keyed: false, answers: { amount: '10', ccy: 'USDC' }, run: async (c, client) => loan.borrow(c, await loanOrder(client, 'USDC')) },
  { name: 'repay', endpoint: 'loanRepay', keyed: false, answers: { amount: '5', ccy: 'USDT' }, run: async (c, client) => loan.repay(c, await loanOrder(client, 'USDT')) },
  {
    name: 'add collateral', endpoint: 'loanAdjustCollateral', keyed: false, answers: { amount: '0.1', collateralCcy: 'ETH' },
    run: async (c, client) => loan.addCollateral(c, { payload: { kind: 'collateral', ccy: 'ETH', loan: (await loanOrder(client, 'USDT')).payload.loan } }),
  },
  {
    name: 'take back collateral', endpoint: 'loanAdjustCollateral', keyed: false, answers: { amount: '0.001', collateralCcy: 'BTC' },
    run: async (c, client) => loan.reduceCollateral(c, { payload: { kind: 'collateral', ccy: 'BTC', loan: (await loanOrder(client, 'USDC')).payload.loan } }),
  },
  { name: 'OKUSD subscription', endpoint: 'okusdSubscribe', keyed: true, answers: { amount: '40' }, run: (c) => okusd.subscribe(c) },
  { name: 'OKUSD fast redemption', endpoint: 'okusdRedeem', keyed: true, answers: { amount: '30', redeemType: 'fast' }, run: (c) => okusd.redeem(c) },
  { name: 'OKUSD standard redemption', endpoint: 'okusdRedeem', keyed: true, answers: { amount: '30', redeemType: 'standard' }, run: (c) => okusd.redeem(c) },
  {
    name: 'Dual Investment purchase', endpoint: 'dualTrade', keyed: true, answers: { amount: '0.01' },
    run: async (c, client) => {
      const products = await client.dual.products({ baseCcy: 'BTC', quoteCcy: 'USDT', optType: 'C' });
      const [product] = products.sort((a, b) => Number(a.expTime) - Number(b.expTime));
      if (product === undefined) throw new Error('no Dual product');
      return dual.purchase(c, { payload: { kind: 'dualProduct', product } });
    },
  },
  {
    name: 'Dual Investment early redemption', endpoint: 'dualRedeem', keyed: true, answers: {},
    run: async (c, client, sim) => {
      const demo = sim.state.dual.orders.find((o) => o.state === 'live' && o.redeemStartTime <= sim.clock.now());
      if (demo === undefined) throw new Error('no redeemable Dual order');
      const [order] = await client.dual.orderHistory({ ordId: demo.ordId }).next();
      return dual.redeemEarly(c, { payload: { kind: 'dualOrder', order } });
    },
  },
  // Settled by the currency's own state (autoLendStatus): as certain as an order's state.
  { name: 'turning auto-earn on', endpoint: 'setAutoEarn', keyed: true, answers: {}, run: (c) => autoEarn.turnOn(c, { payload: { kind: 'autoEarn', ccy: 'USDC' } }) },
  { name: 'turning auto-earn off', endpoint: 'setAutoEarn', keyed: true, answers: {}, run: (c) => autoEarn.turnOff(c, { payload: { kind: 'autoEarn', ccy: 'USDT' } }) },
];

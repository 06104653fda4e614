/**
 * The core of every money move, with no `vscode` import so that it is unit-tested in plain Node: the request is
 * sent exactly once, and whatever comes back is turned into what the user is told.
 *
 * - An answer: carried out.
 * - No answer (timeout, reset, 50004, a 5xx or a malformed success: the client's `unknown-outcome`): nothing is
 *   sent again; the action's own look-up says whether it happened.
 * - OKX's "a request with this client order id is still in flight" (51784): wait, then look it up.
 * - OKX's "a request with this client order id was already carried out" (51016): it happened once, through an
 *   earlier copy of the same request: reported as done (the look-up only adds detail), never sent again.
 * - Any other refusal: it did not happen.
 */
import { OkxError } from '../okx/errors';
import type { Reconciled } from './reconcile';

export type SendOutcome<R> =
  | { readonly kind: 'sent'; readonly result: R }
  /** 51016: done through an earlier copy; `found` is the look-up's detail (or why it failed). */
  | { readonly kind: 'already-done'; readonly found: Reconciled | Error }
  /** No answer, or 51784 (and then a wait): what the look-up found. */
  | { readonly kind: 'looked-up'; readonly why: 'unknown-outcome' | 'in-flight'; readonly found: Reconciled | Error }
  | { readonly kind: 'refused'; readonly error: unknown };

export interface SendOnceOptions {
  /** How long to wait after 51784 before looking the request up (default 3 s). */
  readonly inFlightWaitMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/** Sends once; never a second time, whatever happens. */
export async function sendOnce<R>(send: () => Promise<R>, lookUp: () => Promise<Reconciled>, options: SendOnceOptions = {}): Promise<SendOutcome<R>> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const look = (): Promise<Reconciled | Error> => lookUp().catch(asError);
  try {
    return { kind: 'sent', result: await send() };
  } catch (error) {
    if (!(error instanceof OkxError)) return { kind: 'refused', error };
    switch (error.category) {
      case 'unknown-outcome':
        return { kind: 'looked-up', why: 'unknown-outcome', found: await look() };
      case 'in-flight':
        await sleep(options.inFlightWaitMs ?? 3000);
        return { kind: 'looked-up', why: 'in-flight', found: await look() };
      case 'already-done':
        return { kind: 'already-done', found: await look() };
      default:
        return { kind: 'refused', error };
    }
  }
}

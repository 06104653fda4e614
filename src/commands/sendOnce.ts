/**
 * The core of every money move, with no `vscode` import so that it is unit-tested in plain Node: the request is
 * sent exactly once, and whatever comes back is classified for the outcome model (./outcome).
 *
 * - An answer (code "0"): what it acknowledges is read by the action (an empty acknowledgement is unknown).
 * - No answer (timeout, reset, 50004, a 5xx or a malformed success: the client's `unknown-outcome`), or OKX's
 *   "a request with this client order id is still in flight" (51784): unknown; looked up over time.
 * - OKX's "a request with this client order id was already carried out" (51016): done, through an earlier copy
 *   of the same request, never sent again.
 * - Any other refusal (a documented business error, or a request that provably never left): not done.
 */
import { OkxError } from '../okx/errors';

export type SendOutcome<R> =
  | { readonly kind: 'answered'; readonly result: R }
  /** 51016: done through an earlier copy of the same request. */
  | { readonly kind: 'already-done' }
  /** No answer that says what happened: 'lost' (timeout, 50004, 5xx, reset, unreadable) or 'in-flight' (51784). */
  | { readonly kind: 'unknown'; readonly why: 'lost' | 'in-flight'; readonly error: OkxError }
  | { readonly kind: 'refused'; readonly error: unknown };

/** Sends once; never a second time, whatever happens. */
export async function sendOnce<R>(send: () => Promise<R>): Promise<SendOutcome<R>> {
  try {
    return { kind: 'answered', result: await send() };
  } catch (error) {
    if (!(error instanceof OkxError)) return { kind: 'refused', error };
    switch (error.category) {
      case 'unknown-outcome':
        return { kind: 'unknown', why: 'lost', error };
      case 'in-flight':
        return { kind: 'unknown', why: 'in-flight', error };
      case 'already-done':
        return { kind: 'already-done' };
      default:
        return { kind: 'refused', error };
    }
  }
}

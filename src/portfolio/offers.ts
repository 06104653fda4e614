/**
 * Whether an on-chain earn offer can be subscribed now. OKX marks some offers purchasable whose room is gone:
 * its own documented example reads "2 DOT to 0 DOT", a maximum below the minimum. Such an offer is shown as
 * closed for now, never ranked as the best one you can buy. No `vscode` import.
 */
import * as D from '../decimal';
import type { Offer } from '../okx/types';

/** True when, for some currency, OKX's maximum is below its minimum: no amount can be subscribed. */
export function offerHasNoRoom(offer: Pick<Offer, 'investData'>): boolean {
  return offer.investData.some((i) => D.isPlainDecimal(i.minAmt) && D.isPlainDecimal(i.maxAmt) && D.lt(i.maxAmt, i.minAmt));
}

/** Purchasable by OKX's word, and with room for an amount. */
export function offerBuyableNow(offer: Pick<Offer, 'state' | 'investData'>): boolean {
  return offer.state === 'purchasable' && !offerHasNoRoom(offer);
}

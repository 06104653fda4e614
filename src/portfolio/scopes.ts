/**
 * What a list's name promises, checked on what OKX sent back: a group named for a currency, a state, a kind of
 * redemption or a direction holds only such records, even from an answer that ignored the query's filter. A
 * record that does not carry the field (loan history and interest name no order) cannot be checked and is kept.
 * No `vscode` import.
 */
import type * as T from '../okx/types';
import type { HistoryKind, HistoryRecords } from './areas';

/** An ETH staking redemption still on its way: what "Pending redemptions" lists. */
export const pendingEthRedemption = (r: T.StakingHistoryRecord): boolean => r.type === 'redeem' && r.status === 'pending';

/** An OKUSD standard redemption still on its way ("Redemption on its way"; fast ones settle at once). */
export const pendingStandardRedemption = (r: T.OkusdRedemption): boolean => r.type === 'standard' && r.status === 'pending';

/** The records a history of `kind` narrowed to `scope` may show (savings: the currency; OKUSD redemptions: the type). */
export function historyScope<K extends HistoryKind>(kind: K, scope: string | undefined): (record: HistoryRecords[K]) => boolean {
  if (kind === 'savings' && scope !== undefined) return (record) => (record as T.LendingRecord).ccy === scope;
  if (kind === 'okusdRedeem') return (record) => (record as T.OkusdRedemption).type === (scope === 'fast' ? 'fast' : 'standard');
  return () => true;
}

/** A Dual Investment product of this pair in this direction ("Sell high" lists calls only, "Buy low" puts only). */
export function dualProductOf(pair: Pick<T.DualCurrencyPair, 'baseCcy' | 'quoteCcy' | 'optType'>): (product: T.DualProduct) => boolean {
  return (p) => p.baseCcy === pair.baseCcy && p.quoteCcy === pair.quoteCcy && p.optType === pair.optType;
}

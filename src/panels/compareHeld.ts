/**
 * The currencies held in the funding and trading accounts (what the Compare panel's picker lists first, and what
 * the idle-money rows are built from).
 */
import type { AreaId, Portfolio } from '../portfolio/portfolio';

/** The areas of the accounts' balances. */
export const IDLE_AREAS: readonly AreaId[] = [];

/** The currencies with a balance in the funding or trading account. */
export function heldInAccounts(_portfolio: Portfolio): string[] {
  return [];
}

/**
 * Request and response types of OKX v5 "Financial Product", field for field as the API reference names them.
 * Every amount, rate and timestamp is a decimal string on the wire and stays one here: money is text.
 */

export type * from './wire/common';
export type * from './wire/onchain';
export type * from './wire/staking';
export type * from './wire/savings';
export type * from './wire/loan';
export type * from './wire/stableRewards';
export type * from './wire/okusd';
export type * from './wire/dual';
export type * from './wire/account';
export type * from './wire/public';

/** The trading account and auto-earn (outside the chapter). */
export type * from './tradingAccount';

/**
 * What borrowing costs and where the money goes, in words, for the borrow prompt and its confirmation.
 *
 * OKX states a flexible loan's rate nowhere before it is charged: interest accrues hourly at the market rate,
 * and each hour's charge (GET flexible-loan/interest-accrued) carries the annual rate it was charged at
 * (`interestRate`, "APY"). So the rate told is the latest one charged: on this order for that currency, else on
 * any of the account's orders for it, with when; without either, that it is not known before it is charged.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import type { OkxClient } from '../okx/client';
import { percent, time } from '../views/nodes';

export interface ChargedRate {
  /** The annual rate, a fraction. */
  readonly rate: string;
  /** When it was charged (ms). */
  readonly ts: string;
  /** Charged on the very order borrowed on (else on another of the account's orders). */
  readonly thisOrder: boolean;
}

async function latest(client: OkxClient, ccy: string, ordId?: string): Promise<{ rate: string; ts: string } | undefined> {
  const [record] = await client.loan.interestAccrued({ ccy, ...(ordId === undefined ? {} : { ordId }), limit: '1' }).next();
  return record !== undefined && record.ccy === ccy && D.isPlainDecimal(record.interestRate) ? { rate: record.interestRate, ts: record.ts } : undefined;
}

/** The latest rate charged for borrowing `ccy`: on order `ordId` (when given), else on any order. Undefined when none is known. */
export async function lastChargedRate(client: OkxClient, ccy: string, ordId: string | undefined): Promise<ChargedRate | undefined> {
  try {
    const own = ordId === undefined || ordId === '' ? undefined : await latest(client, ccy, ordId);
    if (own !== undefined) return { ...own, thisOrder: true };
    const any = await latest(client, ccy);
    return any === undefined ? undefined : { ...any, thisOrder: false };
  } catch {
    // The rate is told when it can be read; the loan does not depend on it.
    return undefined;
  }
}

/** The interest to pay, for the confirmation's row and the prompt. */
export function interestText(charged: ChargedRate | undefined, ccy: string): string {
  if (charged === undefined) {
    return vscode.l10n.t("charged hourly at OKX's market rate for {0}, which OKX states only once it is charged (under the order's accrued interest)", ccy);
  }
  return charged.thisOrder
    ? vscode.l10n.t("about {0} a year: the rate of this order's last hourly interest ({1}); it follows the market hour by hour", percent(charged.rate), time(charged.ts))
    : vscode.l10n.t('about {0} a year: the rate of your last hourly {1} loan interest ({2}); it follows the market hour by hour', percent(charged.rate), ccy, time(charged.ts));
}

/** The prompt's sentence: what it costs, and where the money goes. */
export function borrowCostLine(charged: ChargedRate | undefined, ccy: string): string {
  return vscode.l10n.t('Interest: {0}. What you borrow goes to your funding account.', interestText(charged, ccy));
}

/** The confirmation's rows for the cost and the destination. */
export function borrowCostRows(charged: ChargedRate | undefined, ccy: string): [string, string][] {
  return [
    [vscode.l10n.t('Interest rate'), interestText(charged, ccy)],
    [vscode.l10n.t('Goes to'), vscode.l10n.t('your funding account')],
  ];
}

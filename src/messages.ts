/** How an error reads to the user: localized, specific, and saying what to do next. Never a secret in it. */
import * as vscode from 'vscode';
import type { RetryEvent } from './okx/client';
import { OkxError } from './okx/errors';

/** The error's own message, localized (templates come from okx/errors.ts with named arguments). */
export function errorText(error: unknown): string {
  if (error instanceof OkxError) {
    const text = vscode.l10n.t(error.template, { ...error.args });
    return error.code === undefined ? text : vscode.l10n.t('{0} (OKX code {1})', text, error.code);
  }
  return error instanceof Error ? error.message : String(error);
}

/** What to do about it, when there is something better to say than "try again". */
export function nextStep(error: unknown): string | undefined {
  if (!(error instanceof OkxError)) return undefined;
  const okusd = okusdNextStep(error.baseCode);
  if (okusd !== undefined) return okusd;
  switch (error.category) {
    case 'auth':
      return vscode.l10n.t('Check the key with "OKX Earn: Set API Key…".');
    case 'wrong-region':
      return vscode.l10n.t('Check the okxEarn.environment setting: keys only work on the host of the region (and the mode, live or demo) they were created for.');
    case 'permission':
      return error.baseCode === '50110'
        ? vscode.l10n.t("Add this computer's IP address to the key's allow-list on OKX, or use a key without one.")
        : undefined;
    case 'clock':
      return vscode.l10n.t("Set this computer's clock to update automatically.");
    case 'network':
      return vscode.l10n.t('Check your connection (and VS Code\'s proxy settings), then retry.');
    case 'rate-limit':
    case 'unavailable':
      return error.retryAt === undefined ? vscode.l10n.t('Retry in a moment.') : vscode.l10n.t('Try again after {0}.', clockTime(error.retryAt));
    default:
      return undefined;
  }
}

/**
 * OKUSD's refusals (51765–51774): which quota it was, and what can be done instead. Today's quotas, the user's
 * and OKX's platform-wide ones, are under OKUSD in the More Earn view.
 */
function okusdNextStep(code: string | undefined): string | undefined {
  switch (code) {
    case '51765':
      return vscode.l10n.t("Your own daily quota is the limit: see Today's quotas under OKUSD in the More Earn view, and subscribe at most what is left, or the rest tomorrow.");
    case '51766':
      return vscode.l10n.t("Your own quota is not the limit: OKX's platform-wide quota for all users is used up for today. Nothing was exchanged.");
    case '51767':
      return vscode.l10n.t('Nothing was changed; your OKUSD and USDT are where they were.');
    case '51768':
      return vscode.l10n.t("Your own daily quota is the limit: see Today's quotas under OKUSD in the More Earn view, and redeem at most what is left fast, or use standard redemption.");
    case '51769':
      return vscode.l10n.t("Your own quota is not the limit: OKX's platform-wide quota for all users is used up for today. Nothing was redeemed.");
    case '51770':
      return vscode.l10n.t("Your own daily quota is the limit: see Today's quotas under OKUSD in the More Earn view, and redeem at most what is left, or the rest tomorrow.");
    case '51771':
      return vscode.l10n.t("Your own quota is not the limit: OKX's platform-wide quota for all users is used up for today. Nothing was redeemed.");
    case '51772':
      return vscode.l10n.t("This is OKX's pool for fast redemptions, not your quota: a standard redemption is not limited by it. Nothing was redeemed.");
    case '51773':
      return vscode.l10n.t('OKX does not offer OKUSD where your account is registered; nothing was changed.');
    case '51774':
      return vscode.l10n.t('Subscriptions and redemptions wait until it is over; nothing was changed.');
    default:
      return undefined;
  }
}

export function fullErrorText(error: unknown): string {
  const step = nextStep(error);
  return step === undefined ? errorText(error) : `${errorText(error)} ${step}`;
}

/** A moment (local epoch ms) as the user reads it: the time to the second when it is today, else date and time. */
export function clockTime(ms: number): string {
  const at = new Date(ms);
  return at.toDateString() === new Date().toDateString()
    ? at.toLocaleTimeString(vscode.env.language)
    : at.toLocaleString(vscode.env.language, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** What to tell someone waiting on a read that is sent again later, e.g. "Rate limited by OKX, retrying at 14:03:05…". */
export function retryText(event: RetryEvent): string {
  return event.error.category === 'rate-limit'
    ? vscode.l10n.t('Rate limited by OKX, retrying at {0}…', clockTime(event.at))
    : vscode.l10n.t('OKX did not answer properly, retrying at {0}…', clockTime(event.at));
}

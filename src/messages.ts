/** How an error reads to the user: localized, specific, and saying what to do next. Never a secret in it. */
import * as vscode from 'vscode';
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
      return vscode.l10n.t('Retry in a moment.');
    default:
      return undefined;
  }
}

export function fullErrorText(error: unknown): string {
  const step = nextStep(error);
  return step === undefined ? errorText(error) : `${errorText(error)} ${step}`;
}

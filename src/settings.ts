/** The okxEarn.* settings, read in one place. Nothing secret is ever stored in settings. */
import * as vscode from 'vscode';

export type EnvironmentSetting = 'production' | 'us' | 'eea' | 'demo' | 'sandbox' | 'custom';
const ENVIRONMENTS: readonly EnvironmentSetting[] = ['production', 'us', 'eea', 'demo', 'sandbox', 'custom'];

export interface Settings {
  readonly environment: EnvironmentSetting;
  readonly customBaseUrl: string;
  readonly requestTimeoutMs: number;
  readonly autoRefreshMs: number;
  /** Warn this far (a fraction: "0.1" = 10 points) below the margin-call LTV. */
  readonly ltvWarningDistance: string;
  /** okxEarn.livePrices: the LTV watch follows OKX's index prices over its public WebSocket. */
  readonly livePrices: boolean;
}

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration('okxEarn');
  const environment = config.get<string>('environment', 'production');
  const points = config.get<number>('ltvWarningPoints', 10);
  return {
    environment: ENVIRONMENTS.includes(environment as EnvironmentSetting) ? (environment as EnvironmentSetting) : 'production',
    customBaseUrl: config.get<string>('customBaseUrl', '').trim(),
    requestTimeoutMs: Math.round(clamp(config.get<number>('requestTimeoutSeconds', 10), 2, 120) * 1000),
    autoRefreshMs: Math.round(clamp(config.get<number>('autoRefreshSeconds', 60), 5, 3600) * 1000),
    // Whole or half points only, so the fraction is exact text.
    ltvWarningDistance: (Math.round(clamp(points, 0, 50) * 2) / 200).toString(),
    livePrices: config.get<boolean>('livePrices', true),
  };
}

function clamp(value: number, low: number, high: number): number {
  return Number.isFinite(value) ? Math.min(high, Math.max(low, value)) : low;
}

export function environmentLabel(environment: EnvironmentSetting): string {
  switch (environment) {
    case 'production': return vscode.l10n.t('Production');
    case 'us': return vscode.l10n.t('US');
    case 'eea': return vscode.l10n.t('EEA');
    case 'demo': return vscode.l10n.t('Demo trading');
    case 'sandbox': return vscode.l10n.t('Sandbox');
    case 'custom': return vscode.l10n.t('Custom host');
  }
}

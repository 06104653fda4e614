/**
 * The chat's auto-earn tools: `okxEarn_autoEarn` reads each currency's auto-earn state in the trading account;
 * `okxEarn_setAutoEarn` turns it on or off through the very flow the commands run (../commands/autoEarn), up to
 * OKX Earn's own confirmation, which only the user's click passes.
 */
import * as vscode from 'vscode';
import * as autoEarn from '../commands/autoEarn';
import type * as T from '../okx/types';
import { autoEarnRows, isOn } from '../portfolio/autoEarn';
import { autoEarnLine, autoEarnWhat } from '../views/autoEarnLabels';
import { PATTERNS, type ToolInput } from './toolInput';
import type { ToolDefinition, ToolHelpers } from './toolDefinition';

/** What the auto-earn tools use of the runner's helpers (./toolDefinition). */
export type AutoEarnToolHelpers = Pick<ToolHelpers, 'where' | 'areas' | 'flowFor'>;

const str = (input: ToolInput, name: string): string => (typeof input[name] === 'string' ? input[name] : '');

/** The auto-earn state of each currency (or of `ccy`), in words, for the model. */
export function autoEarnText(where: string, details: readonly T.TradingBalanceDetail[], latestRates: readonly T.LendingRatePoint[] | undefined, ccy: string | undefined): string {
  const rows = autoEarnRows(details, latestRates).filter((r) => ccy === undefined || r.ccy === ccy);
  const lines = [`${vscode.l10n.t('Auto-earn in the trading account')} (${where}):`];
  if (rows.length === 0) {
    lines.push(ccy === undefined ? vscode.l10n.t('The trading account holds nothing.') : vscode.l10n.t('The trading account holds no {0}.', ccy));
  }
  lines.push(...rows.map((r) => `- ${autoEarnLine(r)}`));
  if (!rows.some((r) => isOn(r.state))) lines.push(autoEarnWhat());
  lines.push(vscode.l10n.t('OKX gives no separate figure for what auto-earn has earned: it is added to the trading balance.'));
  return lines.join('\n');
}

export function autoEarnTools(helpers: AutoEarnToolHelpers): ToolDefinition[] {
  const l10n = vscode.l10n;
  return [
    {
      name: 'okxEarn_autoEarn',
      kind: 'read',
      input: { ccy: { type: 'string', pattern: PATTERNS.ccy } },
      run: async (input) => {
        const { trading, market } = await helpers.areas('trading', 'market');
        const ccy = str(input, 'ccy');
        return autoEarnText(helpers.where(), trading?.details ?? [], market?.latestRates, ccy === '' ? undefined : ccy);
      },
    },
    {
      name: 'okxEarn_setAutoEarn',
      kind: 'action',
      input: { ccy: { type: 'string', required: true, pattern: PATTERNS.ccy }, action: { type: 'string', required: true, enum: ['on', 'off'] } },
      describe: (i) => (str(i, 'action') === 'on' ? l10n.t('turn auto-earn on for {0}', str(i, 'ccy')) : l10n.t('turn auto-earn off for {0}', str(i, 'ccy'))),
      run: (i) => {
        const ccy = str(i, 'ccy');
        const payload = { payload: { kind: 'autoEarn' as const, ccy } };
        return str(i, 'action') === 'on'
          ? helpers.flowFor(l10n.t('turning auto-earn on for {0}', ccy), (c) => autoEarn.turnOn(c, payload), {})
          : helpers.flowFor(l10n.t('turning auto-earn off for {0}', ccy), (c) => autoEarn.turnOff(c, payload), {});
      },
    },
  ];
}

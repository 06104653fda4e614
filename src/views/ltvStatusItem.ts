/**
 * The status-bar LTV indicator: the riskiest loan order's LTV, a warning background within the configured
 * distance of margin call and an error background at or over it, with a $(warning) or $(error) icon in its text
 * (High Contrast Dark themes define no such backgrounds: there the text takes the editor's warning or error
 * colour instead, so the state never rests on colour alone nor disappears), a tooltip listing every order with a link to
 * each, and one notification per order and crossing into warning or margin call (not one per poll), naming the
 * order. Clicking it opens the riskiest order's LTV panel. Hidden when there is no key or no loan.
 */
import * as vscode from 'vscode';
import type { LoanInfo } from '../okx/types';
import type { Portfolio } from '../portfolio/portfolio';
import { LtvCrossingWatch, borrowedCcys, loanKey, ltvLevel, riskiestLoan, type LtvLevel } from '../portfolio/risk';
import { liveFigure, liveSentence, liveStatus, onDidChangeLiveNow, pausedReason, withLiveLtv } from './liveFigures';
import { loanName } from './loanLabels';
import { ltv, percent } from './nodes';

/** The status bar, its tooltip and the trees show an LTV with the one function: "LTV 57.4%", "LTV 66.0%". */
const ltvText = ltv;

export interface LtvSnapshot {
  readonly visible: boolean;
  readonly text: string;
  readonly background: string | undefined;
  /** The text's colour where the theme has no status-bar warning/error background (High Contrast Dark). */
  readonly color: string | undefined;
  readonly tooltip: string;
  /** The loan order shown (its key, the ordId): what a click opens. */
  readonly order: string | undefined;
}

const BACKGROUND: Record<LtvLevel, string | undefined> = {
  safe: undefined,
  warning: 'statusBarItem.warningBackground',
  marginCall: 'statusBarItem.errorBackground',
  liquidation: 'statusBarItem.errorBackground',
};

/** For High Contrast Dark, whose statusBarItem.warning/errorBackground are unset: a foreground colour instead. */
const FOREGROUND: Record<LtvLevel, string | undefined> = {
  safe: undefined,
  warning: 'editorWarning.foreground',
  marginCall: 'editorError.foreground',
  liquidation: 'editorError.foreground',
};

/** The codicon beside the figure: the level shows without colour too. */
const ICON: Record<LtvLevel, string> = { safe: '', warning: '$(warning) ', marginCall: '$(error) ', liquidation: '$(error) ' };

export class LtvStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('okxEarn.ltv', vscode.StatusBarAlignment.Right, 100);
  private readonly watch = new LtvCrossingWatch();
  private readonly subscription: { dispose(): void };
  private readonly themeSubscription: vscode.Disposable;
  private readonly liveSubscription: vscode.Disposable;
  private snapshotValue: LtvSnapshot = { visible: false, text: '', background: undefined, color: undefined, tooltip: '', order: undefined };

  constructor(
    private readonly portfolio: Portfolio,
    private readonly warnDistance: () => string,
  ) {
    this.item.name = vscode.l10n.t('OKX Earn: Loan LTV');
    this.item.command = 'okxEarn.openLtv';
    this.subscription = portfolio.onDidChange((areas) => {
      if (areas.includes('loans')) this.update();
    });
    this.themeSubscription = vscode.window.onDidChangeActiveColorTheme(() => this.update());
    // Between polls, the live figure moves with OKX's index prices.
    this.liveSubscription = onDidChangeLiveNow(() => this.update());
    this.update();
  }

  get snapshot(): LtvSnapshot {
    return this.snapshotValue;
  }

  update(): void {
    const state = this.portfolio.get('loans');
    const loans = this.portfolio.hasCredentials && 'data' in state && state.data !== undefined ? state.data.loans : [];
    if (state.status === 'ready') this.notifyCrossings(loans);
    if (state.status === 'idle') this.watch.reset();
    // Alerts stay on OKX's confirmed figures (above); what is shown follows the live estimate where it is live.
    const shown = withLiveLtv(loans);
    const riskiest = riskiestLoan(shown, this.warnDistance());
    if (riskiest === undefined) {
      this.item.hide();
      this.snapshotValue = { visible: false, text: '', background: undefined, color: undefined, tooltip: '', order: undefined };
      return;
    }
    const live = liveFigure(riskiest.loan) !== undefined;
    const text = `${ICON[riskiest.level]}${live ? vscode.l10n.t('LTV ≈ {0} live', ltvText(riskiest.loan.curLTV)) : vscode.l10n.t('LTV {0}', ltvText(riskiest.loan.curLTV))}`;
    this.item.command = { command: 'okxEarn.openLtv', title: vscode.l10n.t('Show Loan LTV'), arguments: [loanKey(riskiest.loan)] };
    const highContrastDark = vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.HighContrast;
    const background = highContrastDark ? undefined : BACKGROUND[riskiest.level];
    const color = highContrastDark ? FOREGROUND[riskiest.level] : undefined;
    const tooltip = this.tooltip(shown);
    this.item.text = text;
    this.item.backgroundColor = background === undefined ? undefined : new vscode.ThemeColor(background);
    this.item.color = color === undefined ? undefined : new vscode.ThemeColor(color);
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = {
      label: vscode.l10n.t('Loan LTV {0}, {1} ({2})', ltvText(riskiest.loan.curLTV), this.levelText(riskiest.level), loanName(riskiest.loan, loans)),
    };
    this.item.show();
    this.snapshotValue = { visible: true, text, background, color, tooltip: tooltip.value, order: loanKey(riskiest.loan) };
  }

  private levelText(level: LtvLevel): string {
    switch (level) {
      case 'safe': return vscode.l10n.t('safe');
      case 'warning': return vscode.l10n.t('near margin call');
      case 'marginCall': return vscode.l10n.t('at or over margin call');
      case 'liquidation': return vscode.l10n.t('at liquidation');
    }
  }

  private tooltip(loans: readonly LoanInfo[]): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: ['okxEarn.revealLoan'] };
    md.appendMarkdown(`**${vscode.l10n.t('OKX flexible loans')}**\n\n`);
    md.appendMarkdown(`| ${vscode.l10n.t('Loan')} | ${vscode.l10n.t('LTV')} | ${vscode.l10n.t('Margin call')} | ${vscode.l10n.t('Liquidation')} | |\n|---|---:|---:|---:|---|\n`);
    for (const loan of loans) {
      const level = ltvLevel(loan, this.warnDistance());
      const args = encodeURIComponent(JSON.stringify([loanKey(loan)]));
      md.appendMarkdown(
        `| ${escapeCell(loanName(loan, loans))} | ${escapeCell(ltvText(loan.curLTV))} | ${escapeCell(percent(loan.marginCallLTV))} | ${escapeCell(percent(loan.liqLTV))} | $(${level === 'safe' ? 'pass' : level === 'warning' ? 'warning' : 'error'}) [${vscode.l10n.t('Show')}](command:okxEarn.revealLoan?${args}) |\n`,
      );
    }
    md.appendMarkdown(`\n${vscode.l10n.t('Warning from {0} points below margin call (setting okxEarn.ltvWarningPoints).', percent(this.warnDistance(), 1).replace('%', ''))}`);
    const status = liveStatus();
    const riskiest = loans[0] === undefined ? undefined : riskiestLoan(loans, this.warnDistance())?.loan;
    const sentence = riskiest === undefined ? undefined : liveSentence(riskiest);
    if (sentence !== undefined) md.appendMarkdown(`\n\n${escapeCell(sentence)}`);
    else if (status?.state === 'paused') md.appendMarkdown(`\n\n${escapeCell(vscode.l10n.t('Live prices paused ({0}).', pausedReason(status)))}`);
    return md;
  }

  private notifyCrossings(loans: readonly LoanInfo[]): void {
    for (const { loan, level } of this.watch.update(loans, this.warnDistance())) {
      const show = vscode.l10n.t('Show Loan');
      const name = loan.ordId === undefined || loan.ordId === '' ? vscode.l10n.t('{0} loan', borrowedCcys(loan)) : vscode.l10n.t('{0} loan (order {1})', borrowedCcys(loan), loan.ordId);
      const message =
        level === 'warning'
          ? vscode.l10n.t('Your {0} is near margin call: LTV {1}, margin call at {2}, liquidation at {3}.', name, ltvText(loan.curLTV), percent(loan.marginCallLTV), percent(loan.liqLTV))
          : vscode.l10n.t('Your {0} has reached margin call: LTV {1}; it is liquidated at {2}. Add collateral or repay to lower it.', name, ltvText(loan.curLTV), percent(loan.liqLTV));
      const shown = level === 'warning' ? vscode.window.showWarningMessage(message, show) : vscode.window.showErrorMessage(message, show);
      const key = loanKey(loan);
      void shown.then((choice) => {
        if (choice === show) void vscode.commands.executeCommand('okxEarn.revealLoan', key);
      });
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.themeSubscription.dispose();
    this.liveSubscription.dispose();
    this.item.dispose();
  }
}

/**
 * Text from OKX inside this trusted tooltip's table, made inert: no link, image, HTML, emphasis, code, table
 * break or theme icon ($(…)) can come from it. Digits, dots and percent signs read as they are.
 */
export function escapeCell(text: string): string {
  return text.replace(/[\\`*_[\]()<>|!~$#]/g, (c) => `\\${c}`);
}

/** The LTV panel: a gauge of the loan's LTV against margin call and liquidation, its breakdown, limits and a what-if. */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import './ltv.css';
import * as D from '../src/decimal';
import { formatLtv, formatPercent } from '../src/portfolio/format';
import { ALL_COLLATERAL, whatIf as computeWhatIf, type WhatIfOrder, type WhatIfResult } from '../src/portfolio/ltvWhatIf';
import type { LtvState, PanelLabels } from '../src/panels/protocol';
import { boot, button, el, onState, persist, rowsTable, saved, vscode } from './common';

const initial = boot();
const view = saved({ key: initial.key, target: initial.target, range: initial.range, whatIfCcy: '', whatIfDrop: '10' });
persist(view);

/** A label's {0}, {1}… filled in (the host localizes the template). */
function fill(template: string, ...args: string[]): string {
  return template.replace(/\{(\d)\}/g, (whole, i: string) => args[Number(i)] ?? whole);
}

/** A fraction's place on the gauge, 0 to 100 (the gauge ends at 100 %), for drawing only. */
const place = (fraction: string): number => (D.isPlainDecimal(fraction) ? Math.min(100, Math.max(0, Number(D.mul(fraction, '100')))) : 0);

/** Puts a marker or its label at `at` % of the gauge; the label shifts by as much so that it never leaves the gauge. */
function position(node: HTMLElement, at: number, shiftLabel: boolean): void {
  node.style.left = `${at}%`;
  if (shiftLabel) node.style.transform = `translateX(-${at}%)`;
}

/**
 * A horizontal gauge from 0 to 100 %: safe, near margin call, margin call, liquidation, each a theme colour and
 * a pattern of its own, named in the legend with its range; a "now" marker at the current LTV and a "what-if"
 * marker (dashed) where the what-if lands. No state by colour alone.
 */
class Gauge {
  readonly element = el('div', { class: 'gauge', role: 'group' });
  private readonly whatIfMark = el('div', { class: 'mark mark-whatif', 'aria-hidden': 'true' });
  private readonly whatIfText = el('span', { class: 'mark-label' });

  constructor(state: LtvState, private readonly labels: PanelLabels) {
    const warnFrom = D.max('0', D.sub(state.marginCallLTV, state.warnDistance));
    const track = el('div', { class: 'track', 'aria-hidden': 'true' });
    const band = (from: string, to: string, cls: string): void => {
      const b = el('div', { class: `band ${cls}` });
      b.style.left = `${place(from)}%`;
      b.style.width = `${Math.max(0, (to === '1' ? 100 : place(to)) - place(from))}%`;
      track.append(b);
    };
    band('0', warnFrom, 'band-safe');
    band(warnFrom, state.marginCallLTV, 'band-warning');
    band(state.marginCallLTV, state.liqLTV, 'band-marginCall');
    band(state.liqLTV, '1', 'band-liquidation');
    const now = el('div', { class: 'mark mark-now', 'aria-hidden': 'true' }, el('span', { class: 'mark-label' }, fill(labels.nowMarker, formatLtv(state.curLTV))));
    this.place(now, state.curLTV);
    this.whatIfMark.append(this.whatIfText);
    this.whatIfMark.hidden = true;
    const range = (from: string, to: string): string => `${formatPercent(from)}–${formatPercent(to)}`;
    const legend = el('ul', { class: 'legend' },
      ...[
        ['band-safe', fill(labels.bandSafe, `< ${formatPercent(warnFrom)}`)],
        ['band-warning', fill(labels.bandNearMarginCall, range(warnFrom, state.marginCallLTV))],
        ['band-marginCall', fill(labels.bandMarginCall, range(state.marginCallLTV, state.liqLTV))],
        ['band-liquidation', fill(labels.bandLiquidation, `≥ ${formatPercent(state.liqLTV)}`)],
      ].map(([cls, text]) => el('li', {}, el('span', { class: `swatch band ${cls ?? ''}`, 'aria-hidden': 'true' }), text ?? '')));
    this.element.setAttribute('aria-label', fill(labels.gaugeLabel, `${labels.currentLtv} ${formatLtv(state.curLTV)}, ${labels.marginCall} ${formatPercent(state.marginCallLTV)}, ${labels.liquidation} ${formatPercent(state.liqLTV)}`));
    this.element.append(el('div', { class: 'scale' }, track, now, this.whatIfMark), legend);
  }

  private place(mark: HTMLElement, fraction: string): void {
    const at = place(fraction);
    position(mark, at, false);
    const label = mark.querySelector<HTMLElement>('.mark-label');
    if (label !== null) position(label, at, true);
  }

  /** Shows the what-if's LTV on the gauge (a result past 100 % sits at the end, its label says the figure). */
  showWhatIf(ltv: string | undefined): void {
    this.whatIfMark.hidden = ltv === undefined;
    if (ltv === undefined) return;
    this.whatIfText.textContent = fill(this.labels.whatIfMarker, formatLtv(ltv));
    this.place(this.whatIfMark, ltv);
  }
}

function whatIfOrder(state: LtvState): WhatIfOrder {
  return { loanUsd: state.loanUsd, collateralUsd: state.collateralUsd, marginCallLTV: state.marginCallLTV, liqLTV: state.liqLTV, warnDistance: state.warnDistance, collateral: state.collateral };
}

/** The what-if's answer in words: the LTV and the level it lands in, or what is wrong with the input. */
function whatIfText(result: WhatIfResult, drop: string, state: LtvState, labels: PanelLabels): { text: string; level: string; ltv: string | undefined } {
  switch (result.kind) {
    case 'invalid': {
      const problem = { empty: labels.whatIfEmpty, notNumber: fill(labels.whatIfNotNumber, drop.trim()), negative: labels.whatIfNegative, tooLarge: labels.whatIfTooLarge }[result.problem];
      return { text: problem, level: 'invalid', ltv: undefined };
    }
    case 'noPrice':
      return { text: labels.whatIfNoPrice, level: 'invalid', ltv: undefined };
    case 'nothingLeft':
      return { text: labels.whatIfNothingLeft, level: 'liquidation', ltv: undefined };
    case 'ltv': {
      const points = (p: string): string => p.replace(/^-/, '');
      const said = {
        safe: fill(labels.whatIfSafe, points(result.pointsToMarginCall)),
        warning: fill(labels.whatIfWarning, points(result.pointsToMarginCall)),
        marginCall: fill(labels.whatIfMarginCall, formatPercent(state.marginCallLTV), points(result.pointsToLiquidation)),
        liquidation: fill(labels.whatIfLiquidated, formatPercent(state.liqLTV)),
      }[result.level];
      return { text: `${formatLtv(result.ltv)} · ${said}`, level: result.level, ltv: result.ltv };
    }
  }
}

function whatIf(state: LtvState, labels: PanelLabels, gauge: Gauge): HTMLElement {
  const select = el('select', { 'aria-label': labels.whatIfCollateral });
  for (const c of state.collateral) select.append(el('option', { value: c.ccy }, c.ccy));
  if (state.collateral.length > 1) select.append(el('option', { value: ALL_COLLATERAL }, labels.whatIfAll));
  if ([...select.options].some((o) => o.value === view.whatIfCcy)) select.value = view.whatIfCcy;
  // Text, not type=number: a number input hides what was typed when it is not a number, and it must be said.
  const drop = el('input', { type: 'text', inputmode: 'decimal', value: view.whatIfDrop, 'aria-label': labels.whatIfDrop, 'aria-describedby': 'whatif-result' });
  const result = el('output', { id: 'whatif-result', 'aria-live': 'polite' });
  const update = (): void => {
    view.whatIfCcy = select.value;
    view.whatIfDrop = drop.value;
    persist(view);
    const answer = whatIfText(computeWhatIf(whatIfOrder(state), select.value, drop.value), drop.value, state, labels);
    result.textContent = answer.text;
    result.className = `level-${answer.level}`;
    drop.toggleAttribute('aria-invalid', answer.level === 'invalid');
    gauge.showWhatIf(answer.ltv);
  };
  select.addEventListener('change', update);
  drop.addEventListener('input', update);
  update();
  return el('div', { class: 'whatif' },
    el('div', { class: 'whatif-inputs' }, labels.whatIfCollateral, select, labels.whatIfDrop, drop, labels.whatIfResult),
    result);
}

/** Per collateral: today's price and the prices that take the order to margin call and to liquidation. */
function pricesTable(state: LtvState, labels: PanelLabels): HTMLElement[] {
  if (state.collateralPrices.length === 0) return [];
  return [
    el('table', { class: 'facts prices' },
      el('tr', {}, ...['', labels.priceNow, labels.priceAtMarginCall, labels.priceAtLiquidation].map((h) => el('th', { scope: 'col' }, h))),
      ...state.collateralPrices.map((p) => el('tr', {}, el('th', { scope: 'row' }, p.ccy), el('td', {}, p.now), el('td', {}, p.marginCall), el('td', p.liquidationTitle === '' ? {} : { title: p.liquidationTitle }, p.liquidation)))),
    el('p', { class: 'muted small' }, state.collateralPricesNote),
  ];
}

function render(state: LtvState, labels: PanelLabels): void {
  const app = document.getElementById('app');
  if (app === null) return;
  if (state.loans.length === 0) {
    app.replaceChildren(el('h1', {}, state.title), el('p', { class: 'muted' }, state.error ?? labels.noLoan));
    return;
  }
  const gauge = new Gauge(state, labels);
  const levelText = { safe: labels.safe, warning: labels.warning, marginCall: labels.marginCallLevel, liquidation: labels.liquidationLevel }[state.level];
  // One row per collateral: currency, amount, USD value, what can be taken back now and its button, aligned.
  const collateralRows = el('div', { class: 'collateral-grid', role: 'table', 'aria-label': labels.collateral },
    el('div', { class: 'grid-head', role: 'row' },
      ...[labels.collateral, labels.amount, labels.usd, labels.maxRedeem, ''].map((h) => el('span', { role: 'columnheader' }, h))),
    ...state.collateral.map((c) => {
      const canTakeBack = c.maxRedeem !== undefined && D.isPlainDecimal(c.maxRedeem) && D.isPositive(c.maxRedeem);
      return el('div', { class: 'grid-row', role: 'row' },
        el('span', { role: 'rowheader', class: 'ccy' }, c.ccy),
        el('span', { role: 'cell', class: 'num', title: c.amtTitle }, c.amtText),
        el('span', { role: 'cell', class: 'num' }, c.usd ?? '—'),
        el('span', { role: 'cell', class: canTakeBack ? 'num' : 'num muted', ...(canTakeBack ? { title: `${c.maxRedeem ?? ''} ${c.ccy}` } : {}) }, c.maxRedeem === undefined ? '—' : canTakeBack ? (c.maxRedeemText ?? c.maxRedeem) : labels.nothingToTakeBack),
        el('span', { role: 'cell', class: 'row-actions' }, ...(canTakeBack ? [button(labels.takeBack, () => collateral('reduce', c.ccy), true)] : [])));
    }),
  );
  app.replaceChildren(
    el('header', {}, el('h1', {}, state.title), ...(state.ordId === undefined ? [] : [el('p', { class: 'subtitle' }, `${labels.orderId} ${state.ordId}`)])),
    ...(state.error === undefined ? [] : [el('p', { class: 'error', role: 'alert' }, state.error)]),
    el('section', {},
      el('h2', {}, labels.currentLtv),
      el('p', { class: `ltv-figure level-${state.level}` }, `${formatLtv(state.curLTV)} · ${levelText}`),
      ...(state.live === '' ? [] : [el('p', { class: 'subtitle ltv-live' }, state.live)]),
      gauge.element),
    el('div', { class: 'actions' },
      button(labels.addCollateral, () => collateral('add', undefined)),
      button(labels.repay, () => loan('repay'), true),
      button(labels.borrowMore, () => loan('borrow'), true)),
    el('section', {}, el('h2', {}, labels.whatIf), whatIf(state, labels, gauge)),
    ...(state.collateralPrices.length === 0 ? [] : [el('section', {}, el('h2', {}, labels.pricesTitle), ...pricesTable(state, labels))]),
    el('section', {}, el('h2', {}, labels.loan), rowsTable([...state.loans, ...(state.liquidationPrice === undefined ? [] : [[labels.liquidationPrice, state.liquidationPrice] as const])])),
    el('section', {}, el('h2', {}, labels.collateral), collateralRows),
    el('section', {}, el('h2', {}, labels.maxLoans), rowsTable(state.maxLoans)),
    el('section', {}, el('h2', {}, labels.interest), rowsTable(state.interest)),
    el('p', { class: 'muted small' }, `${labels.updated} ${state.updated}`),
  );
}

function loan(action: 'borrow' | 'repay'): void {
  vscode.postMessage({ type: 'loan', action });
}

function collateral(action: 'add' | 'reduce', ccy: string | undefined): void {
  vscode.postMessage({ type: 'collateral', action, ccy });
}

onState((message, labels) => {
  if (message.state.kind === 'ltv') render(message.state, labels);
});

/** The LTV panel: a gauge of the loan's LTV against margin call and liquidation, its breakdown, limits and a what-if. */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import './ltv.css';
import * as D from '../src/decimal';
import { formatPercent } from '../src/portfolio/format';
import type { LtvState, PanelLabels } from '../src/panels/protocol';
import { boot, button, el, onState, persist, rowsTable, saved, vscode } from './common';

const initial = boot();
const view = saved({ key: initial.key, target: initial.target, range: initial.range, whatIfCcy: '', whatIfDrop: '10' });
persist(view);

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag: string, attrs: Record<string, string>, text?: string): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A horizontal gauge from 0 to 100 %: safe, warning band, margin call, liquidation; a marker at the current LTV. */
function gauge(state: LtvState, labels: PanelLabels): HTMLElement {
  const pct = (fraction: string): number => Math.min(100, Math.max(0, Number(D.mul(fraction, '100'))));
  const warnFrom = D.max('0', D.sub(state.marginCallLTV, state.warnDistance));
  const box = svg('svg', { viewBox: '0 0 100 20', preserveAspectRatio: 'none', role: 'img', 'aria-label': `${labels.currentLtv} ${formatPercent(state.curLTV)}, ${labels.marginCall} ${formatPercent(state.marginCallLTV)}, ${labels.liquidation} ${formatPercent(state.liqLTV)}` });
  const zone = (from: number, to: number, cls: string): void => {
    box.append(svg('rect', { x: String(from), y: '4', width: String(Math.max(0, to - from)), height: '8', class: cls }));
  };
  zone(0, pct(warnFrom), 'zone-safe');
  zone(pct(warnFrom), pct(state.marginCallLTV), 'zone-warning');
  zone(pct(state.marginCallLTV), pct(state.liqLTV), 'zone-margin');
  zone(pct(state.liqLTV), 100, 'zone-liquidation');
  const at = pct(state.curLTV);
  box.append(svg('line', { x1: String(at), x2: String(at), y1: '1', y2: '15', class: 'marker', 'vector-effect': 'non-scaling-stroke' }));
  const wrapper = el('div', { class: 'gauge' });
  wrapper.append(box);
  const legend = el('div', { class: 'legend muted' },
    `${labels.marginCall} ${formatPercent(state.marginCallLTV)} · ${labels.liquidation} ${formatPercent(state.liqLTV)}`);
  wrapper.append(legend);
  return wrapper;
}

function whatIf(state: LtvState, labels: PanelLabels): HTMLElement {
  const select = el('select', { 'aria-label': labels.whatIfCollateral });
  for (const c of state.collateral) select.append(el('option', { value: c.ccy }, c.ccy));
  if (state.collateral.some((c) => c.ccy === view.whatIfCcy)) select.value = view.whatIfCcy;
  const drop = el('input', { type: 'number', min: '0', max: '100', step: '1', value: view.whatIfDrop, 'aria-label': labels.whatIfDrop });
  const result = el('output', {});
  const distance = el('span', {});
  const update = (): void => {
    view.whatIfCcy = select.value;
    view.whatIfDrop = drop.value;
    persist(view);
    const c = state.collateral.find((x) => x.ccy === select.value);
    const pctText = drop.value.trim();
    if (c?.price === undefined) {
      result.textContent = labels.whatIfNoPrice;
      distance.textContent = '';
      return;
    }
    if (!D.isPlainDecimal(pctText) || D.gt(pctText, '100')) {
      result.textContent = '—';
      distance.textContent = '';
      return;
    }
    // Collateral value after that currency's price falls by the given percentage.
    const held = D.mul(c.amt, c.price);
    const lost = D.div(D.mul(held, pctText), '100', 8);
    const collateral = D.sub(state.collateralUsd, lost);
    if (!D.isPositive(collateral)) {
      result.textContent = '∞';
      distance.textContent = '';
      return;
    }
    const ltv = D.div(state.loanUsd, collateral, 4);
    result.textContent = formatPercent(ltv);
    const points = D.mul(D.sub(state.liqLTV, ltv), '100');
    distance.textContent = `${points.startsWith('-') ? '' : '+'}${D.roundDown(points, 2)} ${labels.whatIfDistance}`;
    result.className = D.gte(ltv, state.liqLTV) ? 'level-liquidation' : D.gte(ltv, state.marginCallLTV) ? 'level-marginCall' : D.gte(ltv, D.sub(state.marginCallLTV, state.warnDistance)) ? 'level-warning' : 'level-safe';
  };
  select.addEventListener('change', update);
  drop.addEventListener('input', update);
  update();
  return el('div', { class: 'whatif' }, labels.whatIfCollateral, select, labels.whatIfDrop, drop, labels.whatIfResult, result, distance);
}

function render(state: LtvState, labels: PanelLabels): void {
  const app = document.getElementById('app');
  if (app === null) return;
  if (state.loans.length === 0) {
    app.replaceChildren(el('h1', {}, state.title), el('p', { class: 'muted' }, state.error ?? labels.noLoan));
    return;
  }
  const levelText = { safe: labels.safe, warning: labels.warning, marginCall: labels.marginCallLevel, liquidation: labels.liquidationLevel }[state.level];
  // One row per collateral: currency, amount, USD value, what can be taken back now and its button, aligned.
  const collateralRows = el('div', { class: 'collateral-grid', role: 'table', 'aria-label': labels.collateral },
    el('div', { class: 'grid-head', role: 'row' },
      ...[labels.collateral, labels.amount, labels.usd, labels.maxRedeem, ''].map((h) => el('span', { role: 'columnheader' }, h))),
    ...state.collateral.map((c) => {
      const canTakeBack = c.maxRedeem !== undefined && D.isPlainDecimal(c.maxRedeem) && D.isPositive(c.maxRedeem);
      return el('div', { class: 'grid-row', role: 'row' },
        el('span', { role: 'rowheader', class: 'ccy' }, c.ccy),
        el('span', { role: 'cell', class: 'num' }, c.amtText),
        el('span', { role: 'cell', class: 'num' }, c.usd ?? '—'),
        el('span', { role: 'cell', class: canTakeBack ? 'num' : 'num muted' }, c.maxRedeem === undefined ? '—' : canTakeBack ? c.maxRedeem : labels.nothingToTakeBack),
        el('span', { role: 'cell', class: 'row-actions' }, ...(canTakeBack ? [button(labels.takeBack, () => collateral('reduce', c.ccy), true)] : [])));
    }),
  );
  app.replaceChildren(
    el('header', {}, el('h1', {}, state.title), ...(state.ordId === undefined ? [] : [el('p', { class: 'subtitle' }, `${labels.orderId} ${state.ordId}`)])),
    ...(state.error === undefined ? [] : [el('p', { class: 'error', role: 'alert' }, state.error)]),
    el('section', {},
      el('h2', {}, labels.currentLtv),
      el('p', { class: `ltv-figure level-${state.level}` }, `${formatPercent(state.curLTV)} · ${levelText}`),
      gauge(state, labels)),
    el('div', { class: 'actions' },
      button(labels.addCollateral, () => collateral('add', undefined)),
      button(labels.repay, () => loan('repay'), true),
      button(labels.borrowMore, () => loan('borrow'), true)),
    el('section', {}, el('h2', {}, labels.whatIf), whatIf(state, labels)),
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

/**
 * The Compare panel: every product that takes a currency, the highest rate first, one card per product (readable
 * in a narrow editor: the cards wrap to one column), each with its Subscribe/Buy button, which asks the host to
 * run that product's own flow. A currency picker: the currencies held first, then every other one.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import './compare.css';
import type { CompareRow, CompareState, PanelLabels } from '../src/panels/protocol';
import { boot, button, el, onState, persist, saved, vscode } from './common';

const initial = boot();
const view = saved({ key: initial.key, target: initial.target, range: initial.range });
persist(view);

function picker(state: CompareState, labels: PanelLabels): HTMLElement {
  const select = el('select', { id: 'ccy' });
  const group = (label: string, ccys: readonly string[]): HTMLOptGroupElement => {
    const g = el('optgroup', { label });
    for (const ccy of ccys) g.append(el('option', { value: ccy, ...(ccy === state.ccy ? { selected: '' } : {}) }, ccy));
    return g;
  };
  if (state.held.length > 0) select.append(group(labels.compareHeld, state.held));
  if (state.others.length > 0) select.append(group(labels.compareOthers, state.others));
  // A currency no product takes (asked for by name) still shows as chosen.
  if (!state.held.includes(state.ccy) && !state.others.includes(state.ccy)) select.prepend(el('option', { value: state.ccy, selected: '' }, state.ccy));
  select.addEventListener('change', () => {
    view.target = { kind: 'compare', ccy: select.value };
    persist(view);
    vscode.postMessage({ type: 'ccy', ccy: select.value });
  });
  return el('div', { class: 'picker' }, el('label', { for: 'ccy' }, labels.compareCcy), select);
}

function card(row: CompareRow, rank: number, labels: PanelLabels): HTMLElement {
  const facts = el('dl', { class: 'option-facts' },
    ...([[labels.compareTerm, row.term], [labels.comparePayback, row.payback], [labels.compareMin, row.min], [labels.compareRisk, row.risk]] as const)
      .flatMap(([label, value]) => [el('dt', {}, label), el('dd', {}, value)]));
  const action = row.action === undefined
    ? el('p', { class: 'muted note' }, row.note)
    : button(row.action, () => vscode.postMessage({ type: 'compare', id: row.id }));
  return el('article', { class: 'option', 'aria-label': `${String(rank)}. ${row.product}` },
    el('header', {},
      el('h2', {}, el('span', { class: 'rank' }, `${String(rank)}.`), ' ', row.product),
      el('p', { class: 'rate' }, el('span', { class: 'rate-figure' }, row.rate), ' ', el('span', { class: 'rate-kind' }, row.rateKind))),
    facts,
    el('div', { class: 'actions' }, action));
}

function render(state: CompareState, labels: PanelLabels): void {
  const app = document.getElementById('app');
  if (app === null) return;
  app.replaceChildren(
    el('header', {}, el('h1', {}, state.title)),
    el('p', { class: 'honest', role: 'note' }, state.honest),
    ...(state.error === undefined ? [] : [el('p', { class: 'error', role: 'alert' }, state.error)]),
    el('div', { class: 'toolbar' }, picker(state, labels), button(labels.refresh, () => vscode.postMessage({ type: 'refresh' }), true)),
    ...(state.loading === '' ? [] : [el('p', { class: 'muted', role: 'status' }, state.loading)]),
    ...(state.empty === '' ? [] : [el('p', { class: 'chart-empty', role: 'status' }, state.empty)]),
    el('div', { class: 'options' }, ...state.rows.map((row, i) => card(row, i + 1, labels))),
    el('p', { class: 'muted small' }, `${labels.updated} ${state.updated}`),
  );
}

onState((message, labels) => {
  if (message.state.kind === 'compare') render(message.state, labels);
});

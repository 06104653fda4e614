/** The product panel: facts, the user's position, an APY / lending-rate history chart, Purchase and Redeem. */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { RANGES, type ChartPoint, type PanelLabels, type ProductState } from '../src/panels/protocol';
import { boot, button, el, onState, persist, rowsTable, saved, themeColor, vscode } from './common';

const initial = boot();
const view = saved({ key: initial.key, target: initial.target, range: initial.range });
persist(view);
let chart: uPlot | undefined;

function drawChart(host: HTMLElement, points: readonly ChartPoint[], label: string): void {
  chart?.destroy();
  chart = undefined;
  if (points.length === 0) return;
  const width = Math.max(320, host.clientWidth || 640);
  const stroke = themeColor('--vscode-charts-blue', '#3794ff');
  const axis = { stroke: themeColor('--vscode-foreground', '#888'), grid: { stroke: themeColor('--vscode-editorWidget-border', '#8884'), width: 1 }, ticks: { show: false } };
  chart = new uPlot(
    {
      width,
      height: 260,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true } },
      axes: [axis, { ...axis, values: (_u, ticks) => ticks.map((t) => `${t.toFixed(2)}%`), size: 64 }],
      series: [{}, { label, stroke, width: 2, fill: `${stroke}22`, points: { show: false } }],
    },
    // Display only: rates become numbers to place them on screen; nothing is computed or sent from them.
    [points.map((p) => p.ts / 1000), points.map((p) => Number(p.rate) * 100)],
    host,
  );
}

function render(state: ProductState, labels: PanelLabels): void {
  const app = document.getElementById('app');
  if (app === null) return;
  const header = el('header', {}, el('h1', {}, state.title), el('p', { class: 'subtitle' }, state.subtitle));
  const actions = el('div', { class: 'actions' });
  if (state.actions.includes('purchase')) actions.append(button(labels.purchase, () => vscode.postMessage({ type: 'action', action: 'purchase' })));
  if (state.actions.includes('redeem')) actions.append(button(labels.redeem, () => vscode.postMessage({ type: 'action', action: 'redeem' }), true));
  actions.append(button(labels.refresh, () => vscode.postMessage({ type: 'refresh' }), true));

  const chartSection = el('section', { class: 'chart' }, el('h2', {}, labels.chart));
  if ('unavailable' in state.chart) {
    chartSection.append(el('p', { class: 'muted' }, state.chart.unavailable));
  } else {
    const ranges = el('div', { class: 'ranges', role: 'group' });
    for (const days of RANGES) {
      const key = `range${days}` as keyof PanelLabels;
      const b = button(labels[key], () => {
        view.range = days;
        persist(view);
        vscode.postMessage({ type: 'range', days });
      }, days !== state.chart.range);
      b.setAttribute('aria-pressed', String(days === state.chart.range));
      ranges.append(b);
    }
    const plot = el('div', { class: 'plot', role: 'img', 'aria-label': state.chart.label });
    chartSection.append(el('p', { class: 'muted' }, state.chart.label), ranges, plot);
    if (state.chart.loading) chartSection.append(el('p', { class: 'muted' }, labels.loadingChart));
    if (state.chart.note !== '') chartSection.append(el('p', { class: 'muted' }, state.chart.note));
    const { points, label } = state.chart;
    requestAnimationFrame(() => drawChart(plot, points, label));
  }
  app.replaceChildren(
    header,
    ...(state.error === undefined ? [] : [el('p', { class: 'error', role: 'alert' }, state.error)]),
    actions,
    el('section', {}, el('h2', {}, labels.facts), rowsTable(state.facts)),
    el('section', {}, el('h2', {}, labels.position), state.position.length === 0 ? el('p', { class: 'muted' }, labels.noPosition) : rowsTable(state.position)),
    chartSection,
    el('p', { class: 'muted small' }, `${labels.updated} ${state.updated}`),
  );
}

onState((message, labels) => {
  if (message.state.kind === 'product') render(message.state, labels);
});

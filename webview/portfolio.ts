/** The Portfolio panel: allocation by product and by currency, savings earnings per day, what comes next. */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './portfolio.css';
import { EARNINGS_RANGES, type DayPoint, type PanelLabels, type PortfolioState, type Slice } from '../src/panels/protocol';
import { boot, button, el, onState, persist, rowsTable, saved, themeColor, vscode } from './common';

const initial = boot();
const view = saved({ key: initial.key, target: initial.target, range: EARNINGS_RANGES.includes(initial.range as 7 | 30 | 90) ? initial.range : 30 });
persist(view);
let chart: uPlot | undefined;

const PALETTE = ['--vscode-charts-blue', '--vscode-charts-green', '--vscode-charts-orange', '--vscode-charts-purple', '--vscode-charts-yellow', '--vscode-charts-red'];
const color = (i: number): string => `var(${PALETTE[i % PALETTE.length] ?? '--vscode-charts-blue'})`;

/**
 * A stacked bar of the slices (drawn, for the eye) and a list of them (text, for everyone): each slice is named
 * with its amount and share next to its colour, so no figure is carried by colour alone.
 */
function allocation(slices: readonly Slice[], title: string): HTMLElement {
  const bar = el('div', { class: 'stack', 'aria-hidden': 'true' });
  slices.forEach((s, i) => {
    // Display only: the share becomes a width on screen; nothing is computed from it.
    const width = Math.max(0, Math.min(100, Number(s.share) * 100));
    const part = el('span', { class: `part pattern-${i % 4}` });
    part.style.width = `${width}%`;
    part.style.background = color(i);
    bar.append(part);
  });
  const list = el('ul', { class: 'slices', 'aria-label': title });
  slices.forEach((s, i) => {
    const swatch = el('span', { class: `swatch pattern-${i % 4}`, 'aria-hidden': 'true' });
    swatch.style.background = color(i);
    list.append(el('li', {}, swatch, el('span', { class: 'slice-label' }, s.label), el('span', { class: 'slice-text' }, s.text)));
  });
  return el('div', { class: 'allocation' }, bar, list);
}

function drawChart(host: HTMLElement, points: readonly DayPoint[], label: string): void {
  chart?.destroy();
  chart = undefined;
  if (points.length === 0) return;
  const width = Math.max(320, host.clientWidth || 640);
  const fill = themeColor('--vscode-charts-green', '#89d185');
  const axis = { stroke: themeColor('--vscode-foreground', '#888'), grid: { stroke: themeColor('--vscode-editorWidget-border', '#8884'), width: 1 }, ticks: { show: false } };
  chart = new uPlot(
    {
      width,
      height: 220,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true } },
      axes: [axis, { ...axis, values: (_u, ticks) => ticks.map((t) => t.toFixed(2)), size: 64 }],
      series: [{}, { label, stroke: fill, fill: `${fill}99`, width: 1, paths: uPlot.paths.bars?.({ size: [0.7, 40] }), points: { show: false } }],
    },
    // Display only: USD amounts become bar heights on screen; the figures themselves are the text table below.
    [points.map((p) => p.ts / 1000), points.map((p) => Number(p.usd))],
    host,
  );
}

function render(state: PortfolioState, labels: PanelLabels): void {
  const app = document.getElementById('app');
  if (app === null) return;
  const ranges = el('div', { class: 'ranges', role: 'group' });
  for (const days of EARNINGS_RANGES) {
    const key = `range${days}` as keyof PanelLabels;
    const b = button(labels[key], () => {
      view.range = days;
      persist(view);
      vscode.postMessage({ type: 'range', days });
    }, days !== state.earnings.range);
    b.setAttribute('aria-pressed', String(days === state.earnings.range));
    ranges.append(b);
  }
  const plot = el('div', { class: 'plot', role: 'img', 'aria-label': state.earnings.label });
  const table = el('table', { class: 'facts' },
    el('tr', {}, el('th', { scope: 'col' }, labels.day), el('th', { scope: 'col' }, state.earnings.label)),
    ...[...state.earnings.points].reverse().map((p) => el('tr', {}, el('th', { scope: 'row' }, p.day), el('td', {}, p.text))));
  app.replaceChildren(
    el('header', {}, el('h1', {}, state.title)),
    ...(state.error === undefined ? [] : [el('p', { class: 'error', role: 'alert' }, state.error)]),
    el('div', { class: 'actions' }, button(labels.refresh, () => vscode.postMessage({ type: 'refresh' }), true)),
    el('section', {}, el('h2', {}, labels.totals), rowsTable(state.totals), ...(state.incomplete === '' ? [] : [el('p', { class: 'muted' }, state.incomplete)])),
    el('section', {}, el('h2', {}, labels.byProduct), allocation(state.byProduct, labels.byProduct)),
    el('section', {}, el('h2', {}, labels.byCurrency), allocation(state.byCurrency, labels.byCurrency)),
    el('section', { class: 'chart' },
      el('h2', {}, labels.earningsPerDay),
      el('p', { class: 'muted' }, state.earnings.label),
      ranges,
      plot,
      ...(state.earnings.loading ? [el('p', { class: 'muted' }, labels.loadingChart)] : []),
      ...(state.earnings.error === undefined ? [] : [el('p', { class: 'error' }, state.earnings.error)]),
      ...(state.earnings.note === '' ? [] : [el('p', { class: 'muted' }, state.earnings.note)]),
      el('details', {}, el('summary', {}, labels.dailyFigures), table)),
    el('section', {}, el('h2', {}, labels.upcoming), state.upcoming.length === 0 ? el('p', { class: 'muted' }, labels.nothingUpcoming) : rowsTable(state.upcoming)),
    el('p', { class: 'muted small' }, `${labels.updated} ${state.updated}`),
  );
  const { points, label } = state.earnings;
  requestAnimationFrame(() => drawChart(plot, points, label));
}

onState((message, labels) => {
  if (message.state.kind === 'portfolio') render(message.state, labels);
});

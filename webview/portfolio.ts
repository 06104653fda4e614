/** The Portfolio panel: allocation by product and by currency, earnings per day, what comes next. */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './portfolio.css';
import * as D from '../src/decimal';
import { seriesColour, sliceColour } from '../src/panels/palette';
import { EARNINGS_RANGES, type DayPoint, type EarningSeries, type PanelLabels, type PortfolioState, type Slice } from '../src/panels/protocol';
import { boot, button, el, onState, persist, rowsTable, saved, themeColor, vscode } from './common';

const initial = boot();
const view = saved({ key: initial.key, target: initial.target, range: EARNINGS_RANGES.includes(initial.range as 7 | 30 | 90) ? initial.range : 30 });
persist(view);
let chart: uPlot | undefined;

/** A theme colour for the canvas (which takes no CSS variables), from `var(--name)`. */
const canvasColour = (css: string, fallback: string): string => themeColor(/^var\((--[\w-]+)\)$/.exec(css)?.[1] ?? '', fallback);

/**
 * A stacked bar of the slices (drawn, for the eye) and a list of them (text, for everyone): each slice is named
 * with its amount and share next to its colour, so no figure is carried by colour alone. Each slice has a
 * colour of its own and a pattern, in every theme.
 */
function allocation(slices: readonly Slice[], title: string): HTMLElement {
  const bar = el('div', { class: 'stack', 'aria-hidden': 'true' });
  slices.forEach((s, i) => {
    // Display only: the share becomes a width on screen; nothing is computed from it.
    const width = Math.max(0, Math.min(100, Number(s.share) * 100));
    const part = el('span', { class: `part pattern-${i % 4}` });
    part.style.width = `${width}%`;
    part.style.backgroundColor = sliceColour(i);
    bar.append(part);
  });
  const list = el('ul', { class: 'slices', 'aria-label': title });
  slices.forEach((s, i) => {
    const swatch = el('span', { class: `swatch pattern-${i % 4}`, 'aria-hidden': 'true' });
    swatch.style.backgroundColor = sliceColour(i);
    list.append(el('li', {}, swatch, el('span', { class: 'slice-label' }, s.label), el('span', { class: 'slice-text', ...(s.title === undefined ? {} : { title: s.title }) }, s.text)));
  });
  return el('div', { class: 'allocation' }, bar, list);
}

/**
 * Bars stacked per product: each product's bar reaches the sum of its part and those below it, drawn from the top
 * product down so that each covers the lower part of the one before. A day with no record has no bar at all.
 */
function stacked(points: readonly DayPoint[], keys: readonly EarningSeries[]): (number | null)[][] {
  return keys.map((key, k) =>
    points.map((p) => {
      if (p.parts[key] === undefined) return null;
      // Display only: USD amounts become bar heights on screen; the figures themselves are the text table below.
      return Number(D.sum(keys.slice(0, k + 1).flatMap((below) => p.parts[below] ?? [])));
    }),
  );
}

function drawChart(host: HTMLElement, readout: HTMLElement, state: PortfolioState['earnings'], labels: PanelLabels): void {
  chart?.destroy();
  chart = undefined;
  const { points } = state;
  const show = (i: number | undefined): void => {
    const p = points[i ?? points.length - 1];
    if (p === undefined) return;
    const parts = state.series.flatMap((s) => (p.partsText[s.key] ?? '') === '' ? [] : [`${s.label} ${p.partsText[s.key] ?? ''}`]);
    const text = fill(labels.chartReadout, p.day, parts.length > 1 ? `${p.text} (${parts.join(', ')})` : parts[0] ?? p.text);
    readout.textContent = i === undefined ? fill(labels.chartLatest, text) : text;
  };
  if (points.length === 0 || state.empty !== '') {
    readout.textContent = '';
    return;
  }
  const width = Math.max(320, host.clientWidth || 640);
  const axis = { stroke: themeColor('--vscode-foreground', '#888'), grid: { stroke: themeColor('--vscode-editorWidget-border', '#8884'), width: 1 }, ticks: { show: false } };
  const keys = state.series.map((s) => s.key);
  const bars = stacked(points, keys);
  // The top product first: each later (lower) one is drawn over it.
  const order = keys.map((_, k) => k).reverse();
  chart = new uPlot(
    {
      width,
      height: 220,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true } },
      axes: [axis, { ...axis, values: (_u, ticks) => ticks.map((t) => t.toFixed(2)), size: 64 }],
      series: [
        {},
        ...order.map((k) => {
          const key = keys[k] ?? 'savings';
          const colour = canvasColour(seriesColour(key), key === 'savings' ? '#89d185' : '#3794ff');
          return { label: state.series[k]?.label ?? key, stroke: colour, fill: `${colour}cc`, width: 1, paths: uPlot.paths.bars?.({ size: [0.7, 40] }), points: { show: false } };
        }),
      ],
      hooks: { setCursor: [(u: uPlot) => show(u.cursor.idx ?? undefined)] },
    },
    [points.map((p) => p.ts / 1000), ...order.map((k) => bars[k] ?? [])],
    host,
  );
  show(undefined);
}

/** A label's {0}, {1}… filled in (the host localizes the template). */
function fill(template: string, ...args: string[]): string {
  return template.replace(/\{(\d)\}/g, (whole, i: string) => args[Number(i)] ?? whole);
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
  const earnings = state.earnings;
  const legend = el('ul', { class: 'legend' }, ...earnings.series.map((s) => {
    const swatch = el('span', { class: `swatch pattern-${s.key === 'savings' ? 0 : 1}`, 'aria-hidden': 'true' });
    swatch.style.backgroundColor = seriesColour(s.key);
    return el('li', {}, swatch, s.label);
  }));
  const readout = el('p', { class: 'readout', 'aria-live': 'polite' });
  const plot = el('div', { class: 'plot', role: 'img', 'aria-label': earnings.label });
  const table = el('table', { class: 'facts' },
    el('tr', {}, el('th', { scope: 'col' }, labels.day), el('th', { scope: 'col' }, labels.total), ...earnings.series.map((s) => el('th', { scope: 'col' }, s.label))),
    ...[...earnings.points].reverse().map((p) => el('tr', {}, el('th', { scope: 'row' }, p.day), el('td', {}, p.text), ...earnings.series.map((s) => el('td', {}, p.partsText[s.key] ?? '')))));
  // While the portfolio is read again the last figures stay, marked as such (never zeros for "not read yet").
  const stale: Record<string, string> = state.refreshing === '' ? {} : { class: 'stale', 'aria-busy': 'true' };
  app.replaceChildren(
    el('header', {}, el('h1', {}, state.title)),
    ...(state.refreshing === '' ? [] : [el('p', { class: 'refreshing', role: 'status' }, el('span', { class: 'spin', 'aria-hidden': 'true' }, '⟳'), state.refreshing)]),
    ...(state.error === undefined ? [] : [el('p', { class: 'error', role: 'alert' }, state.error)]),
    el('div', { class: 'actions' }, button(labels.refresh, () => vscode.postMessage({ type: 'refresh' }), true)),
    el('section', stale, el('h2', {}, labels.totals), rowsTable(state.totals), ...(state.incomplete === '' ? [] : [el('p', { class: 'muted' }, state.incomplete)])),
    el('section', stale, el('h2', {}, labels.byProduct), allocation(state.byProduct, labels.byProduct)),
    el('section', stale, el('h2', {}, labels.byCurrency), allocation(state.byCurrency, labels.byCurrency)),
    el('section', { class: 'chart' },
      el('h2', {}, labels.earningsPerDay),
      el('p', { class: 'muted' }, earnings.label),
      ranges,
      legend,
      ...(earnings.loading ? [el('p', { class: 'muted' }, labels.loadingChart)] : []),
      ...(earnings.refreshing && !earnings.loading ? [el('p', { class: 'muted' }, labels.refreshingChart)] : []),
      readout,
      ...(earnings.empty === '' ? [plot] : [el('p', { class: 'chart-empty', role: 'status' }, earnings.empty)]),
      ...(earnings.error === undefined ? [] : [el('p', { class: 'error' }, earnings.error)]),
      ...(earnings.note === '' ? [] : [el('p', { class: 'muted' }, earnings.note)]),
      el('details', {}, el('summary', {}, labels.dailyFigures), table)),
    el('section', stale, el('h2', {}, labels.upcoming), state.upcoming.length === 0 ? el('p', { class: 'muted' }, labels.nothingUpcoming) : rowsTable(state.upcoming)),
    el('p', { class: 'muted small' }, `${labels.updated} ${state.updated}`),
  );
  requestAnimationFrame(() => drawChart(plot, readout, earnings, labels));
}

onState((message, labels) => {
  if (message.state.kind === 'portfolio') render(message.state, labels);
});

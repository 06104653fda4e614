/** The product panel: facts, the user's position, an APY / lending-rate history chart, Purchase and Redeem. */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './product.css';
import { formatPercent, numberSymbols } from '../src/portfolio/format';
import { MAX_AMOUNT_TEXT, RANGES, type ChartPoint, type PanelLabels, type ProductAction, type ProductState, type RangeDays, type Section } from '../src/panels/protocol';
import { boot, button, el, onState, persist, rowsTable, saved, themeColor, vscode } from './common';

const initial = boot();
const view = saved({ key: initial.key, target: initial.target, range: initial.range, amount: '' });
persist(view);
const locale = initial.locale;
const symbols = numberSymbols(locale);
const DAY_S = 86_400;

type Chart = Extract<ProductState['chart'], { points: unknown }>;

/**
 * The page is built once and updated in place: a state message (several a second while a long history
 * loads) never replaces a button under the pointer, so a click on a range or an action is never lost.
 */
class Page {
  readonly title = el('h1');
  readonly subtitle = el('p', { class: 'subtitle' });
  readonly notice = el('p', { class: 'notice', role: 'note' });
  readonly error = el('p', { class: 'error', role: 'alert' });
  readonly sections = el('div', { class: 'sections' });
  /** A Dual Investment product's amount: built once, so typing is never interrupted by a state arriving. */
  readonly amountBox = el('div', { class: 'amount' });
  readonly amountLabel = el('label', { for: 'amount-input' });
  readonly amountInput = el('input', { id: 'amount-input', type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', maxlength: String(MAX_AMOUNT_TEXT), 'aria-describedby': 'amount-hint amount-error' });
  readonly amountHint = el('p', { id: 'amount-hint', class: 'muted small' });
  readonly amountError = el('p', { id: 'amount-error', class: 'field-error', 'aria-live': 'polite' });
  private amountTimer: ReturnType<typeof setTimeout> | undefined;
  readonly actions = el('div', { class: 'actions' });
  readonly facts = el('section');
  readonly position = el('section');
  readonly chartSection = el('section', { class: 'chart' });
  readonly chartLabel = el('p', { class: 'muted' });
  readonly ranges = el('div', { class: 'ranges', role: 'group' });
  readonly rangeButtons = new Map<RangeDays, HTMLElement>();
  readonly plot = el('div', { class: 'plot', role: 'img', tabindex: '0' });
  readonly readout = el('p', { class: 'readout', 'aria-live': 'polite' });
  /** A range with no point: said where the chart would be, with when the latest point is. */
  readonly empty = el('p', { class: 'chart-empty', role: 'status' });
  readonly loading = el('p', { class: 'muted' });
  readonly note = el('p', { class: 'muted' });
  readonly unavailable = el('p', { class: 'muted' });
  readonly updated = el('p', { class: 'muted small' });
  private actionsKey = '';

  constructor(private readonly labels: PanelLabels) {
    for (const days of RANGES) {
      const b = button(labels[`range${days}`], () => this.chooseRange(days));
      this.rangeButtons.set(days, b);
      this.ranges.append(b);
    }
    this.ranges.setAttribute('aria-label', labels.chart);
    // The readout above the plot, so that it stays in view with the pointer on the chart (below a 260 px chart it
    // left the screen of a short window); the loading state next to it.
    this.chartSection.append(el('h2', {}, labels.chart), this.chartLabel, this.ranges, this.loading, this.readout, this.empty, this.plot, this.note, this.unavailable);
    this.amountInput.value = view.amount;
    this.amountBox.append(this.amountLabel, this.amountInput, this.amountHint, this.amountError);
    this.amountBox.hidden = true;
    this.amountInput.addEventListener('input', () => {
      view.amount = this.amountInput.value;
      persist(view);
      // The host checks it and sends the outcomes for it, once the typing pauses.
      if (this.amountTimer !== undefined) clearTimeout(this.amountTimer);
      this.amountTimer = setTimeout(() => vscode.postMessage({ type: 'amount', amount: this.amountInput.value.slice(0, MAX_AMOUNT_TEXT) }), 250);
    });
    document.getElementById('app')?.replaceChildren(
      el('header', {}, this.title, this.subtitle),
      this.notice,
      this.error,
      this.actions,
      this.facts,
      this.position,
      this.amountBox,
      this.sections,
      this.chartSection,
      this.updated,
    );
    // An amount typed before a reload: its outcomes, not the minimum's.
    if (view.amount !== '') vscode.postMessage({ type: 'amount', amount: view.amount.slice(0, MAX_AMOUNT_TEXT) });
  }

  private renderSections(sections: readonly Section[]): void {
    this.sections.replaceChildren(
      ...sections.map((section) => {
        const node = el('section', {}, el('h2', {}, section.title));
        if ('rows' in section) {
          if (section.rows.length > 0) node.append(rowsTable(section.rows));
        } else if ('columns' in section) {
          const head = el('tr', {}, ...section.columns.map((c) => el('th', { scope: 'col' }, c)));
          const title = (r: number, i: number): Record<string, string> => {
            const exact = section.titles?.[r]?.[i] ?? '';
            return exact === '' ? {} : { title: exact };
          };
          const body = section.cells.map((cells, r) => el('tr', {}, ...cells.map((cell, i) => (i === 0 ? el('th', { scope: 'row' }, cell) : el('td', title(r, i), cell)))));
          node.append(el('div', { class: 'grid-scroll' }, el('table', { class: 'grid' }, el('thead', {}, head), el('tbody', {}, ...body))));
        } else {
          node.append(el('ul', { class: 'lines' }, ...section.lines.map((line) => el('li', {}, line))));
        }
        if (section.note !== undefined && section.note !== '') node.append(el('p', { class: 'muted small' }, section.note));
        return node;
      }),
    );
  }

  private renderAmount(amount: ProductState['amount']): void {
    this.amountBox.hidden = amount === undefined;
    if (amount === undefined) return;
    this.amountLabel.textContent = amount.label;
    this.amountInput.placeholder = amount.placeholder;
    this.amountHint.textContent = amount.hint;
    this.amountError.textContent = amount.error;
    this.amountError.hidden = amount.error === '';
    if (amount.error === '') this.amountInput.removeAttribute('aria-invalid');
    else this.amountInput.setAttribute('aria-invalid', 'true');
  }

  /** The range the user chose whose state has not arrived yet (a state already on its way is for the old one). */
  private asked: RangeDays | undefined;

  /** Marks the range chosen at once; the host then sends the state for it. */
  private chooseRange(days: RangeDays): void {
    this.asked = days;
    view.range = days;
    persist(view);
    this.markRange(days);
    vscode.postMessage({ type: 'range', days });
  }

  private markRange(days: RangeDays): void {
    for (const [d, b] of this.rangeButtons) {
      const chosen = d === days;
      b.toggleAttribute('secondary', !chosen);
      b.setAttribute('aria-pressed', String(chosen));
      b.classList.toggle('chosen', chosen);
      // A check mark as well as the fill: High Contrast themes draw primary and secondary buttons alike.
      b.replaceChildren(...(chosen ? [el('span', { class: 'check', 'aria-hidden': 'true' }, '✓')] : []), this.labels[`range${d}`]);
    }
  }

  render(state: ProductState): void {
    const labels = this.labels;
    this.title.textContent = state.title;
    this.subtitle.textContent = state.subtitle;
    this.error.textContent = state.error ?? '';
    this.error.hidden = state.error === undefined;
    this.notice.textContent = state.notice ?? '';
    this.notice.hidden = state.notice === undefined;
    this.renderAmount(state.amount);
    this.renderSections(state.sections ?? []);

    const names: Record<ProductAction, string> = { purchase: state.actionLabels?.purchase ?? labels.purchase, redeem: state.actionLabels?.redeem ?? labels.redeem };
    const key = JSON.stringify([state.actions, names]);
    if (key !== this.actionsKey) {
      this.actionsKey = key;
      this.actions.replaceChildren(
        ...state.actions.map((action, i) => button(names[action], () => vscode.postMessage({ type: 'action', action }), i > 0)),
        button(labels.refresh, () => vscode.postMessage({ type: 'refresh' }), true),
      );
    }

    this.facts.replaceChildren(el('h2', {}, labels.facts), rowsTable(state.facts));
    this.position.replaceChildren(el('h2', {}, labels.position), state.position.length === 0 ? el('p', { class: 'muted' }, labels.noPosition) : rowsTable(state.position));

    const chart = 'unavailable' in state.chart ? undefined : state.chart;
    for (const node of [this.chartLabel, this.ranges, this.plot, this.readout, this.loading, this.note, this.empty]) node.hidden = chart === undefined;
    this.unavailable.hidden = chart !== undefined;
    if (chart === undefined) {
      this.unavailable.textContent = 'unavailable' in state.chart ? state.chart.unavailable : '';
      plot.draw(this.plot, undefined);
    } else if (this.asked !== undefined && chart.range !== this.asked) {
      // A state the host built before it had the user's choice (a refresh, a page of history): the choice stays
      // marked and the chart as it is until the state for the chosen range comes.
      this.markRange(this.asked);
      this.loading.textContent = labels.loadingChart;
      this.loading.hidden = false;
    } else {
      this.asked = undefined;
      this.chartLabel.textContent = chart.label;
      this.plot.setAttribute('aria-label', `${chart.label}. ${labels.chartKeys}`);
      // A history that cannot reach as far as a range (Stable Rewards: 100 days) offers only the ranges it has.
      for (const [d, b] of this.rangeButtons) b.hidden = chart.ranges !== undefined && !chart.ranges.includes(d);
      this.markRange(chart.range);
      this.loading.textContent = chart.loading ? (chart.progress === '' ? labels.loadingChart : `${labels.loadingChart} ${chart.progress}`) : '';
      this.loading.hidden = !chart.loading;
      this.note.textContent = chart.note;
      this.note.hidden = chart.note === '';
      this.empty.textContent = chart.empty;
      this.empty.hidden = chart.empty === '';
      // Nothing in range: the sentence instead of an empty frame with no axes.
      this.plot.hidden = chart.empty !== '';
      this.readout.hidden = chart.empty !== '';
      plot.draw(this.plot, chart);
    }
    this.updated.textContent = `${labels.updated} ${state.updated}`;
  }
}

/** The uPlot chart: redrawn with new data in place, with a readout of the point under the cursor (or keys). */
class Plot {
  private chart: uPlot | undefined;
  private shape = '';
  private points: readonly ChartPoint[] = [];
  private step: 'hour' | 'day' = 'hour';
  private index: number | undefined;
  private resize: ResizeObserver | undefined;

  constructor(private readonly readout: HTMLElement, private readonly labels: PanelLabels) {}

  draw(host: HTMLElement, chart: Chart | undefined): void {
    this.points = chart?.points ?? [];
    if (chart === undefined || this.points.length === 0) {
      this.destroy();
      this.readout.textContent = '';
      return;
    }
    this.step = chart.step;
    const banded = this.points.some((p) => p.min !== undefined);
    // Display only: rates become numbers to place them on screen; nothing is computed or sent from them.
    const pct = (rate: string | undefined): number | null => (rate === undefined ? null : Number(rate) * 100);
    const data: uPlot.AlignedData = [
      this.points.map((p) => p.ts / 1000),
      this.points.map((p) => pct(p.rate)),
      ...(banded ? [this.points.map((p) => pct(p.min)), this.points.map((p) => pct(p.max))] : []),
    ];
    const shape = `${String(banded)}:${chart.step}:${chart.label}`;
    const width = Math.max(320, host.clientWidth || 640);
    if (this.chart !== undefined && shape === this.shape) {
      this.chart.setData(data);
      if (this.chart.width !== width) this.chart.setSize({ width, height: 260 });
    } else {
      this.destroy();
      this.shape = shape;
      this.chart = new uPlot(this.options(width, chart, banded), data, host);
      this.bindKeys(host);
      // The panel resized (a split editor, the sidebar dragged): the chart follows its width.
      this.resize = new ResizeObserver(() => {
        const now = Math.max(320, host.clientWidth || 640);
        if (this.chart !== undefined && this.chart.width !== now) this.chart.setSize({ width: now, height: 260 });
      });
      this.resize.observe(host);
    }
    this.show(this.index !== undefined && this.index < this.points.length ? this.index : undefined);
  }

  private options(width: number, chart: Chart, banded: boolean): uPlot.Options {
    const stroke = themeColor('--vscode-charts-blue', '#3794ff');
    const foreground = themeColor('--vscode-foreground', '#888');
    const grid = { stroke: themeColor('--vscode-editorWidget-border', '#8884'), width: 1 };
    const daily = chart.step === 'day';
    const dates = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' });
    const hours = new Intl.DateTimeFormat(locale, { hour: 'numeric' });
    return {
      width,
      height: 260,
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { size: 8, fill: stroke } },
      scales: { x: { time: true } },
      axes: [
        {
          stroke: foreground,
          grid,
          ticks: { show: false },
          // A daily series gets ticks on whole days only (never 12 am / 12 pm); an hourly one shows the hour
          // where a tick is not at midnight. Dates in the editor's language, not uPlot's English.
          incrs: daily ? [DAY_S, 2 * DAY_S, 7 * DAY_S, 14 * DAY_S, 30 * DAY_S, 61 * DAY_S, 91 * DAY_S, 182 * DAY_S, 365 * DAY_S] : [3600, 3 * 3600, 6 * 3600, 12 * 3600, DAY_S, 2 * DAY_S, 7 * DAY_S, 14 * DAY_S, 30 * DAY_S, 61 * DAY_S],
          values: (_u, ticks) =>
            ticks.map((t) => {
              const d = new Date(t * 1000);
              return daily || (d.getHours() === 0 && d.getMinutes() === 0) ? dates.format(d) : hours.format(d);
            }),
          space: 56,
        },
        { stroke: foreground, grid, ticks: { show: false }, values: (_u, ticks) => ticks.map((t) => `${t.toFixed(2)}%`), size: 64 },
      ],
      series: [
        {},
        { label: chart.label, stroke, width: 2, fill: banded ? undefined : `${stroke}22`, points: { show: false } },
        ...(banded
          ? [
              { label: this.labels.chartLowest, stroke: `${stroke}66`, width: 1, dash: [4, 3], points: { show: false } },
              { label: this.labels.chartHighest, stroke: `${stroke}66`, width: 1, dash: [4, 3], points: { show: false } },
            ]
          : []),
      ],
      ...(banded ? { bands: [{ series: [3, 2] as [number, number], fill: `${stroke}33` }] } : {}),
      hooks: { setCursor: [(u: uPlot) => this.show(u.cursor.idx ?? undefined)] },
    };
  }

  /** Left/Right (and Home/End) move through the points when the chart has focus; the readout says each. */
  private bindKeys(host: HTMLElement): void {
    host.onkeydown = (event) => {
      const last = this.points.length - 1;
      if (last < 0 || this.chart === undefined) return;
      const current = this.index ?? last;
      const next = event.key === 'ArrowLeft' ? current - 1 : event.key === 'ArrowRight' ? current + 1 : event.key === 'Home' ? 0 : event.key === 'End' ? last : undefined;
      if (next === undefined) return;
      event.preventDefault();
      const i = Math.min(last, Math.max(0, next));
      const x = this.chart.data[0][i];
      const y = this.chart.data[1][i];
      if (x === undefined || y === undefined || y === null) return;
      this.chart.setCursor({ left: this.chart.valToPos(x, 'x'), top: this.chart.valToPos(y, 'y') });
    };
  }

  /** The readout: the point under the cursor, else the latest one. */
  private show(index: number | undefined): void {
    this.index = index;
    const point = this.points[index ?? this.points.length - 1];
    if (point === undefined) {
      this.readout.textContent = '';
      return;
    }
    const when = new Intl.DateTimeFormat(locale, this.step === 'day' || point.min !== undefined ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(point.ts));
    const rate = formatPercent(point.rate, 2, symbols);
    const text =
      point.min !== undefined && point.max !== undefined
        ? fill(this.labels.chartReadoutBand, when, rate, formatPercent(point.min, 2, symbols), formatPercent(point.max, 2, symbols))
        : fill(this.labels.chartReadout, when, rate);
    this.readout.textContent = index === undefined ? fill(this.labels.chartLatest, text) : text;
  }

  private destroy(): void {
    this.resize?.disconnect();
    this.resize = undefined;
    this.chart?.destroy();
    this.chart = undefined;
    this.shape = '';
  }
}

/** A label's {0}, {1}… filled in (the host localizes the template). */
function fill(template: string, ...args: string[]): string {
  return template.replace(/\{(\d)\}/g, (whole, i: string) => args[Number(i)] ?? whole);
}

let page: Page | undefined;
let plot: Plot;

onState((message, labels) => {
  if (message.state.kind !== 'product') return;
  if (page === undefined) {
    page = new Page(labels);
    plot = new Plot(page.readout, labels);
  }
  page.render(message.state);
});

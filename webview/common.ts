/** What both panels' webviews share: the VS Code API, the boot data, safe DOM building, persisted state. */
import type { Boot, HostMessage, PanelLabels, Row, WebviewMessage } from '../src/panels/protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export const vscode = acquireVsCodeApi();

export function boot(): Boot {
  const text = document.getElementById('boot')?.textContent ?? '{}';
  return JSON.parse(text) as Boot;
}

/** Panel state that survives hiding and reloads: the boot data plus what the user chose. */
export function saved<T extends object>(defaults: T): T {
  const state = vscode.getState();
  return { ...defaults, ...(typeof state === 'object' && state !== null ? (state as Partial<T>) : {}) };
}

export function persist(state: object): void {
  vscode.setState(state);
}

/** An element with text content only: values from OKX never go through innerHTML. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

/** Label/value rows; a value with rounded figures carries the exact ones in its tooltip. */
export function rowsTable(rows: readonly Row[], className = 'facts'): HTMLTableElement {
  return el('table', { class: className }, ...rows.filter(([, v]) => v !== '').map(([label, value, title]) => el('tr', {}, el('th', { scope: 'row' }, label), el('td', title === undefined || title === '' ? {} : { title }, value))));
}

export function button(label: string, onClick: () => void, secondary = false): HTMLElement {
  const b = document.createElement('vscode-button');
  b.textContent = label;
  if (secondary) b.setAttribute('secondary', '');
  b.addEventListener('click', onClick);
  return b;
}

/** Receives the host's state messages; reports the first paint of real content once. */
export function onState(render: (message: HostMessage, labels: PanelLabels) => void): void {
  const { labels } = boot();
  let painted = false;
  window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
    if (event.data?.type !== 'state') return;
    render(event.data, labels);
    if (!painted) {
      painted = true;
      requestAnimationFrame(() => vscode.postMessage({ type: 'painted', ms: performance.now() }));
    }
  });
  vscode.postMessage({ type: 'ready' });
}

/** A theme colour, read from VS Code's CSS variables. */
export function themeColor(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

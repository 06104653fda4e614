/**
 * A stand-in for the `vscode` module, for driving the money flows in plain Node (test/unit/flows): what a flow
 * asks the user is answered through the chat tools' answers (../../src/commands/ui), the modal confirmation by
 * `fakeWindow.confirm`, and every notification and progress is recorded. Import this module before any module
 * that imports `vscode`.
 */
import Module from 'node:module';

type Listener<T> = (value: T) => unknown;

class Disposable {
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }
  constructor(private readonly onDispose: () => unknown = () => undefined) {}
  dispose(): void {
    this.onDispose();
  }
}

class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.push(listener);
    return new Disposable(() => (this.listeners = this.listeners.filter((l) => l !== listener)));
  };
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

/** Fills `{0}` and `{name}` placeholders as vscode.l10n.t does. */
function t(message: string | { message: string; args?: unknown[] }, ...args: unknown[]): string {
  const text = typeof message === 'string' ? message : message.message;
  const first = args[0];
  if (args.length === 1 && typeof first === 'object' && first !== null && !Array.isArray(first)) {
    const named = first as Record<string, unknown>;
    return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in named ? String(named[key]) : whole));
  }
  return text.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

export interface Shown {
  readonly kind: 'info' | 'warning' | 'error';
  readonly message: string;
  readonly modal: boolean;
  readonly detail?: string;
  readonly items: readonly string[];
}

/** An input box as the user last saw it: its texts, its buttons' tooltips, and what became of what was typed. */
export interface BoxSeen {
  readonly title: string | undefined;
  readonly prompt: string | undefined;
  readonly placeholder: string | undefined;
  readonly buttons: readonly string[];
  readonly value: string;
  /** The refusal shown under it, when what was typed was refused (the box is then dismissed). */
  readonly validationMessage: string | undefined;
  readonly accepted: boolean;
}

/** Typed into an input box to press its first button (Max) and then Enter. */
export const PRESS_MAX = '\u0000max-button';

/** A quick pick as it was shown. */
export interface PickSeen {
  readonly title: string | undefined;
  readonly items: readonly { readonly label: string; readonly description?: string; readonly detail?: string }[];
}

/** What the flows showed, and how the modal confirmations are answered. */
export const fakeWindow = {
  shown: [] as Shown[],
  progress: [] as string[],
  executed: [] as string[],
  /** Context keys set with `setContext`, by name. */
  contextKeys: new Map<string, unknown>(),
  /** What is typed into the next input boxes, in order (PRESS_MAX: the Max button); none left: the box is dismissed. */
  typed: [] as string[],
  boxes: [] as BoxSeen[],
  picks: [] as PickSeen[],
  /** Answers a quick pick: the label to choose (default: dismissed). */
  choose: (_title: string | undefined, _labels: readonly string[]): string | undefined => undefined,
  /** Answers a modal: the button to click, or undefined to cancel. Default: the first button (confirm). */
  confirm: (_message: string, items: readonly string[]): string | undefined => items[0],
  /** Answers a non-modal notification's buttons (default: none clicked). */
  click: (_message: string, _items: readonly string[]): string | undefined => undefined,
  reset(): void {
    this.shown = [];
    this.progress = [];
    this.executed = [];
    this.contextKeys = new Map();
    this.confirm = (_m, items) => items[0];
    this.click = () => undefined;
    this.typed = [];
    this.boxes = [];
    this.picks = [];
    this.choose = () => undefined;
  },
};

function show(kind: Shown['kind']) {
  return (message: string, ...rest: unknown[]): Promise<string | undefined> => {
    const options = rest.find((r) => typeof r === 'object' && r !== null) as { modal?: boolean; detail?: string } | undefined;
    const items = rest.filter((r): r is string => typeof r === 'string');
    const modal = options?.modal === true;
    fakeWindow.shown.push({ kind, message, modal, ...(options?.detail === undefined ? {} : { detail: options.detail }), items });
    return Promise.resolve(modal ? fakeWindow.confirm(message, items) : fakeWindow.click(message, items));
  };
}

/** An input box driven by `fakeWindow.typed`: on show, the next text is typed and Enter pressed; a refusal dismisses it. */
function createInputBox(): Record<string, unknown> {
  const changed = new EventEmitter<string>();
  const accepted = new EventEmitter<void>();
  const hidden = new EventEmitter<void>();
  const button = new EventEmitter<{ tooltip?: string }>();
  let open = false;
  let accept = false;
  const box = {
    title: undefined as string | undefined,
    prompt: undefined as string | undefined,
    placeholder: undefined as string | undefined,
    value: '',
    validationMessage: undefined as string | undefined,
    buttons: [] as { tooltip?: string }[],
    step: undefined as number | undefined,
    totalSteps: undefined as number | undefined,
    ignoreFocusOut: false,
    onDidChangeValue: changed.event,
    onDidAccept: accepted.event,
    onDidHide: hidden.event,
    onDidTriggerButton: button.event,
    show(): void {
      open = true;
      setTimeout(() => {
        const text = fakeWindow.typed.shift();
        if (text === PRESS_MAX) {
          const [first] = box.buttons;
          if (first !== undefined) button.fire(first);
        } else if (text !== undefined) {
          box.value = text;
          changed.fire(text);
        }
        if (text !== undefined) {
          accept = true;
          accepted.fire();
        }
        if (open) {
          accept = false;
          box.hide();
        }
      }, 0);
    },
    hide(): void {
      if (!open) return;
      open = false;
      fakeWindow.boxes.push({
        title: box.title, prompt: box.prompt, placeholder: box.placeholder, buttons: box.buttons.map((b) => b.tooltip ?? ''),
        value: box.value, validationMessage: box.validationMessage, accepted: accept,
      });
      hidden.fire();
    },
    dispose(): void {
      open = false;
    },
  };
  return box;
}

function showQuickPick<T extends { label: string; description?: string; detail?: string }>(items: readonly T[] | Promise<readonly T[]>, options?: { title?: string }): Promise<T | undefined> {
  return Promise.resolve(items).then((list) => {
    fakeWindow.picks.push({ title: options?.title, items: list.map((i) => ({ label: i.label, ...(i.description === undefined ? {} : { description: i.description }), ...(i.detail === undefined ? {} : { detail: i.detail }) })) });
    const label = fakeWindow.choose(options?.title, list.map((i) => i.label));
    return list.find((i) => i.label === label);
  });
}

class Anything {
  constructor(..._args: unknown[]) {}
}

const vscodeModule: Record<string, unknown> = {
  Disposable,
  EventEmitter,
  ThemeIcon: Anything,
  ThemeColor: Anything,
  // A tree item keeps what the views give it (label and collapsible state here; the rest they assign).
  TreeItem: class {
    constructor(readonly label: unknown, readonly collapsibleState: unknown) {}
  },
  MarkdownString: class {
    value = '';
    appendMarkdown(text: string): this {
      this.value += text;
      return this;
    }
  },
  Uri: { file: (p: string) => ({ fsPath: p, path: p, scheme: 'file' }), joinPath: (b: { path: string }, ...p: string[]) => ({ fsPath: [b.path, ...p].join('/'), path: [b.path, ...p].join('/') }) },
  ProgressLocation: { Notification: 15, Window: 10, SourceControl: 1 },
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ConfigurationTarget: { Global: 1, Workspace: 2 },
  ColorThemeKind: { Light: 1, Dark: 2, HighContrast: 3, HighContrastLight: 4 },
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  l10n: { t },
  env: { language: 'en', openExternal: () => Promise.resolve(true) },
  workspace: {
    getConfiguration: () => ({ get: <T>(_key: string, fallback?: T) => fallback, update: () => Promise.resolve() }),
    onDidChangeConfiguration: () => new Disposable(),
    workspaceFolders: undefined,
  },
  commands: {
    registerCommand: () => new Disposable(),
    executeCommand: (command: string, ...args: unknown[]) => {
      fakeWindow.executed.push(command);
      if (command === 'setContext') fakeWindow.contextKeys.set(String(args[0]), args[1]);
      return Promise.resolve(undefined);
    },
  },
  window: {
    showInformationMessage: show('info'),
    showWarningMessage: show('warning'),
    showErrorMessage: show('error'),
    showQuickPick,
    createInputBox,
    showInputBox: () => Promise.resolve(undefined),
    setStatusBarMessage: () => new Disposable(),
    withProgress: async <R>(options: { title?: string; cancellable?: boolean }, task: (progress: { report(value: { message?: string }): void }, token: { isCancellationRequested: boolean; onCancellationRequested: () => Disposable }) => Promise<R>): Promise<R> => {
      fakeWindow.progress.push(options.title ?? '');
      return task({ report: (value) => void (value.message !== undefined && fakeWindow.progress.push(value.message)) }, { isCancellationRequested: false, onCancellationRequested: () => new Disposable() });
    },
    createOutputChannel: () => ({ info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined, trace: () => undefined, append: () => undefined, appendLine: () => undefined, show: () => undefined, dispose: () => undefined }),
  },
};

const resolve = (Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string })._resolveFilename;
(Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string })._resolveFilename = function (request: string, ...rest: unknown[]): string {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
(require.cache as Record<string, unknown>).vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscodeModule };

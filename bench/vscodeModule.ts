/**
 * A stand-in for the `vscode` module, for timing how long `dist/extension.js` takes to load and activate outside
 * VS Code. It implements only what loading the bundle and running `activate()` touch (no view is ever rendered,
 * no command run), quietly: every registration returns a disposable, every prompt resolves to undefined.
 */
import { readFileSync } from 'node:fs';
import Module from 'node:module';

type Listener<T> = (value: T) => unknown;

class Disposable {
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }
  constructor(private readonly onDispose: () => unknown) {}
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

class Uri {
  private constructor(readonly scheme: string, readonly path: string) {}
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static parse(value: string): Uri {
    return new Uri(value.split(':')[0] ?? 'file', value.replace(/^[a-z]+:\/\//, ''));
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, [base.path, ...parts].join('/').replace(/\/+/g, '/'));
  }
  get fsPath(): string {
    return this.path;
  }
  with(): Uri {
    return this;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

/** Whatever a registration or a factory returns: every method is a no-op that returns a disposable. */
function inert(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return new Proxy(fields, {
    get(target, key) {
      if (key in target) return target[key as string];
      if (key === 'then' || typeof key === 'symbol') return undefined;
      return () => new Disposable(() => undefined);
    },
    set(target, key, value) {
      target[key as string] = value;
      return true;
    },
  });
}

const noop = (): Disposable => new Disposable(() => undefined);

/**
 * A namespace of the API (window, workspace, …) whose events all exist: any `onDid…` or `onWill…` the stand-in
 * does not list is an event nothing fires, so that a new subscription in activate() does not break the bench.
 */
function withEvents<T extends object>(namespace: T): T {
  return new Proxy(namespace, {
    get(target, key) {
      if (typeof key === 'string' && !(key in target) && /^on(Did|Will)[A-Z]/.test(key)) return noop;
      return (target as Record<string | symbol, unknown>)[key];
    },
  });
}

export const vscodeModule = {
  Disposable,
  EventEmitter,
  Uri,
  TreeItem: class {
    constructor(readonly label: unknown, readonly collapsibleState?: number) {}
  },
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ThemeIcon: class {
    constructor(readonly id: string, readonly color?: unknown) {}
  },
  ThemeColor: class {
    constructor(readonly id: string) {}
  },
  MarkdownString: class {
    isTrusted: unknown;
    supportThemeIcons = false;
    constructor(public value = '') {}
    appendMarkdown(text: string): this {
      this.value += text;
      return this;
    }
    appendText(text: string): this {
      this.value += text;
      return this;
    }
  },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ViewColumn: { Active: -1, Beside: -2, One: 1 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  ColorThemeKind: { Light: 1, Dark: 2, HighContrast: 3, HighContrastLight: 4 },
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
  l10n: {
    t: (message: string, ...args: unknown[]): string => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])),
  },
  env: { language: 'en' },
  window: withEvents({
    state: { focused: true },
    activeColorTheme: { kind: 2 },
    createOutputChannel: () => inert(),
    createTreeView: () => inert({ visible: false }),
    createStatusBarItem: () => inert(),
    registerWebviewPanelSerializer: noop,
    onDidChangeWindowState: noop,
    setStatusBarMessage: noop,
    showErrorMessage: () => Promise.resolve(undefined),
    showWarningMessage: () => Promise.resolve(undefined),
    showInformationMessage: () => Promise.resolve(undefined),
  }),
  commands: {
    registerCommand: noop,
    executeCommand: () => Promise.resolve(undefined),
  },
  workspace: withEvents({
    getConfiguration: () => ({ get: <T>(_key: string, fallback?: T): T | undefined => fallback }),
    onDidChangeConfiguration: noop,
    fs: { createDirectory: () => Promise.resolve(), readFile: () => Promise.reject(new Error('no file')), writeFile: () => Promise.resolve() },
  }),
};

/** What activate() is given. */
export function extensionContext(storage: string): Record<string, unknown> {
  const memento = { get: <T>(_key: string, fallback?: T): T | undefined => fallback, update: () => Promise.resolve(), keys: () => [] };
  return {
    subscriptions: [] as { dispose(): unknown }[],
    extension: { id: 'okx-earn.okx-earn', extensionUri: Uri.file(storage), extensionPath: storage, packageJSON: {} },
    extensionMode: 1,
    extensionUri: Uri.file(storage),
    extensionPath: storage,
    globalStorageUri: Uri.file(`${storage}/global`),
    storageUri: undefined,
    logUri: Uri.file(`${storage}/log`),
    globalState: memento,
    workspaceState: memento,
    secrets: { get: () => Promise.resolve(undefined), store: () => Promise.resolve(), delete: () => Promise.resolve(), onDidChange: noop },
  };
}

/**
 * Every other name the real API object has (its classes, enums and namespaces, from @types/vscode), as an inert
 * placeholder: bundles copy the module's properties (esbuild's `__toESM`), so the count matters to the timing.
 */
function allNames(): Record<string, unknown> {
  const types = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const names = [...types.matchAll(/^\texport (?:class|enum|namespace|function|const|let|var) (\w+)/gm)].map((m) => m[1] ?? '');
  return Object.fromEntries(names.map((name) => [name, inert()]));
}

/** Makes `require('vscode')` return the stand-in from now on, in this process. */
export function installVscodeModule(): void {
  const loader = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
  const resolve = loader._resolveFilename.bind(Module);
  loader._resolveFilename = (request: string, ...rest: unknown[]) => (request === 'vscode' ? 'vscode' : resolve(request, ...rest));
  const cache = require.cache as Record<string, unknown>;
  cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: { ...allNames(), ...vscodeModule } };
}

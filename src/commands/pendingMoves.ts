/**
 * Money moves whose outcome is still unknown after the first checking window: kept (in VS Code's global
 * state, so they survive a window reload), shown as pending rows in their product's view, and checked in
 * the background by their key until OKX's records settle them. No `vscode` import: tested in plain Node.
 */
import type { AreaId, HistoryKind } from '../portfolio/portfolio';
import type { Finding, LookupRef } from './outcome';
import type { SendWindow } from './reconcile';

/** The connection a move was sent on (environment and profile): moves are listed and checked per connection. */
export function connectionKey(context: { readonly connection: { readonly current: { readonly environment: string; readonly profile: string | undefined } } }): string {
  const { environment, profile } = context.connection.current;
  return `${environment}|${profile ?? ''}`;
}

export interface PendingMove {
  /** Unique; also the tree row's id. */
  readonly id: string;
  /** What was sent, in the user's words at the time ("OKUSD subscription of 100 USDT"). */
  readonly what: string;
  /** The key OKX knows it by, for the row and the log ("client order id …", "quote …"); empty when none. */
  readonly key: string;
  /** Where it was sent: only checked (and shown) while that environment and profile are in use. */
  readonly connection: string;
  /** The product area whose view shows the row, and what to read again once it settles. */
  readonly area: AreaId;
  readonly refresh: readonly AreaId[];
  readonly histories: readonly HistoryKind[];
  readonly lookup: LookupRef;
  readonly sent: SendWindow;
  /** Local time of the last check, and how many checks there have been. */
  readonly checkedAt: number;
  readonly checks: number;
  /** What the last check found (its detail), for the row's tooltip. */
  readonly lastDetail: string;
}

/** Where the list is kept: VS Code's `ExtensionContext.globalState` satisfies this. */
export interface MoveMemento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

const STORAGE_KEY = 'okxEarn.pendingMoves';
/** A pending move older than this is no longer checked automatically (it stays until dismissed). */
export const PENDING_CHECK_HORIZON_MS = 7 * 24 * 3600_000;

export class PendingMoves {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly memento: MoveMemento) {}

  /** Every pending move, oldest first. */
  all(): readonly PendingMove[] {
    const stored = this.memento.get<unknown>(STORAGE_KEY);
    return Array.isArray(stored) ? stored.filter(isPendingMove) : [];
  }

  /** The pending moves of one connection (and, if given, one area). */
  of(connection: string, area?: AreaId): readonly PendingMove[] {
    return this.all().filter((m) => m.connection === connection && (area === undefined || m.area === area));
  }

  get(id: string): PendingMove | undefined {
    return this.all().find((m) => m.id === id);
  }

  async add(move: PendingMove): Promise<void> {
    await this.write([...this.all().filter((m) => m.id !== move.id), move]);
  }

  /** Records a check that did not settle it. */
  async checked(id: string, finding: Finding, at: number): Promise<void> {
    await this.write(this.all().map((m) => (m.id === id ? { ...m, checkedAt: at, checks: m.checks + 1, lastDetail: finding.detail } : m)));
  }

  async remove(id: string): Promise<PendingMove | undefined> {
    const all = this.all();
    const found = all.find((m) => m.id === id);
    if (found !== undefined) await this.write(all.filter((m) => m.id !== id));
    return found;
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private async write(moves: readonly PendingMove[]): Promise<void> {
    await this.memento.update(STORAGE_KEY, moves);
    for (const listener of [...this.listeners]) listener();
  }
}

/** When a pending move is next due for a background check, by how many checks it has had. */
export function nextCheckAt(move: PendingMove, schedule: readonly number[]): number | undefined {
  if (Date.now() - move.sent.sentAt > PENDING_CHECK_HORIZON_MS) return undefined;
  const gap = schedule[Math.min(move.checks, schedule.length - 1)] ?? 60_000;
  return move.checkedAt + gap;
}

function isPendingMove(value: unknown): value is PendingMove {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<PendingMove>;
  return (
    typeof m.id === 'string' &&
    typeof m.what === 'string' &&
    typeof m.connection === 'string' &&
    typeof m.area === 'string' &&
    typeof m.lookup === 'object' &&
    m.lookup !== null &&
    typeof m.lookup.kind === 'string' &&
    typeof m.sent === 'object' &&
    m.sent !== null &&
    typeof m.sent.sentAt === 'number'
  );
}

/**
 * The simulator's clock: real time plus an offset that tests move forward (or skew to provoke 50102). A frozen
 * clock stands still unless advanced, so that a test can compare the portfolio before and after a request.
 */
export class SimClock {
  #offsetMs: number;
  readonly #frozenAt: number | undefined;

  constructor(offsetMs = 0, frozen = false) {
    this.#offsetMs = offsetMs;
    this.#frozenAt = frozen ? Date.now() : undefined;
  }

  now(): number {
    return (this.#frozenAt ?? Date.now()) + this.#offsetMs;
  }

  /** Moves simulated time forward; the portfolio catches up on the next request. */
  advance(ms: number): void {
    if (!(ms >= 0)) {
      throw new Error('The clock only moves forward');
    }
    this.#offsetMs += ms;
  }

  /** Stands still unless advanced. */
  get frozen(): boolean {
    return this.#frozenAt !== undefined;
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const YEAR_MS = 365 * DAY;

/** The UTC day a time falls on, as a day number: what a daily quota or a daily reward is counted by. */
export const dayOf = (ts: number): number => Math.floor(ts / DAY);

/** A time as OKX writes it in an answer: milliseconds as text, or '' when there is none. */
export const msText = (time: number | undefined): string => (time === undefined ? '' : String(time));

/** "28D" or "24H" as milliseconds. */
export function periodMs(period: string): number {
  const match = /^(\d+)([DH])$/.exec(period);
  if (match === null) {
    throw new Error(`Bad period ${period}`);
  }
  return Number(match[1]) * (match[2] === 'D' ? DAY : HOUR);
}

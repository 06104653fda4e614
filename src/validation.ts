/**
 * What a user types before any money moves: checked here, before anything is sent. A refusal names the
 * problem in words (an English template with named arguments, for vscode.l10n.t). No `vscode` import.
 */
import * as D from './decimal';
import { decimalsFor } from './ccyDecimals';
import { formatAmount } from './portfolio/format';

export interface Problem {
  readonly template: string;
  readonly args: Readonly<Record<string, string>>;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

const refuse = (template: string, args: Record<string, string> = {}): Checked<never> => ({ ok: false, problem: { template, args } });

export { decimalsFor } from './ccyDecimals';

export interface AmountRules {
  readonly ccy: string;
  /** Lowest accepted amount (inclusive). */
  readonly min?: string;
  /** Highest accepted amount (inclusive); '' or '0' means none. */
  readonly max?: string;
  /** What the user has available for this action. */
  readonly available?: string;
  /** Where or for what it is available, read after "available": "in your funding account", "to borrow on this order now". */
  readonly availableWhere?: string;
  /** What a loan order owes: a repayment above it is refused with its own message. */
  readonly owed?: string;
  /** Decimal places accepted, where OKX takes more than `decimalsFor(ccy)` (OKUSD amounts). */
  readonly decimals?: number;
  /**
   * The whole of a balance or a debt as OKX states it (what is in savings, what a loan order owes): accepted
   * exactly, whatever its decimal places, so that "all of it" leaves nothing behind; what Max fills in when it binds.
   */
  readonly whole?: string;
  /** The amount must be a whole multiple of this (a product's step size, e.g. "0.001"); ignored unless positive. */
  readonly step?: string;
}

/** Whether `amount` is a whole multiple of a positive `step` (both plain decimals); true when there is no step. */
export function onStep(amount: string, step: string | undefined): boolean {
  if (step === undefined || !D.isPlainDecimal(step) || !D.isPositive(step)) return true;
  const places = Math.max(decimalPlaces(amount), decimalPlaces(step));
  return D.isZero(D.sub(amount, D.mul(D.roundDown(D.div(amount, step, places + 2), 0), step)));
}

/** The most `value` rounded down to a whole multiple of `step` (unchanged without a positive step). */
export function downToStep(value: string, step: string | undefined): string {
  if (step === undefined || !D.isPlainDecimal(step) || !D.isPositive(step)) return value;
  return D.trim(D.mul(D.roundDown(D.div(value, step, decimalPlaces(value) + 2), 0), step));
}

/**
 * A positive plain decimal within the rules, returned exactly as typed (trimmed of spaces). The amounts a
 * refusal names (a minimum, what is available…) are written by `show` (grouped: "25,000"), the user's own text as typed.
 */
export function checkAmount(input: string, rules: AmountRules, show: (amount: string) => string = formatAmount): Checked<string> {
  const text = input.trim();
  const { ccy } = rules;
  if (text === '') return refuse('Enter an amount of {ccy}.', { ccy });
  if (/[eE]/.test(text)) return refuse('Write the amount out in full digits, without an exponent (like 0.0001, not 1e-4).');
  if (/[,_\s']/.test(text)) return refuse('Write the amount without thousands separators or spaces, with a dot for decimals: 1234.5');
  if (text.startsWith('-')) return refuse('The amount must be more than zero.');
  if (text.startsWith('+') || text.startsWith('.') || text.endsWith('.')) return refuse('"{text}" is not an amount. Write it like 12.5', { text });
  if (!D.isPlainDecimal(text)) return refuse('"{text}" is not an amount. Write it like 12.5', { text });
  if (/^0\d/.test(text)) return refuse('"{text}" is not an amount. Write it like 12.5', { text });
  if (D.isZero(text)) return refuse('The amount must be more than zero.');
  const places = decimalPlaces(text);
  const allowed = rules.decimals ?? decimalsFor(ccy);
  const whole = rules.whole !== undefined && D.isPlainDecimal(rules.whole) && D.cmp(text, rules.whole) === 0;
  if (places > allowed && !whole) return refuse('{ccy} amounts have at most {places} decimal places.', { ccy, places: String(allowed) });
  if (rules.min !== undefined && D.isPlainDecimal(rules.min) && D.lt(text, rules.min)) {
    return refuse('The minimum is {min} {ccy}.', { min: show(rules.min), ccy });
  }
  if (rules.max !== undefined && D.isPlainDecimal(rules.max) && D.isPositive(rules.max) && D.gt(text, rules.max)) {
    return refuse('The maximum is {max} {ccy}.', { max: show(rules.max), ccy });
  }
  if (!onStep(text, rules.step)) return refuse('The amount must be a multiple of {step} {ccy}.', { step: show(rules.step ?? ''), ccy });
  if (rules.owed !== undefined && D.isPlainDecimal(rules.owed) && D.gt(text, rules.owed)) {
    return refuse('That is more than the {owed} {ccy} this loan order owes.', { owed: show(rules.owed), ccy });
  }
  if (rules.available !== undefined && D.isPlainDecimal(rules.available) && D.gt(text, rules.available)) {
    return refuse('That is more than the {available} {ccy} available{where}.', {
      available: show(rules.available),
      ccy,
      where: rules.availableWhere === undefined ? '' : ` ${rules.availableWhere}`,
    });
  }
  return { ok: true, value: text };
}

function decimalPlaces(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * An annual lending rate typed in percent ("5", "12.5") as OKX wants it: a fraction, from 1% to 365%,
 * converted exactly ("12.5" → "0.125").
 */
export function checkRatePercent(input: string): Checked<string> {
  const text = input.trim().replace(/%$/, '').trim();
  if (text === '') return refuse('Enter a rate in percent, from 1 to 365.');
  if (!D.isPlainDecimal(text) || /^0\d/.test(text)) return refuse('"{text}" is not a rate. Write it in percent, like 5 or 12.5', { text });
  if (decimalPlaces(text) > 2) return refuse('Use at most two decimal places for the rate.');
  if (D.lt(text, '1') || D.gt(text, '365')) return refuse('The rate must be from 1% to 365%.');
  return { ok: true, value: D.div(text, '100', 4) };
}

/** An OKX order tag: up to 16 letters and digits. Ours are unique per request, to find an order again. */
export function orderTag(random: () => number = Math.random): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let tag = 'vsc';
  while (tag.length < 16) tag += alphabet[Math.floor(random() * alphabet.length)] ?? '0';
  return tag;
}

/**
 * A client order id for OKX's borrow and repay: letters, digits, `-` and `_`, at most 32. One per user action,
 * generated once: OKX keeps it 60 s and answers a duplicate with 51016 (done) or 51784 (still in flight).
 */
export function clientOrderId(random: () => number = Math.random, now: number = Date.now()): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = `vsc${now.toString(36)}`;
  while (id.length < 32) id += alphabet[Math.floor(random() * alphabet.length)] ?? '0';
  return id;
}

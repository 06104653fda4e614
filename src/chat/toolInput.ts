/**
 * The chat tools' inputs, checked like the webviews' messages before anything else happens: an object with only
 * the fields the tool declares, each of its declared type, within a sane size; anything else is refused with a
 * message the model can act on. Amounts are text ("12.5", or "max"), never numbers: they are sent exactly as
 * given. No `vscode` import.
 */

export type FieldType = 'string' | 'boolean';

export interface FieldSpec {
  readonly type: FieldType;
  readonly required?: boolean;
  /** For strings: the only values accepted. */
  readonly enum?: readonly string[];
  /** For strings: what they must look like. */
  readonly pattern?: RegExp;
  /** For strings: at most this long (default 64). */
  readonly maxLength?: number;
}

export type InputSpec = Readonly<Record<string, FieldSpec>>;

export type ToolInput = Readonly<Record<string, string | boolean>>;

/** A refusal: the template and its arguments (English, for vscode.l10n.t or fillTemplate). */
export interface InputProblem {
  readonly template: string;
  readonly args: readonly string[];
}

const problem = (template: string, ...args: string[]): { ok: false; problem: InputProblem } => ({ ok: false, problem: { template, args } });

/** At most this many fields in any tool's input: more is not a tool's input. */
const MAX_FIELDS = 12;

export const PATTERNS = {
  /** A currency code as OKX writes them. */
  ccy: /^[A-Z0-9]{1,12}$/,
  /** An id OKX gives (order ids, product ids). */
  id: /^[A-Za-z0-9_-]{1,40}$/,
  /** An amount as text: digits and one dot, or "max" (checked in full by the flow, as a typed amount is). */
  amount: /^(\d+(\.\d+)?|max)$/i,
  /** A rate in percent, as text. */
  percent: /^\d+(\.\d+)?%?$/,
  /** A signed percentage change, as text. */
  change: /^[+-]?\d+(\.\d+)?%?$/,
  days: /^(7|30|90|365)$/,
  count: /^([1-9]|[1-4]\d|50)$/,
} as const;

/** An amount, required (for the action tools that move one). */
export const amountField = { type: 'string', required: true, pattern: PATTERNS.amount } as const;

/** A text field of a checked input, when given. */
export const str = (input: ToolInput, name: string): string | undefined => (typeof input[name] === 'string' ? input[name] : undefined);
/** A text field the tool declares required ('' should it be missing all the same). */
export const need = (input: ToolInput, name: string): string => str(input, name) ?? '';

/** Checks `raw` against `spec`: only declared fields, each of its type, required ones present. */
export function checkToolInput(raw: unknown, spec: InputSpec): { ok: true; input: ToolInput } | { ok: false; problem: InputProblem } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return problem('The input must be an object of named fields.');
  const fields = Object.keys(raw);
  if (fields.length > MAX_FIELDS) return problem('Too many fields ({0}).', String(fields.length));
  const unknown = fields.filter((f) => !(f in spec));
  if (unknown.length > 0) return problem('Unknown field(s): {0}. This tool takes: {1}.', unknown.join(', '), Object.keys(spec).join(', ') || '—');
  const input: Record<string, string | boolean> = {};
  for (const [name, field] of Object.entries(spec)) {
    const value = (raw as Record<string, unknown>)[name];
    if (value === undefined || value === null) {
      if (field.required === true) return problem('"{0}" is required.', name);
      continue;
    }
    if (field.type === 'boolean') {
      if (typeof value !== 'boolean') return problem('"{0}" must be true or false.', name);
      input[name] = value;
      continue;
    }
    if (typeof value !== 'string') {
      return typeof value === 'number'
        ? problem('"{0}" must be text, not a number (write amounts exactly, like "12.5").', name)
        : problem('"{0}" must be text.', name);
    }
    const text = value.trim();
    if (text.length > (field.maxLength ?? 64)) return problem('"{0}" is too long.', name);
    if (text === '' && field.required === true) return problem('"{0}" is required.', name);
    if (text === '') continue;
    if (field.enum !== undefined && !field.enum.includes(text)) return problem('"{0}" must be one of {1}.', name, field.enum.join(', '));
    if (field.pattern !== undefined && !field.pattern.test(text)) return problem('"{0}" is not valid: "{1}".', name, text);
    input[name] = text;
  }
  return { ok: true, input };
}

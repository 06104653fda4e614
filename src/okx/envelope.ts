/**
 * Reading OKX's answer, `{"code":"…","msg":"…","data":…}`, defensively: OKX sends codes and messages as
 * strings, but nothing here trusts that. A code may come as a number, a message as a number or not at all,
 * `data` as anything; none of it may throw.
 */

export interface Envelope {
  /** OKX's code, as text ("0" on success). */
  readonly code: string;
  readonly msg: string;
  readonly data: unknown;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A code as text: a non-empty string, or an integer sent as a JSON number; anything else is no code. */
function codeText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

/** A message as text: a string, or a number or boolean as written; anything else is no message. */
function messageText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** The envelope, or undefined when the text is not an OKX answer at all (HTML, empty, cut off, no code). */
export function parseEnvelope(text: string): Envelope | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isPlainObject(parsed)) return undefined;
  const code = codeText(parsed.code);
  return code === undefined ? undefined : { code, msg: messageText(parsed.msg), data: parsed.data };
}

/**
 * The first item of `data` that reports its own failure (`sCode` other than "0"), with its code and message:
 * those take precedence over the top-level pair.
 */
export function failedItem(data: unknown): { readonly code: string; readonly msg: string } | undefined {
  if (!Array.isArray(data)) return undefined;
  for (const item of data as unknown[]) {
    if (!isPlainObject(item)) continue;
    const code = codeText(item.sCode);
    if (code !== undefined && code !== '0') return { code, msg: messageText(item.sMsg) };
  }
  return undefined;
}

/**
 * What is wrong with the `data` of a success, or undefined when it has the shape the endpoint documents: an
 * array of objects or, for SOL's product info, one object.
 */
export function dataProblem(data: unknown, shape: 'array' | 'object'): string | undefined {
  if (shape === 'object') return isPlainObject(data) ? undefined : 'data should be an object';
  if (!Array.isArray(data)) return 'data should be an array';
  if (!(data as unknown[]).every(isPlainObject)) return 'data should be an array of objects';
  return undefined;
}

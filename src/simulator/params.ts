/** Reading request parameters as OKX does: strings only, refused with 51000 ("Parameter {name} error"). */
import * as D from '../decimal';
import { badParam, SimError } from './simError';

/** Request parameters as they arrive: a GET's query (all strings) or a POST's JSON body. */
export type RawParams = Record<string, unknown>;

export function text(params: RawParams, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') return badParam(name);
  return value;
}

export function required(params: RawParams, name: string): string {
  return text(params, name) ?? badParam(name);
}

/** A positive plain decimal, as OKX wants amounts. */
export function amount(params: RawParams, name: string): string {
  const value = required(params, name);
  if (!D.isPlainDecimal(value) || !D.isPositive(value)) badParam(name);
  return value;
}

/** An annual rate as a fraction, between 1% and 365%. */
export function annualRate(params: RawParams, name: string): string {
  const value = required(params, name);
  if (!D.isPlainDecimal(value) || D.lt(value, '0.01') || D.gt(value, '3.65')) badParam(name);
  return value;
}

export function oneOf<V extends string>(params: RawParams, name: string, allowed: readonly V[]): V | undefined {
  const value = text(params, name);
  if (value !== undefined && !allowed.includes(value as V)) badParam(name);
  return value as V | undefined;
}

/** A JSON object parameter (a POST body's nested object). */
export function object(params: RawParams, name: string): RawParams {
  const value = params[name];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return badParam(name);
  return value as RawParams;
}

/** A JSON array of objects, with at least `min` and at most `max` entries. */
export function objects(params: RawParams, name: string, min: number, max: number): RawParams[] {
  const value = params[name];
  if (!Array.isArray(value) || value.length < min || value.length > max) return badParam(name);
  return value.map((item: unknown) => (typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as RawParams) : badParam(name)));
}

export function pageQuery(params: RawParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of ['after', 'before', 'limit']) {
    const value = text(params, name);
    if (value !== undefined) query[name] = value;
  }
  return query;
}

/** A POST's JSON body as parameters; anything but a JSON object is OKX's 50002. */
export function parseJsonBody(body: string): RawParams {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body === '' ? '{}' : body);
  } catch {
    throw new SimError('50002', 'JSON syntax error', 400);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SimError('50002', 'JSON syntax error', 400);
  return parsed as RawParams;
}

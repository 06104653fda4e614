/**
 * What one request to OKX came to: the answer read (HTTP status, envelope, per-item codes, the documented
 * shape) or the transport's failure, as data or an OkxError, and whether it may be sent again. A money move
 * whose answer proves neither success nor refusal is an unknown outcome, never a failure.
 */
import type { EndpointId, EndpointSpec } from './endpoints';
import { dataProblem, failedItem, parseEnvelope } from './envelope';
import { LOCAL_MESSAGES, OkxError, categoryForHttpStatus, errorForCode, isDocumentedRefusal } from './errors';
import { redactor } from './redact';

/** OKX's own messages are shown as detail only; a longer one is cut. */
const MAX_OKX_MESSAGE = 500;

/** Transport errors that prove the request never left this machine. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_INVALID_URL']);
const NOT_SENT_PREFIXES = ['CERT_', 'ERR_TLS_', 'UNABLE_TO_', 'DEPTH_ZERO_', 'SELF_SIGNED_', 'ERR_SSL_'];

function wasNeverSent(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (NOT_SENT_CODES.has(code) || NOT_SENT_PREFIXES.some((prefix) => code.startsWith(prefix)));
}

/** An HTTP answer as it came: status, body text, and how long Retry-After asks to wait. */
export interface WireResponse {
  readonly status: number;
  readonly text: string;
  readonly retryAfterMs: number | undefined;
}

/** What one attempt came to: data, or an error and whether to send again ('clock': after re-reading OKX's time). */
export type Attempt =
  | { kind: 'ok'; data: unknown; status: number }
  | { kind: 'fail'; error: OkxError; status: number | undefined; retry: 'no' | 'yes' | 'clock'; retryAfterMs?: number };

/** No answer came back: a read may be tried again; a money move that may have left is an unknown outcome. */
export function transportFailure(id: EndpointId, spec: EndpointSpec, error: unknown, redact: (text: unknown) => string, timeoutMs: number): Attempt {
  const timedOut = (error as { name?: unknown } | null)?.name === 'AbortError';
  if (spec.moneyMoving && !wasNeverSent(error)) {
    return {
      kind: 'fail',
      status: undefined,
      retry: 'no',
      error: new OkxError({ category: 'unknown-outcome', template: LOCAL_MESSAGES.unknownOutcome, endpoint: id }),
    };
  }
  const detail = error instanceof Error ? redact(error.message) : 'unknown error';
  return {
    kind: 'fail',
    status: undefined,
    retry: 'yes',
    error: timedOut
      ? new OkxError({ category: 'network', template: LOCAL_MESSAGES.timeout, args: { seconds: String(timeoutMs / 1000) }, endpoint: id })
      : new OkxError({ category: 'network', template: LOCAL_MESSAGES.network, args: { detail }, endpoint: id }),
  };
}

/** An answer that came back, read: never throws for any status or body (the caller has a net all the same). */
export function interpretAnswer(id: EndpointId, spec: EndpointSpec, wire: WireResponse, ccy: string | undefined, redact: (text: unknown) => string, now: () => number): Attempt {
  const { status } = wire;
  const money = spec.moneyMoving;
  const retryAt = wire.retryAfterMs === undefined ? {} : { retryAt: now() + wire.retryAfterMs };

  if (status >= 300 && status < 400) {
    // Never followed: it would carry the body, key, passphrase and signature to wherever Location points.
    if (money) {
      return {
        kind: 'fail',
        status,
        retry: 'no',
        error: new OkxError({ category: 'unknown-outcome', template: LOCAL_MESSAGES.redirectOutcome, args: { status: String(status) }, httpStatus: status, endpoint: id }),
      };
    }
    return {
      kind: 'fail',
      status,
      retry: 'no',
      error: new OkxError({ category: 'unavailable', template: LOCAL_MESSAGES.redirect, args: { status: String(status) }, httpStatus: status, endpoint: id }),
    };
  }

  const serverTrouble = status >= 500 || status === 429;
  const envelope = parseEnvelope(wire.text);
  if (envelope === undefined) {
    // Not an OKX answer (an HTML error page, an empty or cut-off body). For a money-moving request only a
    // 4xx from something in front of OKX proves it was refused.
    if (money && (status < 400 || status >= 500)) {
      return unclear(id, status);
    }
    const category = status === 200 ? 'unavailable' : categoryForHttpStatus(status);
    return {
      kind: 'fail',
      status,
      retry: serverTrouble || status === 200 ? 'yes' : 'no',
      retryAfterMs: wire.retryAfterMs,
      error: new OkxError({
        category,
        template: status === 200 || status >= 500 ? LOCAL_MESSAGES.notJson : LOCAL_MESSAGES.httpStatus,
        args: { status: String(status) },
        httpStatus: status,
        endpoint: id,
        ...retryAt,
      }),
    };
  }

  // Per-item sCode/sMsg take precedence over the top-level pair.
  const failed = failedItem(envelope.data);
  const code = failed?.code ?? envelope.code;
  const okxMessage = clip(redact(failed?.msg ?? envelope.msg));

  if (code === '0') {
    // A money move's answer is read by the caller (the order id): it must have the documented shape.
    const problem = dataProblem(envelope.data, spec.data);
    if (money && (problem !== undefined || status >= 400)) {
      return unclear(id, status);
    }
    if (problem !== undefined) {
      return {
        kind: 'fail',
        status,
        retry: 'no',
        error: new OkxError({ category: 'unavailable', template: LOCAL_MESSAGES.badShape, args: { detail: problem }, httpStatus: status, endpoint: id }),
      };
    }
    return { kind: 'ok', data: envelope.data, status };
  }

  const base = code.split('_')[0] ?? code;
  if (money && base === '50004') {
    return {
      kind: 'fail',
      status,
      retry: 'no',
      error: new OkxError({ category: 'unknown-outcome', template: LOCAL_MESSAGES.unknownOutcome, code, httpStatus: status, okxMessage, endpoint: id }),
    };
  }
  if (money && status >= 500 && !isDocumentedRefusal(code)) {
    // A server error with a code OKX does not document as a refusal: it may have been carried out.
    return unclear(id, status, code, okxMessage);
  }
  const error = errorForCode({ code, httpStatus: status, okxMessage, endpoint: id, args: ccy === undefined ? {} : { ccy }, ...retryAt });
  let retry: 'no' | 'yes' | 'clock' = 'no';
  if (base === '50102') {
    retry = 'clock';
  } else if (base === '50011' || base === '50013' || base === '50004' || status >= 500) {
    retry = 'yes';
  }
  return {
    kind: 'fail',
    status,
    retry,
    retryAfterMs: base === '50011' ? (wire.retryAfterMs ?? spec.rateLimit.windowMs) : wire.retryAfterMs,
    error,
  };
}

/** A money move whose answer proves neither success nor refusal. */
export function unclear(id: EndpointId, status: number, code?: string, okxMessage?: string): Attempt {
  return {
    kind: 'fail',
    status,
    retry: 'no',
    error: new OkxError({
      category: 'unknown-outcome',
      template: LOCAL_MESSAGES.unclearOutcome,
      args: { status: String(status) },
      httpStatus: status,
      endpoint: id,
      ...(code === undefined ? {} : { code }),
      ...(okxMessage === undefined ? {} : { okxMessage }),
    }),
  };
}

function describe(error: unknown, redact: (text: unknown) => string): string {
  return redact(error instanceof Error ? `${error.name}: ${error.message}` : error);
}

/** Something went wrong before the request left: nothing was sent. */
export function notPrepared(id: EndpointId, error: unknown, redact: (text: unknown) => string = redactor([])): OkxError {
  return new OkxError({ category: 'other', template: LOCAL_MESSAGES.notPrepared, args: { detail: describe(error, redact) }, endpoint: id });
}

/** Something went wrong reading an answer to a read. */
export function unexpected(id: EndpointId, error: unknown, redact: (text: unknown) => string = redactor([])): OkxError {
  return new OkxError({ category: 'unavailable', template: LOCAL_MESSAGES.unexpected, args: { detail: describe(error, redact) }, endpoint: id });
}

function clip(text: string): string {
  return text.length > MAX_OKX_MESSAGE ? `${text.slice(0, MAX_OKX_MESSAGE)}…` : text;
}

/**
 * Retry-After in milliseconds: delay-seconds or an HTTP date; undefined when absent, unreadable, or not in
 * the future.
 */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

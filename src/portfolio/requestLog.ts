/** One line of the Output channel per request: method, path, OKX code, duration. Never a header or a body. */
import type { RequestEvent } from '../okx/client';

export function requestLogLine(event: RequestEvent): string {
  const outcome = event.code ?? (event.httpStatus === undefined ? 'no answer' : `HTTP ${event.httpStatus}`);
  const attempt = event.attempt > 1 ? ` (attempt ${event.attempt})` : '';
  const error = event.error === undefined ? '' : `: ${event.error.message}`;
  return `${event.method} ${event.path} → ${outcome} in ${event.durationMs.toFixed(0)} ms${attempt}${error}`;
}

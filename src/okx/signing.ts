/** OKX v5 request signing: base64(HMAC-SHA256(secret, timestamp + METHOD + requestPath + body)). */
import { createHmac } from 'node:crypto';

export function sign(secretKey: string, timestamp: string, method: string, requestPath: string, body: string): string {
  return createHmac('sha256', secretKey).update(`${timestamp}${method.toUpperCase()}${requestPath}${body}`).digest('base64');
}

/** ISO-8601 UTC with milliseconds, as OK-ACCESS-TIMESTAMP wants it: `2020-12-08T09:08:57.715Z`. */
export function isoTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

type QueryValue = string | number | boolean | undefined | null;

/**
 * The query string of a GET, built once: `?a=1&b=x%20y`, or '' when there is nothing to send. The same text
 * is signed and put on the wire, so values that need encoding are signed encoded. Absent and empty values
 * are left out; keys keep the caller's order.
 */
export function buildQuery(params: object): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params) as [string, QueryValue][]) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

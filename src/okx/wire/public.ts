/** OKX v5 wire types: public. Field for field as the API reference names them; amounts stay decimal strings. */
import type { Millis } from './common';

export interface ServerTime {
  ts: Millis;
}

/** An endpoint with no request parameters. */
export type NoParams = Record<string, never>;

/** What every OKX v5 answer shares: decimal strings, millisecond times, open enums, the envelope, paging. */
/** A decimal number as OKX sends it, e.g. "0.0323". Never parse it into a float to compare or send it. */
export type Decimal = string;
/** Unix time in milliseconds, as a string, e.g. "1597026383085". */
export type Millis = string;

/**
 * A response field with documented values that may still bring new ones: editors suggest the known values,
 * and code must handle the others.
 */
export type OpenEnum<Known extends string> = Known | (string & Record<never, never>);

/** The envelope of every OKX v5 response. */
export interface OkxEnvelope<T> {
  code: string;
  msg: string;
  data: T;
}

/** after/before/limit paging, common to the history endpoints. */
export interface PageParams {
  /** Records earlier than this cursor. */
  after?: string;
  /** Records newer than this cursor. */
  before?: string;
  /** At most 100; OKX's default is 100. */
  limit?: string;
}

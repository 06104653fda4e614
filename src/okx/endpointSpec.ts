/** What the endpoint tables say of each endpoint: what is sent (./endpoints), and what OKX's reference calls it (./endpointDocs). */
export type Product = 'onchain' | 'eth' | 'sol' | 'savings' | 'loan' | 'stable' | 'okusd' | 'dual' | 'account' | 'public';

export interface RateLimit {
  /** Requests allowed per window. */
  readonly count: number;
  readonly windowMs: number;
  /** Counted per user ID (private endpoints) or per IP (public ones). */
  readonly scope: 'user' | 'ip';
}

/** What the client needs to send an endpoint's request and read its answer. */
export interface EndpointSpec {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** Public endpoints are sent unsigned. */
  readonly auth: 'private' | 'public';
  readonly rateLimit: RateLimit;
  /**
   * Moves or commits the user's money. Such a request is never sent twice by the client: a lost response
   * is an unknown outcome for the caller to reconcile.
   */
  readonly moneyMoving: boolean;
  /** Shape of `data` in the response; SOL product-info is the one object. */
  readonly data: 'array' | 'object';
  /** For history endpoints: the record field whose value the next page is asked from. */
  readonly cursor?: string;
  /**
   * How the next (older) page is asked for: `after` (OKX's usual, strictly older than the cursor, the default),
   * `end` (an inclusive time bound: the cursor minus 1 ms) or `endId` (strictly earlier than an order id).
   */
  readonly pageBy?: 'after' | 'end' | 'endId';
  /** OKX's page size when `limit` is not sent, where it is not 100. */
  readonly defaultLimit?: number;
}

/** What OKX's reference says of an endpoint (./endpointDocs), beside what the client sends. */
export interface EndpointDoc {
  readonly product: Product;
  /** The endpoint's title in OKX's reference. */
  readonly title: string;
  /** The API-key permission a private endpoint needs. */
  readonly permission: 'Read' | 'Trade' | null;
  /** The client method that calls it, for the docs. */
  readonly clientMethod: string;
}

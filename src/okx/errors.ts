/**
 * One error type for everything that can go wrong talking to OKX, with the code tables that turn OKX's codes
 * into a category (what the caller should do) and a human message (what to tell the user).
 *
 * Messages are English templates with named placeholders (`{ccy}`), so the extension can hand the template
 * and its arguments to `vscode.l10n.t(template, args)`; `message` is the same text filled in, for plain Node.
 * No error ever carries a secret key, passphrase, signature or API key: the client redacts what the server
 * echoes, and `toJSON` lists only safe fields.
 */
import type { EndpointId } from './endpoints';

export type ErrorCategory =
  /** The key, secret, passphrase or signature was refused. */
  | 'auth'
  /** The key belongs to another region's host, or to demo trading rather than production (or the reverse). */
  | 'wrong-region'
  /** The key may not do this: Read-only key, IP allow-list, KYC or account restrictions. */
  | 'permission'
  /** Too many requests. */
  | 'rate-limit'
  /** The request's timestamp was too far from OKX's clock. */
  | 'clock'
  /** A parameter was refused: fix the input. */
  | 'invalid-input'
  /** Not enough balance. */
  | 'insufficient-funds'
  /** The product or order is not in a state that allows this now. */
  | 'product-state'
  /** OKX is busy, down, or answered with something that is not an OKX response. */
  | 'unavailable'
  /** The request could not be sent or no answer came back (for reads). */
  | 'network'
  /** A money-moving request may or may not have been carried out: look it up before doing anything else. */
  | 'unknown-outcome'
  /**
   * OKX already carried out a request with this client order id (51016): the action happened once, through an
   * earlier copy of the request. Report it as done; never send it again.
   */
  | 'already-done'
  /** A request with this client order id is still being processed by OKX (51784): wait, then look it up. */
  | 'in-flight'
  /** An OKX code this extension has no entry for. */
  | 'other';

interface CodeEntry {
  readonly category: ErrorCategory;
  readonly template: string;
  /** The same message without `{ccy}`, for when the request named no currency. */
  readonly withoutCcy?: string;
}

const entry = (category: ErrorCategory, template: string, withoutCcy?: string): CodeEntry =>
  withoutCcy === undefined ? { category, template } : { category, template, withoutCcy };

/** Every code in the API facts note and OKX's 2026 finance code table, with what it means for the user. */
export const OKX_CODES: Readonly<Record<string, CodeEntry>> = {
  '50002': entry('invalid-input', 'OKX could not read the request body (50002).'),
  '50004': entry('unavailable', 'OKX did not finish the request in time (50004).'),
  '50011': entry('rate-limit', 'Too many requests to OKX. Wait a moment and try again.'),
  '50013': entry('unavailable', 'OKX is busy. Try again in a moment.'),
  '50038': entry('unavailable', 'This feature is not available in demo trading.'),
  '50101': entry('wrong-region', 'This API key does not match the environment: a production key was used for demo trading, or a demo-trading key for production.'),
  '50102': entry('clock', "The request's timestamp was too far from OKX's clock. Check this computer's date and time."),
  '50103': entry('auth', 'The request was missing its API key header.'),
  '50104': entry('auth', 'The request was missing its passphrase header.'),
  '50105': entry('auth', 'The passphrase is wrong for this API key.'),
  '50106': entry('auth', 'The request was missing its signature header.'),
  '50107': entry('auth', 'The request was missing its timestamp header.'),
  '50110': entry('permission', "This computer's IP address is not on the API key's allow-list."),
  '50111': entry('auth', 'The API key is not valid.'),
  '50112': entry('auth', "The request's timestamp header is not valid."),
  '50113': entry('auth', 'The signature was refused: the secret key is wrong for this API key.'),
  '50119': entry('wrong-region', "OKX does not know this API key on this host. Keys only work on their own region's host: pick the environment (global, US or EEA) the key was created on."),
  '50120': entry('permission', 'This API key lacks the permission for this action (a Read-only key cannot trade).'),
  '51000': entry('invalid-input', 'OKX refused a parameter of the request.'),
  '51008': entry('insufficient-funds', 'Insufficient balance.'),
  '58002': entry('product-state', 'Savings is not activated for this account. Activate Simple Earn on OKX first.'),

  '51720': entry('product-state', 'The redemption failed.'),
  '51721': entry('product-state', 'Cancelling the redemption failed.'),
  '51722': entry('product-state', 'The redemption has already completed.'),
  '51723': entry('product-state', 'This product does not support early redemption.'),
  '51724': entry('product-state', 'Redemption is not possible right now.'),
  '51725': entry('product-state', 'Cancellation is not possible right now.'),
  '51726': entry('product-state', 'Cancelling this subscription or redemption is not supported.'),
  '51727': entry('invalid-input', 'The amount is below the minimum subscription amount.'),
  '51728': entry('invalid-input', 'The amount is above the maximum subscription amount.'),
  '51729': entry('product-state', 'The order has not reached its redemption date yet.'),
  '51730': entry('product-state', 'This product is sold out.'),
  '51731': entry('product-state', 'Purchases of this product are suspended.'),
  '51732': entry('permission', 'Your KYC level is too low for this product.'),
  '51733': entry('permission', 'OKX risk control refused this request.'),
  '51734': entry('permission', 'This product is not available in your KYC country.'),
  '51735': entry('permission', 'This product is not available to sub-accounts.'),
  '51736': entry('insufficient-funds', 'Insufficient {ccy} balance.', 'Insufficient balance.'),
  '51737': entry('permission', 'Identity verification is required first.'),
  '51738': entry('permission', 'Your funding account is frozen.'),
  '51739': entry('unavailable', 'This is temporarily unavailable.'),
  '51750': entry('invalid-input', 'The collateral cannot include the loan currency.'),
  '51751': entry('invalid-input', '{ccy} cannot be borrowed.', 'This currency cannot be borrowed.'),
  '51752': entry('invalid-input', '{ccy} is not accepted as collateral.', 'This currency is not accepted as collateral.'),
  '51753': entry('invalid-input', 'The collateral does not hold {ccy}.', 'The collateral does not hold this currency.'),
  '51754': entry('invalid-input', 'There is no debt, so no collateral needs to be added.'),
  '51755': entry('product-state', '{ccy} is restricted.', 'This currency is restricted.'),
  '51756': entry('invalid-input', 'This exceeds the maximum redeemable collateral.'),
  '51757': entry('invalid-input', 'The collateral amount is below the minimum.'),
  '51758': entry('invalid-input', 'This is more than can be redeemed.'),
  '51759': entry('unavailable', 'A temporary limit applies. Try again later.'),
  '51760': entry('permission', 'Not available for delta-neutral accounts.'),
  '51761': entry('permission', 'The sub-account strategy check failed.'),
  '51762': entry('product-state', 'The order is partially redeemed and can no longer be cancelled.'),

  // Added to OKX's finance codes in 2026.
  '51016': entry('already-done', 'OKX has already carried out a request with this client order id.'),
  '51063': entry('product-state', 'There is no flexible loan order to act on.'),
  '51763': entry('permission', 'Your account does not meet the VIP tier this product requires.'),
  '51764': entry('insufficient-funds', 'Insufficient balance.'),
  '51765': entry('invalid-input', 'This exceeds your remaining daily subscription quota.'),
  '51766': entry('product-state', "OKX's daily subscription limit for this product has been reached. Try again tomorrow."),
  '51767': entry('unavailable', 'OKX is under maintenance. Try again later.'),
  '51768': entry('invalid-input', 'This exceeds your remaining fast-redemption quota for today.'),
  '51769': entry('product-state', "OKX's fast-redemption limit for today has been reached. Use standard redemption or try tomorrow."),
  '51770': entry('invalid-input', 'This exceeds your remaining standard-redemption quota for today.'),
  '51771': entry('product-state', "OKX's standard-redemption limit for today has been reached. Try again tomorrow."),
  '51772': entry('product-state', 'The instant-redemption pool does not hold enough right now. Use standard redemption or try later.'),
  '51773': entry('permission', 'This feature is not available in your region.'),
  '51774': entry('unavailable', "OKX's OKUSD API is under maintenance. Try again later."),
  '51784': entry('in-flight', 'OKX is still processing a request with this client order id.'),
  '51785': entry('invalid-input', "{ccy} is not this order's E-Mode collateral: an E-Mode order only takes the collateral of its pair.", "This currency is not this order's E-Mode collateral: an E-Mode order only takes the collateral of its pair."),
};

/** Messages for failures that carry no OKX code. */
export const LOCAL_MESSAGES = {
  unknownOutcome:
    "No answer came back for this request, so it may or may not have been carried out. It was not sent again. Check your orders and balances before trying again.",
  unclearOutcome:
    "OKX's answer to this request was neither a clear success nor a refusal (HTTP {status}), so it may or may not have been carried out. It was not sent again. Check your orders and balances before trying again.",
  redirectOutcome:
    'OKX answered with a redirect (HTTP {status}), which is never followed, so this request may or may not have been carried out. It was not sent again. Check your orders and balances before trying again.',
  redirect: 'OKX answered with a redirect (HTTP {status}); a request is never sent on to another address.',
  waitTooLong: 'OKX asked to wait {seconds} s before the next request, so it was not retried.',
  unexpected: 'The answer from OKX could not be handled: {detail}',
  tiedPage: 'OKX has more than {count} records at the same time ({time}); this history cannot be read page by page without losing some.',
  notPrepared: 'The request could not be prepared, so nothing was sent: {detail}',
  timeout: 'OKX did not answer within {seconds} s.',
  network: 'Could not reach OKX: {detail}',
  notJson: 'OKX answered with something that is not an API response (HTTP {status}).',
  httpStatus: 'OKX answered with HTTP {status}.',
  unknownCode: 'OKX refused the request (code {code}).',
  badShape: 'OKX answered in an unexpected shape: {detail}',
} as const;

export function fillTemplate(template: string, args: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => args[name] ?? whole);
}

export interface OkxErrorInit {
  readonly category: ErrorCategory;
  readonly template: string;
  readonly args?: Readonly<Record<string, string>>;
  /** The full OKX code, sub-code included (`51008_1000`), when OKX gave one. */
  readonly code?: string;
  readonly httpStatus?: number;
  /** OKX's own message (already redacted), shown as detail. */
  readonly okxMessage?: string;
  readonly endpoint?: EndpointId;
  /** When OKX said (Retry-After) the next request may be sent, in local epoch milliseconds. */
  readonly retryAt?: number;
}

export class OkxError extends Error {
  override readonly name = 'OkxError';
  readonly category: ErrorCategory;
  /** Full code as OKX sent it (`51008_1000`), or undefined for local failures. */
  readonly code: string | undefined;
  /** The part before `_`: what the code tables are keyed by. */
  readonly baseCode: string | undefined;
  /** The part after `_`, if any. */
  readonly subCode: string | undefined;
  readonly httpStatus: number | undefined;
  readonly okxMessage: string | undefined;
  readonly endpoint: EndpointId | undefined;
  /** When OKX said (Retry-After) the next request may be sent, in local epoch milliseconds. */
  readonly retryAt: number | undefined;
  /** English template with `{name}` placeholders, for `vscode.l10n.t(template, args)`. */
  readonly template: string;
  readonly args: Readonly<Record<string, string>>;

  constructor(init: OkxErrorInit) {
    const args = init.args ?? {};
    super(fillTemplate(init.template, args));
    this.category = init.category;
    this.code = init.code;
    [this.baseCode, this.subCode] = splitCode(init.code);
    this.httpStatus = init.httpStatus;
    this.okxMessage = init.okxMessage === '' ? undefined : init.okxMessage;
    this.endpoint = init.endpoint;
    this.retryAt = init.retryAt;
    this.template = init.template;
    this.args = args;
  }

  /** True when the request may have taken effect and must be looked up before anything is resent. */
  get outcomeUnknown(): boolean {
    return this.category === 'unknown-outcome';
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      category: this.category,
      code: this.code,
      httpStatus: this.httpStatus,
      endpoint: this.endpoint,
      message: this.message,
      okxMessage: this.okxMessage,
      retryAt: this.retryAt,
    };
  }
}

function splitCode(code: string | undefined): [string | undefined, string | undefined] {
  if (code === undefined) {
    return [undefined, undefined];
  }
  const underscore = code.indexOf('_');
  return underscore < 0 ? [code, undefined] : [code.slice(0, underscore), code.slice(underscore + 1)];
}

/** Category for an HTTP status that came without a readable OKX code. */
export function categoryForHttpStatus(status: number): ErrorCategory {
  if (status === 401) return 'auth';
  if (status === 403) return 'permission';
  if (status === 400) return 'invalid-input';
  if (status === 429) return 'rate-limit';
  return 'unavailable';
}

/**
 * True when an answer with this code proves OKX refused the request without carrying it out: every code OKX
 * documents (the table above) except 50004, which means OKX does not know either. An undocumented code proves
 * nothing when it comes with a server error.
 */
export function isDocumentedRefusal(code: string): boolean {
  const [base] = splitCode(code);
  return base !== undefined && base !== '50004' && Object.hasOwn(OKX_CODES, base);
}

/** The error for an OKX code (with or without sub-code). */
export function errorForCode(init: {
  code: string;
  httpStatus?: number;
  okxMessage?: string;
  endpoint?: EndpointId;
  args?: Record<string, string>;
  retryAt?: number;
}): OkxError {
  const [base] = splitCode(init.code);
  const known = base === undefined || !Object.hasOwn(OKX_CODES, base) ? undefined : OKX_CODES[base];
  if (known !== undefined) {
    const template = known.withoutCcy !== undefined && init.args?.ccy === undefined ? known.withoutCcy : known.template;
    return new OkxError({ ...init, category: known.category, template });
  }
  return new OkxError({
    ...init,
    category: init.httpStatus !== undefined && init.httpStatus !== 200 ? categoryForHttpStatus(init.httpStatus) : 'other',
    template: LOCAL_MESSAGES.unknownCode,
    args: { ...init.args, code: init.code },
  });
}

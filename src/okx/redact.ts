/**
 * Keeps secrets out of text that came from the outside (OKX's messages, transport errors): the API key, secret
 * key, passphrase and request signature are replaced by `***` wherever they appear whole or in part, in any
 * letter case, and URL-encoded. A "part" is any run of at least `MIN_SECRET_RUN` characters of a secret, so a
 * truncated echo ("985d5b66-57ce…"), a suffix or an upper-cased copy is caught as well as the exact text.
 */

/** Shorter runs of a secret are left alone (a secret shorter than this is still redacted when whole). */
export const MIN_SECRET_RUN = 6;

/** Lower-cases ASCII letters only, so that every index in the result is the same index in the input. */
function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** The forms in which a secret can come back: as is, URL-encoded (once or twice), and base64url for signatures. */
function formsOf(secret: string): string[] {
  const encoded = encodeURIComponent(secret);
  return [secret, encoded, encodeURIComponent(encoded), secret.replace(/\+/g, '-').replace(/\//g, '_'), secret.replace(/ /g, '+')];
}

/** Strings as they are, numbers and booleans as written; anything else (an object, null) is no text at all. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}

/**
 * A function that redacts the given secrets from any value turned into text. Empty secrets are ignored. The
 * secrets' forms are worked out on first use: every request gets a redactor, and most never need it.
 */
export function redactor(secrets: readonly string[]): (text: unknown) => string {
  const given = [...secrets];
  let known: string[] | undefined;
  return (value: unknown): string => {
    const text = asText(value);
    if (text === '') return text;
    const forms = (known ??= [...new Set(given.filter((s) => s !== '').flatMap(formsOf).map(foldAscii))]);
    if (forms.length === 0) return text;
    const folded = foldAscii(text);
    const hidden = new Uint8Array(text.length);
    const mark = (from: number, length: number): void => {
      hidden.fill(1, from, from + length);
    };
    for (const form of forms) {
      if (form.length < MIN_SECRET_RUN) {
        for (let at = folded.indexOf(form); at >= 0; at = folded.indexOf(form, at + 1)) mark(at, form.length);
        continue;
      }
      // Every run of MIN_SECRET_RUN characters that also occurs in the secret is hidden; together they cover
      // every longer common run (a prefix, a suffix or the middle of the secret).
      for (let at = 0; at + MIN_SECRET_RUN <= folded.length; at++) {
        if (form.includes(folded.slice(at, at + MIN_SECRET_RUN))) mark(at, MIN_SECRET_RUN);
      }
    }
    let out = '';
    for (let i = 0; i < text.length; i++) {
      if (hidden[i] === 0) out += text[i];
      else if (i === 0 || hidden[i - 1] === 0) out += '***';
    }
    return out;
  };
}

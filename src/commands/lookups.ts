/**
 * The look-ups that find out what became of a money move, by kind, so that a pending move is checked again
 * after a window reload from nothing but its kind and plain-text parameters. Each flow registers its own when
 * its module loads. No `vscode` import.
 */
import type { OkxClient } from '../okx/client';
import type { Finding, LookupRef } from './outcome';
import type { SendWindow } from './reconcile';

export type Lookup = (client: OkxClient, params: Readonly<Record<string, string>>, sent: SendWindow) => Promise<Finding>;

const registry = new Map<string, Lookup>();

export function registerLookups(entries: Readonly<Record<string, Lookup>>): void {
  for (const [kind, lookup] of Object.entries(entries)) registry.set(kind, lookup);
}

/** Runs the look-up a reference names; throws when no flow registered that kind. */
export function runLookup(client: OkxClient, ref: LookupRef, sent: SendWindow): Promise<Finding> {
  const lookup = registry.get(ref.kind);
  if (lookup === undefined) return Promise.reject(new Error(`No look-up for ${ref.kind}`));
  return lookup(client, ref.params, sent);
}

export function hasLookup(kind: string): boolean {
  return registry.has(kind);
}

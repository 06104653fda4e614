/**
 * Reads the OKX API reference pages: ../shared/seeds (the Financial Product chapter as of 2026-01-15) and
 * ../shared/okx-docs-2026 (the chapter as of 2026-08-22, which wins where the two differ, and the account pages),
 * English halves, so tests compare our endpoint table and parsers with the documentation itself rather than
 * with a copy of it.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface SeedEndpoint {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly title: string;
  readonly rateLimit: { count: number; windowMs: number };
  readonly rule: 'User ID' | 'IP';
  /** Absent for public endpoints. */
  readonly permission: 'Read' | 'Trade' | undefined;
  /** Undefined where the page's example cannot be read as JSON (only the 2026 pages' newer products). */
  readonly responseExample: unknown;
}

function projectRoot(): string {
  return path.resolve(__dirname, '..', '..', '..', '..');
}

export const SEEDS_DIR = path.resolve(projectRoot(), '..', 'shared', 'seeds');
export const DOCS_2026_DIR = path.resolve(projectRoot(), '..', 'shared', 'okx-docs-2026');

/** The English half of a page: up to the first line that is just '---' after the front matter. */
function englishHalf(file: string): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const end = lines.findIndex((line, index) => index > 10 && line.trim() === '---');
  return lines.slice(0, end < 0 ? undefined : end).join('\n');
}

/** The 33 endpoints of the Financial Product chapter as of 2026-01-15. */
export function readSeedEndpoints(): SeedEndpoint[] {
  return parseSections(englishHalf(path.join(SEEDS_DIR, '000_50a1f9c54f71f0f2.txt')), true);
}

/** The Financial Product chapter as of 2026-08-22 (55 endpoints). */
export function readChapter2026(): SeedEndpoint[] {
  return parseSections(englishHalf(path.join(DOCS_2026_DIR, 'financial-product.md')), false);
}

/** The account pages of 2026 (funding balances, asset valuation, index tickers). */
export function readAccountPages2026(): SeedEndpoint[] {
  return ['funding-get-balance.md', 'funding-get-account-asset-valuation.md', 'public-get-index-tickers.md'].flatMap((file) =>
    parseSections(englishHalf(path.join(DOCS_2026_DIR, file)).replace(/^# /m, '### '), false),
  );
}

function parseSections(english: string, examplesRequired: boolean): SeedEndpoint[] {
  const sections = english.split(/^### /m).slice(1);
  const endpoints: SeedEndpoint[] = [];
  for (const section of sections) {
    const route = /`(GET|POST) (\/api\/v5\/[^`?\s]+)`/.exec(section);
    if (route === null) {
      continue;
    }
    const limit = /Rate Limit: (\d+) requests? per (second|(\d+) seconds)/.exec(section);
    const rule = /Rate limit rule: (User ID|IP)/.exec(section);
    const permission = /Permission: (Read|Trade)/.exec(section);
    if (limit === null || rule === null) {
      throw new Error(`Seed section ${route[2]} has no rate limit`);
    }
    endpoints.push({
      method: route[1] as 'GET' | 'POST',
      path: route[2],
      title: (section.split('\n')[0] ?? '').replace(/^(GET|POST) \/ /, '').trim(),
      rateLimit: { count: Number(limit[1]), windowMs: limit[3] === undefined ? 1000 : Number(limit[3]) * 1000 },
      rule: rule[1] as 'User ID' | 'IP',
      permission: permission?.[1] as 'Read' | 'Trade' | undefined,
      responseExample: examplesRequired ? responseExample(section, route[2]) : tryResponseExample(section, route[2]),
    });
  }
  return endpoints;
}

/** The response example: the last 4-space-indented JSON object before "Response Parameters". */
function responseExample(section: string, route: string): unknown {
  const beforeParams = section.split('#### Response Parameters')[0] ?? '';
  const lines = beforeParams.split('\n');
  const start = lines.map((line) => line.trimEnd()).lastIndexOf('    {');
  if (start < 0) {
    throw new Error(`No response example for ${route}`);
  }
  const endOffset = lines.slice(start).findIndex((line) => line.trimEnd() === '    }');
  const json = lines
    .slice(start, start + endOffset + 1)
    .map((line) => line.slice(4))
    .join('\n');
  return JSON.parse(json);
}

function tryResponseExample(section: string, route: string): unknown {
  try {
    return responseExample(section, route);
  } catch {
    return undefined;
  }
}


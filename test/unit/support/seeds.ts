/**
 * Reads the OKX API reference pages in ../shared/seeds (the English half of the Financial Product chapter), so
 * tests compare our endpoint table and parsers with the documentation itself rather than with a copy of it.
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
  readonly responseExample: unknown;
}

function projectRoot(): string {
  return path.resolve(__dirname, '..', '..', '..', '..');
}

export const SEEDS_DIR = path.resolve(projectRoot(), '..', 'shared', 'seeds');

export function readSeedEndpoints(): SeedEndpoint[] {
  const text = readFileSync(path.join(SEEDS_DIR, '000_50a1f9c54f71f0f2.txt'), 'utf8');
  // The English half ends at a line that is just '---' (the Chinese page follows).
  const lines = text.split('\n');
  const end = lines.findIndex((line, index) => index > 10 && line.trim() === '---');
  const english = lines.slice(0, end).join('\n');
  const sections = english.split(/^### /m).slice(1);
  const endpoints: SeedEndpoint[] = [];
  for (const section of sections) {
    const route = /`(GET|POST) (\/api\/v5\/[^`?\s]+)`/.exec(section);
    if (route === null) {
      continue;
    }
    const limit = /Rate Limit: (\d+) requests per (second|(\d+) seconds)/.exec(section);
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
      responseExample: responseExample(section, route[2]),
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

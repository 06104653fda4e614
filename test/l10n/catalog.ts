/**
 * Every user-visible string of the extension and its translations, gathered from the sources, so that a
 * string added in English without its Simplified Chinese entry fails `npm test` (test/unit/l10n.test.ts) and
 * `npm run l10n` can regenerate the English runtime bundle and list what is missing.
 *
 * Runtime strings are the `vscode.l10n.t('…')` calls (found by @vscode/l10n-dev, as VS Code's own tooling
 * does, and by the TypeScript parser: l10n-dev misses `l10n.t('…')` where `l10n` is a parameter, as in
 * src/chat/toolText.ts) plus the English templates that reach `vscode.l10n.t` through a variable: OKX's error
 * messages (src/okx/errors.ts), the input checks' refusals (src/validation.ts) and the chat tools' input
 * refusals (src/chat/toolInput.ts). Contribution strings are the `%key%` values of package.json, in
 * package.nls.json.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import * as ts from 'typescript';
import { LOCAL_MESSAGES, OKX_CODES } from '../../src/okx/errors';
import { PROJECT_ROOT } from '../host/codeServer';

export const ROOT = PROJECT_ROOT;
export const LANGUAGE = 'zh-cn';
export const ENGLISH_BUNDLE = 'l10n/bundle.l10n.json';
export const TRANSLATED_BUNDLE = `l10n/bundle.l10n.${LANGUAGE}.json`;
export const ENGLISH_NLS = 'package.nls.json';
export const TRANSLATED_NLS = `package.nls.${LANGUAGE}.json`;

/**
 * Strings that stay as they are in Chinese: the product names OKX's own Chinese pages keep (OKSOL, E-Mode,
 * OKUSD, Stable Rewards). LTV, APY and APR are not among them: zh-cn says 质押率 and 年化收益率 (./glossary.ts).
 * (Strings with no Latin letter at all, such as "{0}: {1}", are never reported as left in English.)
 */
export const SAME_IN_TRANSLATION: ReadonlySet<string> = new Set([
  '≈ {0}', 'OKSOL', 'E-Mode',
  // OKX's Chinese pages keep these names.
  'OKUSD', 'Stable Rewards', '{0} · Stable Rewards',
]);

/**
 * The calls that hand `vscode.l10n.t` a variable rather than a literal, and where their English templates
 * come from. A new call of that kind fails the completeness test until it is listed here and its templates
 * are gathered by `dynamicTemplates()`.
 */
export const DYNAMIC_CALLS: Readonly<Record<string, string>> = {
  'src/messages.ts: error.template': 'OKX_CODES and LOCAL_MESSAGES in src/okx/errors.ts',
  'src/commands/prompts.ts: result.problem.template': 'the refuse(…) templates in src/validation.ts',
  'src/panels/moreEarnState.ts: asPrompt.problem.template': 'the refuse(…) templates in src/validation.ts (the Dual page checks an amount as the Buy prompt does)',
  'src/chat/tools.ts: checked.problem.template': 'the problem(…) templates in src/chat/toolInput.ts',
};

export type Bundle = Record<string, string>;

function read(relative: string): string {
  return readFileSync(path.join(ROOT, relative), 'utf8');
}

export function readBundle(relative: string): Bundle {
  const file = path.join(ROOT, relative);
  if (!existsSync(file)) return {};
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string | { message: string }>;
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, typeof value === 'string' ? value : value.message]));
}

/** The extension's TypeScript sources (not the webviews': they get their texts from the host). */
export function sourceFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) found.push(relative);
    }
  };
  walk('src');
  return found.sort();
}

function parse(relative: string): ts.SourceFile {
  return ts.createSourceFile(relative, read(relative), ts.ScriptTarget.Latest, true);
}

function visit(node: ts.Node, each: (node: ts.Node) => void): void {
  each(node);
  ts.forEachChild(node, (child) => visit(child, each));
}

/** `x.l10n.t(…)` or `l10n.t(…)`. */
function isL10nCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 't') return false;
  const target = node.expression.expression;
  return (ts.isIdentifier(target) && target.text === 'l10n') || (ts.isPropertyAccessExpression(target) && target.name.text === 'l10n');
}

/** `vscode.l10n.t` calls whose message is not a literal, as "file: expression". */
export function dynamicCalls(): string[] {
  const calls: string[] = [];
  for (const file of sourceFiles()) {
    visit(parse(file), (node) => {
      if (!isL10nCall(node)) return;
      const [first] = node.arguments;
      if (first !== undefined && !ts.isStringLiteralLike(first) && !ts.isObjectLiteralExpression(first)) calls.push(`${file}: ${first.getText()}`);
    });
  }
  return calls;
}

/** The English templates that reach `vscode.l10n.t` through the calls in DYNAMIC_CALLS. */
export function dynamicTemplates(): Map<string, string> {
  const templates = new Map<string, string>();
  for (const entry of Object.values(OKX_CODES)) {
    templates.set(entry.template, 'src/okx/errors.ts');
    if (entry.withoutCcy !== undefined) templates.set(entry.withoutCcy, 'src/okx/errors.ts');
  }
  for (const template of Object.values(LOCAL_MESSAGES)) templates.set(template, 'src/okx/errors.ts');
  for (const [file, helper] of [['src/validation.ts', 'refuse'], ['src/chat/toolInput.ts', 'problem']] as const) {
    for (const template of helperTemplates(file, helper)) templates.set(template, file);
  }
  return templates;
}

/**
 * The literal first arguments of the calls of `helper(…)` in `file`. A call with anything else than a literal
 * there throws: its template could not be gathered, so it would reach the user untranslated.
 */
function helperTemplates(file: string, helper: string): string[] {
  const found: string[] = [];
  visit(parse(file), (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === helper) {
      const [first] = node.arguments;
      if (first === undefined || !ts.isStringLiteralLike(first)) throw new Error(`${file}: ${helper}(${first?.getText() ?? ''}…) has no literal template`);
      found.push(first.text);
    }
  });
  return found;
}

/**
 * The literal messages of the `l10n.t('…')` calls in `file`, as the TypeScript parser sees them. @vscode/l10n-dev
 * only finds the calls on `vscode.l10n` (or a variable set from it), not those on a parameter such as
 * src/chat/toolText.ts's `l10n: L10n` (which is `vscode.l10n` at run time).
 */
export function literalCalls(file: string): string[] {
  const found: string[] = [];
  visit(parse(file), (node) => {
    if (!isL10nCall(node)) return;
    const [first] = node.arguments;
    if (first !== undefined && ts.isStringLiteralLike(first)) found.push(first.text);
  });
  return found;
}

/** Every runtime string: message → the files it comes from, in source order. */
export async function runtimeStrings(): Promise<Map<string, string[]>> {
  const strings = new Map<string, string[]>();
  const add = (message: string, origin: string): void => {
    const origins = strings.get(message) ?? [];
    if (!origins.includes(origin)) origins.push(origin);
    strings.set(message, origins);
  };
  for (const file of sourceFiles()) {
    const found = await getL10nJson([{ contents: read(file), extension: '.ts' }]);
    for (const key of Object.keys(found)) add(key, file);
    for (const message of literalCalls(file)) add(message, file);
  }
  for (const [template, origin] of dynamicTemplates()) add(template, origin);
  return strings;
}

/** What bundle.l10n.json should hold: each message mapped to itself. */
export async function englishBundle(): Promise<Bundle> {
  return Object.fromEntries([...(await runtimeStrings()).keys()].map((message) => [message, message]));
}

/** The `%key%` references anywhere in package.json. */
export function manifestKeys(): string[] {
  const keys = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      const match = /^%(.+)%$/.exec(value);
      if (match?.[1] !== undefined) keys.add(match[1]);
    } else if (Array.isArray(value)) {
      value.forEach(walk);
    } else if (typeof value === 'object' && value !== null) {
      Object.values(value).forEach(walk);
    }
  };
  walk(JSON.parse(read('package.json')));
  return [...keys];
}

/**
 * What must come through a translation unchanged: placeholders, setting and command ids, codicons, OKX's
 * error codes and link targets (OKX's Chinese pages, under /zh-hans/, count as the same link).
 */
export function preservedTokens(text: string): Set<string> {
  const patterns = [/\{\w+\}/g, /\$\([\w~-]+\)/g, /\bokxEarn\.[A-Za-z]+(?:\.[A-Za-z]+)*/g, /\b5\d{4}\b/g, /\bhttps?:\/\/[^\s)"'`<>，。]+/g, /\bcommand:[\w.]+/g];
  const tokens = new Set<string>();
  for (const pattern of patterns) {
    for (const [token] of text.matchAll(pattern)) tokens.add(token.replace(/[.,;:!?]+$/, '').replace('/zh-hans/', '/'));
  }
  return tokens;
}

export interface Problems {
  /** English keys with no translation. */
  readonly missing: string[];
  /** Translations identical to the English (and not allowed to be). */
  readonly identical: string[];
  /** Translations that lost or gained a placeholder, id, code or link. */
  readonly tokens: { readonly key: string; readonly lost: string[]; readonly added: string[] }[];
  /** Translated keys the English no longer has. */
  readonly stale: string[];
}

export function compareTranslations(english: Bundle, translated: Bundle, sameAllowed: ReadonlySet<string> = SAME_IN_TRANSLATION): Problems {
  const problems: Problems = { missing: [], identical: [], tokens: [], stale: [] };
  for (const [key, text] of Object.entries(english)) {
    const translation = translated[key];
    if (translation === undefined || translation.trim() === '') {
      problems.missing.push(key);
      continue;
    }
    if (translation === text && /[A-Za-z]/.test(text) && !sameAllowed.has(text)) problems.identical.push(key);
    const want = preservedTokens(text);
    const got = preservedTokens(translation);
    const lost = [...want].filter((t) => !got.has(t));
    const added = [...got].filter((t) => !want.has(t));
    if (lost.length > 0 || added.length > 0) problems.tokens.push({ key, lost, added });
  }
  problems.stale.push(...Object.keys(translated).filter((key) => !(key in english)));
  return problems;
}

export function problemCount(problems: Problems): number {
  return problems.missing.length + problems.identical.length + problems.tokens.length + problems.stale.length;
}

/** A readable list of the problems, one per line, with where each English string comes from. */
export function describe(problems: Problems, file: string, origins: ReadonlyMap<string, readonly string[]> = new Map()): string {
  const where = (key: string): string => {
    const from = origins.get(key);
    return from === undefined ? '' : `  (${from.join(', ')})`;
  };
  const lines: string[] = [];
  if (problems.missing.length > 0) {
    lines.push(`${file}: ${problems.missing.length} string(s) without a translation:`);
    for (const key of problems.missing) lines.push(`  ${JSON.stringify(key)}${where(key)}`);
  }
  if (problems.identical.length > 0) {
    lines.push(`${file}: ${problems.identical.length} translation(s) left identical to the English (translate them, or list them in SAME_IN_TRANSLATION):`);
    for (const key of problems.identical) lines.push(`  ${JSON.stringify(key)}${where(key)}`);
  }
  if (problems.tokens.length > 0) {
    lines.push(`${file}: ${problems.tokens.length} translation(s) that changed a placeholder, id, code or link:`);
    for (const { key, lost, added } of problems.tokens) lines.push(`  ${JSON.stringify(key)}: lost [${lost.join(' ')}], added [${added.join(' ')}]`);
  }
  if (problems.stale.length > 0) {
    lines.push(`${file}: ${problems.stale.length} entr(ies) for strings the English no longer has:`);
    for (const key of problems.stale) lines.push(`  ${JSON.stringify(key)}`);
  }
  return lines.join('\n');
}

export interface WalkthroughMedia {
  readonly step: string;
  readonly language: 'en' | typeof LANGUAGE;
  readonly file: string;
}

/**
 * The walkthrough's media files in each language. Markdown media are localized by VS Code itself
 * (`x.md` → `x.nls.zh-cn.md`); SVG media through their `%key%` path in package.nls*.json.
 */
export function walkthroughMedia(): WalkthroughMedia[] {
  const manifest = JSON.parse(read('package.json')) as {
    contributes: { walkthroughs?: { steps: { id: string; media: { markdown?: string; svg?: string } }[] }[] };
  };
  const nls = { en: readBundle(ENGLISH_NLS), [LANGUAGE]: readBundle(TRANSLATED_NLS) } as const;
  const resolve = (value: string, language: 'en' | typeof LANGUAGE): string => {
    const key = /^%(.+)%$/.exec(value)?.[1];
    return key === undefined ? value : (nls[language][key] ?? nls.en[key] ?? value);
  };
  const media: WalkthroughMedia[] = [];
  for (const walkthrough of manifest.contributes.walkthroughs ?? []) {
    for (const step of walkthrough.steps) {
      if (step.media.markdown !== undefined) {
        media.push({ step: step.id, language: 'en', file: step.media.markdown });
        media.push({ step: step.id, language: LANGUAGE, file: step.media.markdown.replace(/\.md$/, `.nls.${LANGUAGE}.md`) });
      }
      if (step.media.svg !== undefined) {
        media.push({ step: step.id, language: 'en', file: resolve(step.media.svg, 'en') });
        media.push({ step: step.id, language: LANGUAGE, file: resolve(step.media.svg, LANGUAGE) });
      }
    }
  }
  return media;
}

/** Problems with the walkthrough's media: missing files, untranslated ones, links that differ. */
export function walkthroughMediaProblems(): string[] {
  const problems: string[] = [];
  const media = walkthroughMedia();
  for (const item of media) {
    const file = path.join(ROOT, item.file);
    if (!existsSync(file)) {
      problems.push(`walkthrough step "${item.step}": ${item.file} (${item.language}) does not exist`);
      continue;
    }
    if (item.language === LANGUAGE) {
      const text = readFileSync(file, 'utf8');
      if (!/[\u4e00-\u9fff]/.test(text)) problems.push(`walkthrough step "${item.step}": ${item.file} has no Chinese in it`);
      const english = media.find((m) => m.step === item.step && m.language === 'en' && path.extname(m.file) === path.extname(item.file));
      if (english !== undefined && existsSync(path.join(ROOT, english.file))) {
        const want = [...preservedTokens(read(english.file))].sort().join(' ');
        const got = [...preservedTokens(text)].sort().join(' ');
        if (want !== got) problems.push(`walkthrough step "${item.step}": ${item.file} has [${got}] where ${english.file} has [${want}]`);
      }
    }
  }
  return problems;
}

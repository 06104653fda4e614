/**
 * The Simplified Chinese glossary: one term per concept, everywhere a zh-cn user reads (the runtime bundle, the
 * contribution strings, the walkthrough's media). OKX's Chinese pages use both "LTV" and 质押率, "APY" and
 * 年化收益率; the extension picks one of each, so a row, the status bar, a panel and a message never name one
 * thing two ways. `glossaryProblems` lists every zh-cn text that uses a form the glossary rules out (checked by
 * test/unit/l10n.test.ts and `npm run l10n`). The README's "Languages" section has the same table.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ENGLISH_BUNDLE, ENGLISH_NLS, LANGUAGE, ROOT, TRANSLATED_BUNDLE, TRANSLATED_NLS, readBundle, walkthroughMedia, type Bundle } from './catalog';

export interface Term {
  /** The concept, in English as the extension's English says it. */
  readonly concept: string;
  /** What zh-cn says, as the README lists it. */
  readonly zh: string;
  /** Forms the zh-cn must not use for it (after the `allowed` forms are taken out of the text). */
  readonly forbidden: readonly RegExp[];
  /** Forms that contain a forbidden one but are the glossary's own (e.g. "质押率 (LTV)"). */
  readonly allowed?: readonly RegExp[];
}

export const GLOSSARY: readonly Term[] = [
  {
    concept: 'LTV (loan-to-value)',
    zh: '质押率; "质押率 (LTV)" where a label introduces it (the status bar hover, the settings, the walkthrough)',
    forbidden: [/LTV/, /抵押率/, /贷款价值比/],
    allowed: [/质押率\s?[（(]LTV[）)]/g],
  },
  {
    concept: 'APY, APR (a yearly yield)',
    zh: '年化收益率; "年化 {figure}" in a row or a pick with the figure after it (the sidebar is narrow)',
    forbidden: [/\bAP[YR]\b/, /年收益率/, /年化率/, /年化回报/],
  },
  {
    concept: 'margin call (LTV, line, price)',
    zh: '预警 (预警质押率, 预警线)',
    forbidden: [/保证金/, /追保/, /补仓/],
  },
  {
    concept: 'liquidation (LTV, line, price)',
    zh: '强平 (强平质押率, 强平线, 强平价格)',
    forbidden: [/清算/, /爆仓/],
  },
  {
    concept: 'collateral',
    zh: '质押物',
    forbidden: [/抵押物/, /抵押品/, /担保品/],
  },
];

/** Product names that OKX's Chinese pages keep in English: a zh-cn text whose English names one names it too. */
export const KEPT_NAMES: readonly string[] = ['Stable Rewards', 'OKUSD'];

export interface GlossaryProblem {
  /** Where: the file, and the key for a bundle. */
  readonly where: string;
  readonly text: string;
  readonly problem: string;
}

/** The problems of one zh-cn text (its English, when known, for the kept names). */
export function textProblems(text: string, english?: string): string[] {
  const problems: string[] = [];
  for (const term of GLOSSARY) {
    const rest = (term.allowed ?? []).reduce((t, allowed) => t.replace(allowed, ' '), text);
    for (const form of term.forbidden) {
      const found = form.exec(rest);
      if (found !== null) problems.push(`"${found[0]}" for ${term.concept}: say ${term.zh}`);
    }
  }
  for (const name of KEPT_NAMES) {
    if (english?.includes(name) === true && !text.includes(name)) problems.push(`"${name}" is kept as it is (OKX's Chinese pages keep the name)`);
  }
  return problems;
}

function bundleProblems(englishFile: string, translatedFile: string, english: Bundle = readBundle(englishFile)): GlossaryProblem[] {
  return Object.entries(readBundle(translatedFile)).flatMap(([key, text]) =>
    textProblems(text, english[key] ?? key).map((problem) => ({ where: `${translatedFile}: ${JSON.stringify(key)}`, text, problem })),
  );
}

/** Every use of a ruled-out form in what zh-cn shows: both bundles and the walkthrough's Chinese media. */
export function glossaryProblems(): GlossaryProblem[] {
  const media = walkthroughMedia()
    .filter((item) => item.language === LANGUAGE)
    .flatMap((item) => {
      const text = readFileSync(path.join(ROOT, item.file), 'utf8');
      return textProblems(text).map((problem) => ({ where: item.file, text: '', problem }));
    });
  return [...bundleProblems(ENGLISH_BUNDLE, TRANSLATED_BUNDLE), ...bundleProblems(ENGLISH_NLS, TRANSLATED_NLS), ...media];
}

export function describeGlossaryProblems(problems: readonly GlossaryProblem[]): string {
  return problems.map((p) => `  ${p.where}: ${p.problem}${p.text === '' ? '' : `\n    ${p.text}`}`).join('\n');
}

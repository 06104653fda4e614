/**
 * `npm run l10n`: regenerates l10n/bundle.l10n.json from the sources and lists what the Simplified Chinese
 * files lack, with a JSON snippet of the missing entries to translate, and any zh-cn text that breaks the
 * glossary (./glossary.ts). `--check` writes nothing and also reports an English bundle that is out of date.
 * Exits 1 when anything is missing or wrong.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  DYNAMIC_CALLS, ENGLISH_BUNDLE, ENGLISH_NLS, ROOT, TRANSLATED_BUNDLE, TRANSLATED_NLS,
  compareTranslations, describe, dynamicCalls, manifestKeys, problemCount, readBundle, runtimeStrings, walkthroughMediaProblems,
} from './catalog';
import { describeGlossaryProblems, glossaryProblems } from './glossary';

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const strings = await runtimeStrings();
  const english = Object.fromEntries([...strings.keys()].map((m) => [m, m]));
  let failures = 0;

  const written = readBundle(ENGLISH_BUNDLE);
  const outdated = JSON.stringify(written) !== JSON.stringify(english);
  if (check) {
    if (outdated) {
      failures++;
      console.log(`${ENGLISH_BUNDLE} is out of date: run npm run l10n`);
    }
  } else if (outdated) {
    writeFileSync(path.join(ROOT, ENGLISH_BUNDLE), `${JSON.stringify(english, null, 2)}\n`);
    console.log(`${ENGLISH_BUNDLE}: written (${Object.keys(english).length} strings)`);
  } else {
    console.log(`${ENGLISH_BUNDLE}: up to date (${Object.keys(english).length} strings)`);
  }

  const unknownCalls = dynamicCalls().filter((call) => !(call in DYNAMIC_CALLS));
  if (unknownCalls.length > 0) {
    failures += unknownCalls.length;
    console.log('vscode.l10n.t called with a variable whose English templates are not gathered (see DYNAMIC_CALLS in test/l10n/catalog.ts):');
    for (const call of unknownCalls) console.log(`  ${call}`);
  }

  const runtime = compareTranslations(english, readBundle(TRANSLATED_BUNDLE));
  const englishNls = readBundle(ENGLISH_NLS);
  const contributions = compareTranslations(englishNls, readBundle(TRANSLATED_NLS));
  const undefinedKeys = manifestKeys().filter((key) => !(key in englishNls));
  const media = walkthroughMediaProblems();
  for (const [problems, file] of [[runtime, TRANSLATED_BUNDLE], [contributions, TRANSLATED_NLS]] as const) {
    if (problemCount(problems) === 0) {
      console.log(`${file}: complete`);
      continue;
    }
    failures += problemCount(problems);
    console.log(describe(problems, file, file === TRANSLATED_BUNDLE ? strings : new Map()));
    if (problems.missing.length > 0) {
      const source = file === TRANSLATED_BUNDLE ? english : englishNls;
      console.log(`\nTo add to ${file} (translated):`);
      console.log(problems.missing.map((key) => `  ${JSON.stringify(key)}: ${JSON.stringify(source[key])},`).join('\n'));
    }
  }
  if (undefinedKeys.length > 0) {
    failures += undefinedKeys.length;
    console.log(`package.json uses keys that ${ENGLISH_NLS} does not define: ${undefinedKeys.join(', ')}`);
  }
  if (media.length > 0) {
    failures += media.length;
    console.log(media.join('\n'));
  } else {
    console.log('walkthrough media: complete in both languages');
  }
  const glossary = glossaryProblems();
  if (glossary.length > 0) {
    failures += glossary.length;
    console.log(`zh-cn uses terms its glossary rules out (test/l10n/glossary.ts, README "Languages"):\n${describeGlossaryProblems(glossary)}`);
  } else {
    console.log('zh-cn glossary: one term per concept');
  }
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);

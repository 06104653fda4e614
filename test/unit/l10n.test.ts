import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import {
  DYNAMIC_CALLS, ENGLISH_BUNDLE, ROOT, ENGLISH_NLS, TRANSLATED_BUNDLE, TRANSLATED_NLS,
  compareTranslations, describe as describeProblems, dynamicCalls, dynamicTemplates, englishBundle, literalCalls, manifestKeys, preservedTokens, problemCount,
  readBundle, runtimeStrings, walkthroughMediaProblems, type Bundle,
} from '../l10n/catalog';

describe('l10n: every string in English and Simplified Chinese', function () {
  // @vscode/l10n-dev parses every source file with tree-sitter (WebAssembly): a few seconds on a slow machine.
  this.timeout(60_000);
  let english: Bundle;
  let origins: Map<string, string[]>;

  before(async () => {
    origins = await runtimeStrings();
    english = await englishBundle();
  });

  it(`${ENGLISH_BUNDLE} lists exactly the runtime strings of the sources (npm run l10n regenerates it)`, () => {
    const written = readBundle(ENGLISH_BUNDLE);
    const added = Object.keys(english).filter((key) => !(key in written));
    const removed = Object.keys(written).filter((key) => !(key in english));
    assert.deepEqual({ added, removed }, { added: [], removed: [] }, `${ENGLISH_BUNDLE} is out of date: run npm run l10n`);
    assert.ok(Object.keys(english).length > 400, `found ${Object.keys(english).length} runtime strings`);
  });

  it('every vscode.l10n.t call with a variable message has its English templates gathered', () => {
    const unknown = dynamicCalls().filter((call) => !(call in DYNAMIC_CALLS));
    assert.deepEqual(unknown, [], 'list the call in DYNAMIC_CALLS (test/l10n/catalog.ts) and gather its templates in dynamicTemplates()');
    assert.deepEqual(dynamicCalls().sort(), Object.keys(DYNAMIC_CALLS).sort(), 'every listed dynamic call still exists');
  });

  it(`${TRANSLATED_BUNDLE}: every runtime string translated, placeholders kept, nothing stale`, () => {
    const problems = compareTranslations(english, readBundle(TRANSLATED_BUNDLE));
    assert.equal(problemCount(problems), 0, `\n${describeProblems(problems, TRANSLATED_BUNDLE, origins)}`);
  });

  it(`${TRANSLATED_NLS}: every contribution string translated, ids and links kept, nothing stale`, () => {
    const problems = compareTranslations(readBundle(ENGLISH_NLS), readBundle(TRANSLATED_NLS));
    assert.equal(problemCount(problems), 0, `\n${describeProblems(problems, TRANSLATED_NLS)}`);
  });

  it(`every %key% in package.json is defined in ${ENGLISH_NLS}, and every key there is used`, () => {
    const used = manifestKeys();
    const defined = Object.keys(readBundle(ENGLISH_NLS));
    assert.deepEqual(used.filter((key) => !defined.includes(key)), [], 'undefined keys');
    assert.deepEqual(defined.filter((key) => !used.includes(key)), [], 'unused keys');
  });

  it("the chat tools' texts are runtime strings: l10n.t calls on a parameter (src/chat/toolText.ts) and the input refusals (src/chat/toolInput.ts)", () => {
    const texts = literalCalls('src/chat/toolText.ts');
    assert.ok(texts.length > 50, `${texts.length} texts`);
    assert.ok(texts.includes('OKX Earn, {0}, profile {1}'));
    const refusals = [...dynamicTemplates()].filter(([, file]) => file === 'src/chat/toolInput.ts').map(([template]) => template);
    assert.ok(refusals.length >= 8, `${refusals.length} refusals`);
    assert.deepEqual([...texts, ...refusals].filter((message) => !(message in english)), []);
    assert.deepEqual([...texts, ...refusals].filter((message) => !(message in readBundle(ENGLISH_BUNDLE))), [], `${ENGLISH_BUNDLE} is out of date: run npm run l10n`);
  });

  it('the walkthrough has its media in both languages, with the same links', () => {
    assert.deepEqual(walkthroughMediaProblems(), []);
  });

  it("the panels' texts are runtime strings: every label in src/panels/labels.ts is a vscode.l10n.t call", () => {
    const source = ts.createSourceFile('labels.ts', readFileSync(path.join(ROOT, 'src/panels/labels.ts'), 'utf8'), ts.ScriptTarget.Latest, true);
    const labels: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node)) {
        const value = node.initializer;
        assert.ok(ts.isCallExpression(value) && value.expression.getText() === 'vscode.l10n.t', `${node.name.getText()} is ${value.getText()}`);
        const [message] = value.arguments;
        assert.ok(message !== undefined && ts.isStringLiteralLike(message));
        labels.push(message.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    assert.ok(labels.length > 30, `${labels.length} labels`);
    assert.deepEqual(labels.filter((label) => !(label in english)), []);
  });
});

describe('l10n: the completeness check itself', () => {
  const english: Bundle = {
    'Refresh': 'Refresh',
    'OKSOL': 'OKSOL',
    '{0}: {1}': '{0}: {1}',
    'Could not load {0}': 'Could not load {0}',
    'Check the okxEarn.environment setting (50119).': 'Check the okxEarn.environment setting (50119).',
    'Remove {name}?': 'Remove {name}?',
  };

  it('reports a string added in English without a translation', () => {
    const problems = compareTranslations({ ...english, 'New string': 'New string' }, {
      'Refresh': '刷新', 'OKSOL': 'OKSOL', '{0}: {1}': '{0}：{1}', 'Could not load {0}': '无法加载{0}',
      'Check the okxEarn.environment setting (50119).': '请检查 okxEarn.environment 设置 (50119)。', 'Remove {name}?': '删除 {name}？',
    });
    assert.deepEqual(problems.missing, ['New string']);
    assert.equal(problemCount(problems), 1);
    assert.match(describeProblems(problems, 'zh.json', new Map([['New string', ['src/x.ts']]])), /1 string\(s\) without a translation:\n {2}"New string" {2}\(src\/x\.ts\)/);
  });

  it('reports a translation left identical to the English, except names kept as they are and letter-free strings', () => {
    const problems = compareTranslations(english, { ...english, 'Could not load {0}': '无法加载{0}', 'Check the okxEarn.environment setting (50119).': '请检查 okxEarn.environment 设置 (50119)。', 'Remove {name}?': '删除 {name}？' });
    assert.deepEqual(problems.identical, ['Refresh']);
  });

  it('reports a lost or renamed placeholder, a changed setting id, error code or link', () => {
    const problems = compareTranslations(english, {
      'Refresh': '刷新', 'OKSOL': 'OKSOL', '{0}: {1}': '{0}：', 'Could not load {0}': '无法加载{1}',
      'Check the okxEarn.environment setting (50119).': '请检查 okxEarn.env 设置 (50110)。', 'Remove {name}?': '删除 {名称}？',
    });
    assert.deepEqual(problems.tokens.map((t) => t.key), ['{0}: {1}', 'Could not load {0}', 'Check the okxEarn.environment setting (50119).', 'Remove {name}?']);
    assert.deepEqual(problems.tokens[2], { key: 'Check the okxEarn.environment setting (50119).', lost: ['okxEarn.environment', '50119'], added: ['okxEarn.env', '50110'] });
  });

  it('reports translations of strings the English no longer has', () => {
    const problems = compareTranslations({ Refresh: 'Refresh' }, { Refresh: '刷新', Gone: '没了' });
    assert.deepEqual(problems.stale, ['Gone']);
  });

  it("counts OKX's Chinese pages (/zh-hans/) as the same link", () => {
    assert.deepEqual([...preservedTokens('[Create](https://www.okx.com/zh-hans/account/my-api)')], ['https://www.okx.com/account/my-api']);
    assert.deepEqual([...preservedTokens('see https://www.okx.com/account/my-api.')], ['https://www.okx.com/account/my-api']);
  });
});

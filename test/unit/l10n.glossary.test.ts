import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, TRANSLATED_BUNDLE, readBundle } from '../l10n/catalog';
import { GLOSSARY, describeGlossaryProblems, glossaryProblems, textProblems } from '../l10n/glossary';

describe('l10n: one term per concept in Simplified Chinese (test/l10n/glossary.ts)', () => {
  it('no zh-cn text (runtime bundle, contribution strings, walkthrough media) uses a form the glossary rules out', () => {
    const problems = glossaryProblems();
    assert.equal(problems.length, 0, `\n${describeGlossaryProblems(problems)}`);
  });

  it('the status bar, the Loans rows and the rows with a yield say 质押率 and 年化, as the panels and the Overview do', () => {
    const zh = readBundle(TRANSLATED_BUNDLE);
    assert.equal(zh['LTV {0}'], '质押率 {0}');
    assert.equal(zh['LTV ≈ {0} live'], '质押率 ≈ {0}（实时）');
    assert.equal(zh['LTV {0} · call {1}'], '质押率 {0} · 预警 {1}');
    assert.equal(zh['Current LTV'], '当前质押率');
    assert.equal(zh['APY {0}'], '年化 {0}');
    assert.equal(zh['APR {0}'], '年化 {0}');
    assert.equal(zh['Weighted APY'], '加权年化收益率');
    assert.equal(zh['APY'], '年化收益率');
    assert.equal(zh['APR'], '年化收益率');
  });

  it('catches the forms it rules out, and lets the glossary\'s own through', () => {
    // The old zh-cn of the status bar, a Loans row, a Stable Rewards row and the LTV table.
    assert.notDeepEqual(textProblems('LTV ≈ {0}（实时）'), []);
    assert.notDeepEqual(textProblems('LTV {0} · 预警 {1}'), []);
    assert.notDeepEqual(textProblems('APY {0}'), []);
    assert.notDeepEqual(textProblems('OKUSD APR（每日）'), []);
    assert.notDeepEqual(textProblems('清算价格'), []);
    assert.notDeepEqual(textProblems('抵押物 {0}'), []);
    assert.notDeepEqual(textProblems('稳定奖励 {0}', '{0} Stable Rewards'), [], 'a kept name translated');
    // The glossary's own forms.
    assert.deepEqual(textProblems('质押率 (LTV)'), []);
    assert.deepEqual(textProblems('借币质押率（LTV）'), []);
    assert.deepEqual(textProblems('质押率 {0} · 预警 {1} · 强平 {2}'), []);
    assert.deepEqual(textProblems('年化 {0}'), []);
    assert.deepEqual(textProblems('{0} Stable Rewards 年化收益率', '{0} Stable Rewards APY'), []);
    // Ids and settings are not words: okxEarn.ltvWarningPoints, okxEarn.openLtv.
    assert.deepEqual(textProblems('设置 okxEarn.ltvWarningPoints；命令 okxEarn.openLtv'), []);
  });

  it("is the README's glossary: every zh-cn term the check names is in the Languages section", () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const languages = readme.slice(readme.indexOf('## Languages'), readme.indexOf('\n## ', readme.indexOf('## Languages') + 1));
    for (const term of GLOSSARY) {
      for (const word of term.zh.match(/[\u4e00-\u9fff]+/g) ?? []) assert.ok(languages.includes(word), `README: ${word} (${term.concept})`);
    }
  });
});

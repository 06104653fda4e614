import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { pageDirs, pageFiles, readPages } from '../fixtures/okxPages';
import { asStored, readReference } from '../fixtures/okxReference';

describe('fixtures: test/fixtures/okx-reference.json against OKX\'s pages', () => {
  it('holds what the pages in ../shared say now (rewrite it with `npm run fixtures`)', function () {
    const missing = pageFiles().filter((file) => !existsSync(file));
    if (missing.length > 0) {
      const { seeds, docs2026 } = pageDirs();
      console.log(`    OKX's pages are absent (${seeds}, ${docs2026}): the fixtures are not checked against them; every other test runs from the fixtures.`);
      this.skip();
    }
    const pages = asStored(readPages());
    const fixture = readReference();
    for (const part of ['january', 'chapter2026', 'account2026'] as const) {
      assert.deepEqual(fixture[part], pages[part], `${part} differs from the pages: run npm run fixtures`);
    }
  });
});

// `npm run readme:screenshots`: copies the README's pictures from the last e2e run (test-results/screenshots/,
// written by `npm run test:e2e`) to docs/screenshots/, so the README shows the extension as the tests saw it.
// Fails, copying nothing, when the e2e run did not write one of them.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const README_SCREENSHOTS = [
  'npm-run-sandbox-toast-dark', 'overview-light', 'panel-portfolio-dark', 'panel-ltv-light', 'panel-ltv-hc',
  'chart-savings-hover-light', 'chart-savings-year-dark', 'narrow-light-300-loans', 'narrow-hc-250-products',
  'purchase-confirmation', 'zh-cn-sidebar-loans', 'sandbox-more-earn', 'panel-dual-order-dark', 'panel-okusd-chart-light',
  'panel-stable-hc',
];
const from = path.join(root, 'test-results', 'screenshots');
const to = path.join(root, 'docs', 'screenshots');
const missing = README_SCREENSHOTS.filter((name) => !existsSync(path.join(from, `${name}.png`)));
if (missing.length > 0) {
  console.error(`Not in ${from} (run npm run test:e2e first): ${missing.join(', ')}`);
  process.exit(1);
}
mkdirSync(to, { recursive: true });
for (const name of README_SCREENSHOTS) copyFileSync(path.join(from, `${name}.png`), path.join(to, `${name}.png`));
console.log(`${README_SCREENSHOTS.length} screenshots copied to ${path.relative(root, to)}/`);

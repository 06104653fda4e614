/**
 * Entry point of the zh-cn run (runIntegration.ts): a fresh window whose display language is Simplified
 * Chinese. The walkthrough runs first, because VS Code completes a step on an event only the first time the
 * window sees it; then the views, commands and panels in Chinese.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

const ORDER = ['walkthrough.test.js', 'chinese.test.js'];

export function run(): Promise<void> {
  const found = readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort();
  if (JSON.stringify(found) !== JSON.stringify([...ORDER].sort())) {
    return Promise.reject(new Error(`zh-cn suite: expected ${ORDER.join(', ')}, found ${found.join(', ')}`));
  }
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  for (const file of ORDER) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}

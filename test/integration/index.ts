/** Entry point that VS Code's extension host loads with --extensionTestsPath: runs every *.test.js here. */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { SKIP_SUITES_ENV, suiteRuns } from '../host/integrationSuites';

export function run(): Promise<void> {
  // OKX_EARN_INTEGRATION_GREP runs only the tests whose titles match (the extension host inherits the environment).
  const grep = process.env.OKX_EARN_INTEGRATION_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', ...(grep === undefined || grep === '' ? {} : { grep }) });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js') && suiteRuns(name, process.env[SKIP_SUITES_ENV])).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}

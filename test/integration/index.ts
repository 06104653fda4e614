/** Entry point that VS Code's extension host loads with --extensionTestsPath: runs every *.test.js here. */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { SKIP_SUITES_ENV, suiteRuns, testRuns } from '../host/integrationSuites';

/** Leaves out, through the suite tree, the tests that do not run on this build (../host/integrationSuites). */
function leaveOut(suite: Mocha.Suite, skip: string | undefined): void {
  suite.tests = suite.tests.filter((test) => testRuns(test.title, skip));
  for (const child of suite.suites) leaveOut(child, skip);
}

export function run(): Promise<void> {
  // OKX_EARN_INTEGRATION_GREP runs only the tests whose titles match (the extension host inherits the environment).
  const grep = process.env.OKX_EARN_INTEGRATION_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', ...(grep === undefined || grep === '' ? {} : { grep }) });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js') && suiteRuns(name, process.env[SKIP_SUITES_ENV])).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  // As each file is loaded, what this build leaves out is taken from the tree.
  mocha.suite.on(Mocha.Suite.constants.EVENT_FILE_POST_REQUIRE, () => leaveOut(mocha.suite, process.env[SKIP_SUITES_ENV]));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}

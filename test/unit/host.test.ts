import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { CODE_SERVER_BUILDS, PROJECT_ROOT, buildFor, cacheDir, codeServerCache } from '../host/codeServer';
import { LATEST_ONLY_SUITES, LATEST_ONLY_TESTS, suiteRuns, suitesToSkip, testRuns } from '../host/integrationSuites';
import { chooseHost } from '../host/runIntegration';
import { parseLaunchArgs } from '../host/vscodeStandIn';
import { WorkbenchLogFilter } from '../host/workbenchLog';

describe('test host: VS Code stand-in', () => {
  it('reads the Electron-style arguments runTests passes', () => {
    const args = parseLaunchArgs([
      '/ws',
      '--disable-extensions',
      '--extensionDevelopmentPath=/ext',
      '--extensionTestsPath=/ext/out/test/integration/index.js',
      '--user-data-dir',
      '/tmp/ud',
      '--extensions-dir=/tmp/ex',
    ]);
    assert.deepEqual(args, {
      folder: path.resolve('/ws'),
      extensionDevelopmentPath: '/ext',
      extensionTestsPath: '/ext/out/test/integration/index.js',
      userDataDir: '/tmp/ud',
      extensionsDir: '/tmp/ex',
    });
  });

  it('chooses code-server where it can run, electron otherwise, and obeys the override', () => {
    assert.equal(chooseHost(undefined, () => true), 'code-server');
    assert.equal(chooseHost('auto', () => false), 'electron');
    assert.equal(chooseHost('electron', () => true), 'electron');
    assert.equal(chooseHost('code-server', () => false), 'code-server');
    assert.throws(() => chooseHost('desktop', () => true), /code-server, electron or auto/);
  });

  it('keeps the code-server builds outside the clone, one folder per version', () => {
    assert.equal(codeServerCache({}, '/home/me'), '/home/me/.cache/okx-earn/code-server');
    assert.equal(codeServerCache({ XDG_CACHE_HOME: '/var/cache/ci' }, '/home/me'), '/var/cache/ci/okx-earn/code-server');
    assert.equal(codeServerCache({ XDG_CACHE_HOME: '/var/cache/ci', OKX_EARN_CODE_SERVER_CACHE: '/builds' }, '/home/me'), '/builds');
    for (const build of Object.values(CODE_SERVER_BUILDS)) {
      assert.equal(cacheDir(build, '/c'), `/c/${build.codeServer}-node-${build.node}`, 'a new version is a new folder, installed when missing');
    }
    assert.ok(!cacheDir(CODE_SERVER_BUILDS.latest).startsWith(PROJECT_ROOT + path.sep), 'not inside the clone');
  });

  it('hides offline workbench chatter and its stack, but never test output', () => {
    const filter = new WorkbenchLogFilter();
    const lines = [
      'getaddrinfo ENOTFOUND open-vsx.org: Failed',
      '    at egt.queryRawGalleryExtensions (workbench.js:1:1)',
      '  Activation',
      '    ✔ activates',
      '  1) Deliberate failure',
      '      AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:',
      '    at Context.<anonymous> (out/test/integration/x.test.js:37:65)',
      '[AgentHost] No signed-in session resolved',
    ];
    assert.deepEqual(
      lines.filter((line) => filter.accept(line)),
      [lines[2], lines[3], lines[4], lines[5], lines[6]],
    );
  });
});

describe('test host: the VS Code builds we test against', () => {
  it("engines.vscode is the lowest build the integration suite runs on, and @types/vscode matches it", () => {
    const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      engines: { vscode: string };
      devDependencies: Record<string, string>;
    };
    const [major, minor] = CODE_SERVER_BUILDS.lowest.vscode.split('.');
    assert.equal(manifest.engines.vscode, `^${major}.${minor}.0`);
    assert.equal(manifest.devDependencies['@types/vscode'], `~${major}.${minor}.0`);
  });

  it('finds a build by VS Code version, the latest by default', () => {
    assert.equal(buildFor(undefined), CODE_SERVER_BUILDS.latest);
    assert.equal(buildFor('1.100.3'), CODE_SERVER_BUILDS.lowest);
    assert.throws(() => buildFor('1.0.0'), /No code-server build/);
  });
});

describe('test host: which integration suites run on which build', () => {
  const suites = readdirSync(path.join(PROJECT_ROOT, 'test', 'integration')).filter((name) => name.endsWith('.test.ts'));

  it('the latest build runs every suite; the lowest leaves out the suites of our own flows and figures, each of which exists', () => {
    for (const name of LATEST_ONLY_SUITES) assert.ok(suites.includes(`${name}.test.ts`), `${name}.test.ts`);
    assert.equal(suitesToSkip('latest', {}), '');
    const lowest = suitesToSkip('lowest', {});
    assert.deepEqual(suites.filter((name) => !suiteRuns(name, lowest)).map((name) => name.replace('.test.ts', '')), [...LATEST_ONLY_SUITES].sort());
    assert.equal(suitesToSkip('lowest', { OKX_EARN_INTEGRATION_FULL: '1' }), '', 'every suite on request');
  });

  it('the tests of our own logic inside the surface suites run on the latest build only, and each exists by its title', () => {
    const sources = suites.map((name) => readFileSync(path.join(PROJECT_ROOT, 'test', 'integration', name), 'utf8')).join('\n');
    for (const title of LATEST_ONLY_TESTS) {
      assert.ok(sources.includes(`it(${JSON.stringify(title)}`) || sources.includes(`it('${title}'`), title);
      assert.equal(testRuns(title, suitesToSkip('latest', {})), true, `${title} on the latest build`);
      assert.equal(testRuns(title, suitesToSkip('lowest', {})), false, `${title} not on the lowest`);
    }
    assert.equal(testRuns('activates and reports how long activate() took', suitesToSkip('lowest', {})), true);
  });

  it("the suites that meet VS Code's own surfaces run on both builds", () => {
    const lowest = suitesToSkip('lowest', {});
    for (const name of ['activation', 'walkthrough', 'sidebar', 'panels', 'moreEarn', 'statusBarLive', 'chat', 'network', 'lazyLoading']) {
      assert.ok(suiteRuns(`${name}.test.js`, lowest), name);
    }
  });
});

/**
 * mocha's spec reporter, plus where the e2e run's time went: at the end, the time in tests, in hooks (each hook of a
 * second or more by name: a workbench opens and closes in them) and outside both (loading, setup), and each test's
 * time, so that a slow run says what was slow.
 */
import * as Mocha from 'mocha';

const { EVENT_HOOK_BEGIN, EVENT_HOOK_END, EVENT_TEST_END, EVENT_RUN_END } = Mocha.Runner.constants;

class TimingReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    let hookStarted = 0;
    let hooksMs = 0;
    let testsMs = 0;
    const slowHooks: string[] = [];
    const tests: string[] = [];
    runner.on(EVENT_HOOK_BEGIN, () => {
      hookStarted = Date.now();
    });
    runner.on(EVENT_HOOK_END, (hook: Mocha.Hook) => {
      const ms = Date.now() - hookStarted;
      hooksMs += ms;
      if (ms >= 1000) slowHooks.push(`${(ms / 1000).toFixed(1).padStart(6)} s  ${hook.fullTitle()}`);
    });
    runner.on(EVENT_TEST_END, (test: Mocha.Test) => {
      testsMs += test.duration ?? 0;
      tests.push(`${((test.duration ?? 0) / 1000).toFixed(1).padStart(6)} s  ${test.parent?.title ?? ''}: ${test.title}`);
    });
    runner.once(EVENT_RUN_END, () => {
      const totalMs = process.uptime() * 1000;
      const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
      console.log('  where the time went:');
      console.log(`    whole run ${seconds(totalMs)}: tests ${seconds(testsMs)}, hooks ${seconds(hooksMs)}, the rest (loading, setup, reporting) ${seconds(totalMs - testsMs - hooksMs)}`);
      console.log('    hooks of a second or more:');
      for (const line of slowHooks) console.log(`    ${line}`);
      console.log('    tests, in the order they ran:');
      for (const line of tests) console.log(`    ${line}`);
      console.log();
    });
  }
}

export = TimingReporter;

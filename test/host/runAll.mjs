// `npm test`: every suite (lint, typecheck, unit, the bench's quick mode, integration in VS Code, package, e2e), each
// runner's own summary printed as it runs, then one closing line over all mocha suites and each step's time. Exits
// non-zero if anything failed. Lint and the webview's typecheck (CPU only, nothing timed) run alongside the unit
// tests and the bench's quick mode after them (its waits are on simulated windows), their output printed when those
// end; nothing runs alongside VS Code, whose suites include timing-sensitive tests.
import { spawn } from 'node:child_process';

const steps = [
  {
    name: 'unit',
    script: 'test:unit',
    mocha: true,
    // After the unit tests, in their lane: the bench's quick mode (its waits are on simulated windows, and it
    // asserts no time).
    then: [{ name: 'bench', script: 'bench:quick' }],
    alongside: [
      { name: 'lint', script: 'lint' },
      // The root project was type-checked as it compiled (`pretest`: tsc -p . --outDir out): only the webview's is left.
      { name: 'typecheck', script: 'typecheck:webview' },
    ],
  },
  { name: 'integration', script: 'test:integration', mocha: true },
  { name: 'package', script: 'package' },
  { name: 'e2e', script: 'test:e2e', mocha: true },
];

/** Runs `npm run <script>`; its output is echoed as it comes unless `quiet` (then only kept). */
function run(script, quiet = false) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (!quiet) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      if (!quiet) process.stderr.write(chunk);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }));
  });
}

/** Sums every mocha summary line of a step (the integration step runs mocha once per VS Code build). */
function count(output, word) {
  return [...output.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))].reduce((sum, match) => sum + Number(match[1]), 0);
}

/**
 * The titles of the failed tests in a step's output, from mocha's list after "N failing" (`  1) Suite` then the
 * nested titles, the test's own ending in ":"), so the closing summary names them where a CI log's tail shows it.
 */
function failedTitles(output) {
  const titles = [];
  const lists = output.split(/^\s*(\d+) failing\s*$/m);
  for (let at = 1; at + 1 < lists.length; at += 2) {
    const count = Number(lists[at]);
    const lines = lists[at + 1].split('\n');
    let next = 1;
    for (let i = 0; i < lines.length && next <= count; i++) {
      const first = new RegExp(`^  ${next}\\) (.*)$`).exec(lines[i]);
      if (first === null) continue;
      const parts = [first[1].trim()];
      while (!parts[parts.length - 1].endsWith(':') && i + 1 < lines.length && lines[i + 1].trim() !== '') {
        parts.push(lines[++i].trim());
      }
      // Then the error itself (an assertion's diff comes after a blank line), up to its stack, the next test or
      // eight lines, so the log's tail says why.
      const why = [];
      while (i + 1 < lines.length && lines[i + 1].trim() === '' && i + 2 < lines.length && lines[i + 2].trim() !== '') i++;
      while (why.length < 8 && i + 1 < lines.length && !/^\s*at /.test(lines[i + 1]) && !new RegExp(`^  ${next + 1}\\) `).test(lines[i + 1])) {
        const line = lines[++i].trim();
        if (line !== '') why.push(line.slice(0, 240));
      }
      titles.push(parts.join(' › ').replace(/:$/, '') + (why.length === 0 ? '' : `\n      ${why.join('\n      ')}`));
      next++;
    }
  }
  return titles;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const results = [];
const failures = [];
/** Counts a finished step into the totals and the summary. */
function record(step, { code, output, seconds }, alongside = '') {
  let note = code === 0 ? 'ok' : `FAILED (exit ${code})`;
  if (step.mocha) {
    const passed = count(output, 'passing');
    let failed = count(output, 'failing');
    const skipped = count(output, 'pending');
    // A runner that died before its summary still counts as a failure.
    if (code !== 0 && failed === 0) failed = 1;
    if (code === 0 && passed === 0) {
      note = 'FAILED (no test ran)';
      failed = 1;
    }
    totals.passed += passed;
    totals.failed += failed;
    totals.skipped += skipped;
    note += `: ${passed} passed, ${failed} failed, ${skipped} skipped`;
    for (const title of failedTitles(output)) failures.push(`${step.name}: ${title}`);
  } else if (code !== 0) {
    totals.failed += 1;
  }
  results.push(`${step.name.padEnd(12)} ${seconds.toFixed(1).padStart(6)} s  ${note}${alongside}`);
}

for (const step of steps) {
  const alongside = step.alongside ?? [];
  // Started together with the step, one after another, their output kept until the step ends.
  const others = alongside.length === 0 ? undefined : (async () => {
    const done = [];
    for (const other of alongside) done.push(await run(other.script, true));
    return done;
  })();
  const names = alongside.map((other) => other.name).join(' and ');
  console.log(`\n=== ${step.name} (npm run ${step.script})${names === '' ? '' : `, with ${names} alongside`} ===`);
  record(step, await run(step.script));
  for (const next of step.then ?? []) {
    console.log(`\n=== ${next.name} (npm run ${next.script}), after ${step.name} ===`);
    record(next, await run(next.script), `  (after ${step.name})`);
  }
  if (others !== undefined) {
    const done = await others;
    alongside.forEach((other, i) => {
      console.log(`\n=== ${other.name} (npm run ${other.script}), alongside ${step.name} ===`);
      process.stdout.write(done[i].output);
      record(other, done[i], `  (alongside ${step.name})`);
    });
  }
}

console.log('\n=== summary ===');
for (const line of results) console.log(line);
if (failures.length > 0) {
  console.log('\nfailed:');
  for (const line of failures) console.log(`  ${line}`);
}
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);

// `npm test`: every suite in order (lint, typecheck, unit, the bench's quick mode, integration in VS Code, e2e), each runner's own
// summary printed as it runs, then one closing line over all mocha suites. Exits non-zero if anything failed.
import { spawn } from 'node:child_process';

const steps = [
  { name: 'lint', script: 'lint' },
  // The root project was type-checked as it compiled (`pretest`: tsc -p . --outDir out): only the webview's is left.
  { name: 'typecheck', script: 'typecheck:webview' },
  { name: 'unit', script: 'test:unit', mocha: true },
  // Every section of `npm run bench` with tiny sizes and no timing asserted: a section that breaks fails here.
  { name: 'bench', script: 'bench:quick' },
  { name: 'integration', script: 'test:integration', mocha: true },
  { name: 'package', script: 'package' },
  { name: 'e2e', script: 'test:e2e', mocha: true },
];

function run(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Sums every mocha summary line of a step (the integration step runs mocha once per VS Code build). */
function count(output, word) {
  return [...output.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))].reduce((sum, match) => sum + Number(match[1]), 0);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const results = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} (npm run ${step.script}) ===`);
  const started = Date.now();
  const { code, output } = await run(step.script);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
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
  } else if (code !== 0) {
    totals.failed += 1;
  }
  results.push(`${step.name.padEnd(12)} ${seconds.padStart(6)} s  ${note}`);
}

console.log('\n=== summary ===');
for (const line of results) console.log(line);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);

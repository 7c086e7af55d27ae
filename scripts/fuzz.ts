/**
 * `npm run fuzz`: the fast-check properties of tests/hardening/fuzz.test.ts at 100,000 cases each
 * (FUZZ_RUNS overrides; the test command runs them at a few hundred).
 */
import { startVitest } from 'vitest/node';

process.env.FUZZ_RUNS ??= '100000';
process.stderr.write(`fuzz: ${process.env.FUZZ_RUNS} cases per property\n`);
const vitest = await startVitest('test', ['tests/hardening/fuzz.test.ts'], { run: true, watch: false });
await vitest.close();
process.exitCode = vitest.state.getCountOfFailedTests() > 0 || process.exitCode ? 1 : 0;

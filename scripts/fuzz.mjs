// npm run test:fuzz: the fuzz at full size, 1,000 seeded random gateways (about 12,000 requests);
// CI runs it after npm test, which runs 100. FUZZ_CASES, FUZZ_SEED, FUZZ_CASE and FUZZ_WORKERS
// still apply (see test/integration/fuzz.test.ts).
import { spawnSync } from 'node:child_process';

const env = { ...process.env, FUZZ_CASES: process.env.FUZZ_CASES ?? '1000' };
const mocha = ['node_modules/mocha/bin/mocha.js', '--no-config', '--ui', 'tdd', '--timeout', '0', '--require', 'out/test/support/mochaHooks.js'];
const result = spawnSync(process.execPath, [...mocha, 'out/test/integration/fuzz.test.js'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);

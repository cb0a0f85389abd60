// The whole gate: lint, type-check, unit tests, browser tests, then one plain summary line that
// CI reads ("N passed, N failed"), counting unit and browser tests together.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { e2eCounts, unitCounts } from './summary.mjs';

const RESULTS = 'test-results';
const UNIT_JSON = `${RESULTS}/unit.json`;
const E2E_JSON = `${RESULTS}/e2e.json`;

/** @param {string} path */
function readJson(path) {
	if (!existsSync(path)) return undefined;
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return undefined;
	}
}

/**
 * @param {string} label
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 */
function run(label, command, args, env = {}) {
	console.log(`\n▶ ${label}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status === 0;
}

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

let gateFailures = 0;
if (!run('lint', 'npm', ['run', 'lint'])) gateFailures += 1;
if (!run('type-check', 'npm', ['run', 'check'])) gateFailures += 1;
run('unit tests', 'npx', [
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${UNIT_JSON}`
]);
// Unit tests run at UTC+14 (vite.config.ts); CI runs them again in UTC, counting a failure there
// as one gate failure (the passes are the same tests, counted once).
if (process.env.CI && !run('unit tests in UTC', 'npx', ['vitest', 'run'], { TZ: 'UTC' }))
	gateFailures += 1;
run('browser tests', 'node', ['scripts/e2e.mjs']);

const unit = unitCounts(readJson(UNIT_JSON));
const e2e = e2eCounts(readJson(E2E_JSON));
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed + gateFailures;
console.log(
	`\nunit: ${unit.passed} passed, ${unit.failed} failed; browser: ${e2e.passed} passed, ${e2e.failed} failed; lint/type-check/UTC failures: ${gateFailures}`
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

// The whole gate: lint, type-check, unit tests, browser tests, then one plain summary line that
// CI reads ("N passed, N failed"), counting unit and browser tests together.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { e2eCounts, unitCounts, unitFailures } from './summary.mjs';

const RESULTS = 'test-results';
const UNIT_JSON = `${RESULTS}/unit.json`;
const E2E_JSON = `${RESULTS}/e2e.json`;
const UNIT_UTC_JSON = `${RESULTS}/unit-utc.json`;

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

/** The gates that failed, by name (and for the UTC run, its failed tests). */
const failedGates = [];
if (!run('lint', 'npm', ['run', 'lint'])) failedGates.push('lint');
if (!run('type-check', 'npm', ['run', 'check'])) failedGates.push('type-check');
run('unit tests', 'npx', [
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${UNIT_JSON}`
]);
// Unit tests run at UTC+14 (vite.config.ts); CI runs them again in UTC, counting a failure there
// as one gate failure (the passes are the same tests, counted once).
if (
	process.env.CI &&
	!run(
		'unit tests in UTC',
		'npx',
		[
			'vitest',
			'run',
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${UNIT_UTC_JSON}`
		],
		{ TZ: 'UTC' }
	)
)
	failedGates.push(`unit tests in UTC (${unitFailures(readJson(UNIT_UTC_JSON)).join('; ')})`);
run('browser tests', 'node', ['scripts/e2e.mjs']);

const unitReport = readJson(UNIT_JSON);
const unit = unitCounts(unitReport);
if (unit.failed) console.log(`\nfailed unit tests: ${unitFailures(unitReport).join('; ')}`);
const e2e = e2eCounts(readJson(E2E_JSON));
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed + failedGates.length;
console.log(
	`\nunit: ${unit.passed} passed, ${unit.failed} failed; browser: ${e2e.passed} passed, ${e2e.failed} failed; lint/type-check/UTC failures: ${failedGates.length}${failedGates.length ? ` (${failedGates.join(', ')})` : ''}`
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

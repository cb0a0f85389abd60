import { describe, expect, it } from 'vitest';
import { e2eCounts, unitCounts, unitFailures } from './summary.mjs';

describe('test summary counts', () => {
	it('reads passed and failed unit tests, counting skipped and crashed files as failures', () => {
		const report = {
			numPassedTests: 7,
			numFailedTests: 1,
			numPendingTests: 1,
			numTodoTests: 0,
			testResults: [
				{ status: 'passed', assertionResults: [{}] },
				{ status: 'failed', assertionResults: [] }
			]
		};
		expect(unitCounts(report)).toEqual({ passed: 7, failed: 3 });
	});

	it('treats a missing report as a failure, never as a clean run', () => {
		expect(unitCounts(undefined)).toEqual({ passed: 0, failed: 1 });
		expect(e2eCounts(undefined)).toEqual({ passed: 0, failed: 1 });
	});

	it('counts skipped, flaky and errored browser runs as failures', () => {
		const report = { stats: { expected: 4, unexpected: 1, flaky: 1, skipped: 2 }, errors: [{}] };
		expect(e2eCounts(report)).toEqual({ passed: 4, failed: 5 });
	});

	it('names each failed unit test and crashed file, so a log tail shows what failed', () => {
		const report = {
			testResults: [
				{
					name: `${process.cwd()}/src/a.spec.ts`,
					status: 'failed',
					assertionResults: [
						{ status: 'passed', fullName: 'a works' },
						{ status: 'failed', fullName: 'a at midnight' }
					]
				},
				{ name: `${process.cwd()}/src/b.spec.ts`, status: 'failed', assertionResults: [] },
				{ name: `${process.cwd()}/src/c.spec.ts`, status: 'passed', assertionResults: [{}] }
			]
		};
		expect(unitFailures(report)).toEqual(['src/a.spec.ts › a at midnight', 'src/b.spec.ts']);
		expect(unitFailures(undefined)).toEqual(['no unit report was written']);
	});
});

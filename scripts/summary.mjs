// Turns the runners' JSON reports into counts. A missing report means the runner never got to
// report (crash, no browser), which must read as a failure, never as "0 failed".

/** @param {any} report Vitest's JSON report, or undefined when none was written. */
export function unitCounts(report) {
	if (!report || !Array.isArray(report.testResults)) return { passed: 0, failed: 1 };
	const crashedFiles = report.testResults.filter(
		(/** @type {any} */ file) => file.status === 'failed' && file.assertionResults.length === 0
	).length;
	return {
		passed: report.numPassedTests,
		failed: report.numFailedTests + report.numPendingTests + report.numTodoTests + crashedFiles
	};
}

/**
 * @param {any} report Playwright's JSON report, or undefined when none was written.
 * Skipped tests count as failures: nothing may be skipped silently.
 */
export function e2eCounts(report) {
	if (!report || typeof report.stats !== 'object') return { passed: 0, failed: 1 };
	const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
	const errors = Array.isArray(report.errors) ? report.errors.length : 0;
	return { passed: expected, failed: unexpected + flaky + skipped + errors };
}

/**
 * The failed unit tests by name ("file › test"), crashed files as "file" alone: what a CI log
 * that keeps only its tail must still show.
 * @param {any} report Vitest's JSON report, or undefined when none was written.
 * @returns {string[]}
 */
export function unitFailures(report) {
	if (!report || !Array.isArray(report.testResults)) return ['no unit report was written'];
	return report.testResults.flatMap((/** @type {any} */ file) => {
		const name = String(file.name ?? '').replace(`${process.cwd()}/`, '');
		if (file.status === 'failed' && file.assertionResults.length === 0) return [name];
		return file.assertionResults
			.filter((/** @type {any} */ test) => test.status === 'failed')
			.map((/** @type {any} */ test) => `${name} › ${test.fullName}`);
	});
}

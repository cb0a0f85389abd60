/** The `--report` of `npm run questions`: counts per kind, form and framework, then each lint. */
import type { Bank } from '../src/lib/domain/bank/bank';
import { LINT_RULES, type LintRule, lintBank } from '../src/lib/bank-generator/bank-lints';

/** The question's form: what its id adds to the fact id ("recall", "odd-one-out", "order"…). */
export function formOf(id: string, fact: string): string {
	const rest = id.slice(fact.length + 1);
	const last = rest.split('.').at(-1) ?? rest;
	return last;
}

function table(title: string, counts: Map<string, number>): string {
	const rows = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
	const width = Math.max(title.length, ...rows.map(([name]) => name.length));
	return [title, ...rows.map(([name, n]) => `  ${name.padEnd(width)}  ${n}`)].join('\n');
}

function count<T>(values: T[], key: (value: T) => string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const value of values) counts.set(key(value), (counts.get(key(value)) ?? 0) + 1);
	return counts;
}

export function bankReport(bank: Bank): string {
	const q = bank.questions;
	const failed = lintBank(bank);
	const lines = Object.entries(LINT_RULES).map(([rule, what]) => {
		const mine = failed.filter((lint) => lint.rule === (rule as LintRule));
		const head = `  ${mine.length === 0 ? 'pass' : `FAIL ${mine.length}`}  ${rule}: ${what}`;
		return [head, ...mine.map((lint) => `        ${lint.question}: ${lint.message}`)].join('\n');
	});
	return [
		`${q.length} questions`,
		table(
			'per kind',
			count(q, (x) => x.kind)
		),
		table(
			'per form',
			count(q, (x) => `${x.kind} / ${formOf(x.id, x.fact)}`)
		),
		table(
			'per framework',
			count(q, (x) => x.framework)
		),
		['lints', ...lines].join('\n')
	].join('\n\n');
}

/**
 * The facts files' schema: what `questions/facts/*.yaml` (or a user's JSON) may contain, checked
 * with valibot, plus the checks that span files (duplicate ids, unknown frameworks). Every error
 * names the file and the path inside it, e.g. `questions/facts/eas.yaml: lists[0].items[2]: …`.
 */
import * as v from 'valibot';
import type { Facts, FrameworkFacts } from './facts';

/** The frameworks of the source, in the order it presents them. */
export const FRAMEWORK_IDS = [
	'overview',
	'japan-us-rok',
	'japan-us-australia',
	'japan-us-india',
	'eas',
	'arf',
	'admm-plus',
	'g7'
] as const;

export class FactsValidationError extends Error {
	constructor(
		readonly file: string,
		readonly path: string,
		readonly problem: string
	) {
		super(`${file}: ${path ? `${path}: ` : ''}${problem}`);
		this.name = 'FactsValidationError';
	}
}

const NON_EMPTY = 'expected a non-empty string';
const text = v.pipe(v.string(NON_EMPTY), v.trim(), v.nonEmpty(NON_EMPTY));
const list = <T extends v.GenericSchema>(item: T) =>
	v.pipe(v.array(item, 'expected a list'), v.nonEmpty('expected a non-empty list'));
const slug = v.pipe(
	text,
	v.regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'expected an id of lowercase words joined by - or .')
);
const date = v.pipe(
	v.string('expected a date as YYYY-MM-DD or YYYY-MM'),
	v.check(isValidDate, (issue) => `expected a date as YYYY-MM-DD or YYYY-MM, got "${issue.input}"`)
);

/** One statement of the source; `[…]` marks the key phrase that questions ask for. */
const statement = v.strictObject({
	id: slug,
	section: text,
	text: v.pipe(
		text,
		v.check(
			(value) => /^[^[\]]*\[[^[\]]+\][^[\]]*$/.test(value),
			(issue) => `expected exactly one [key phrase] in "${issue.input}"`
		)
	),
	ask: text,
	accept: v.optional(list(text))
});

const labelledList = v.strictObject({
	id: slug,
	section: text,
	label: text,
	role: v.picklist(
		['topics', 'meetings', 'values', 'frameworks'],
		'expected one of topics, meetings, values, frameworks'
	),
	items: list(text)
});

const meeting = v.strictObject({
	id: slug,
	section: text,
	name: text,
	ordinal: v.optional(v.pipe(v.number('expected a number'), v.integer(), v.minValue(1))),
	date,
	place: v.optional(text),
	statements: v.optional(list(statement)),
	lists: v.optional(list(labelledList))
});

export const frameworkSchema = v.strictObject({
	id: slug,
	name: text,
	shortName: text,
	kind: v.picklist(
		['trilateral', 'multilateral', 'policy'],
		'expected one of trilateral, multilateral, policy'
	),
	note: v.optional(text),
	source: v.optional(v.strictObject({ title: text, publisher: text, date })),
	members: v.optional(list(text)),
	purposes: v.optional(list(statement)),
	activities: v.optional(list(statement)),
	statements: v.optional(list(statement)),
	lists: v.optional(list(labelledList)),
	meetings: v.optional(list(meeting))
});

function isValidDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), match[3]];
	if (month < 1 || month > 12) return false;
	if (day === undefined) return true;
	const parsed = new Date(Date.UTC(year, month - 1, Number(day)));
	return parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === Number(day);
}

function pathOf(issue: v.BaseIssue<unknown>): string {
	let path = '';
	for (const item of issue.path ?? []) {
		const key = item.key as string | number;
		path += typeof key === 'number' ? `[${key}]` : path ? `.${key}` : key;
	}
	return path;
}

function describe(issue: v.BaseIssue<unknown>): string {
	if (issue.type === 'strict_object' && issue.input !== undefined && issue.path) {
		return 'unknown field';
	}
	if (issue.kind === 'schema' && issue.input === undefined) return 'missing field';
	return issue.message;
}

/**
 * Validates one parsed facts file (its YAML or JSON already parsed) and returns it typed.
 * @throws FactsValidationError naming `file` and the first bad path.
 */
export function validateFrameworkFile(data: unknown, file: string): FrameworkFacts {
	const result = v.safeParse(frameworkSchema, data, { abortEarly: true });
	if (!result.success) {
		const issue = result.issues[0];
		throw new FactsValidationError(file, pathOf(issue), describe(issue));
	}
	const facts = result.output;
	if (facts.kind === 'policy' && !facts.source) {
		throw new FactsValidationError(file, 'source', 'missing field (required for the policy)');
	}
	return facts;
}

/**
 * Checks what spans files: known and unique framework ids, one policy file with the source,
 * fact ids unique across all files and items unique within a list.
 * @param frameworkIds the allowed framework ids (the source's by default).
 * @throws FactsValidationError naming the file and path of the first problem.
 */
export function validateFactSet(
	files: { file: string; facts: FrameworkFacts }[],
	frameworkIds: readonly string[] = FRAMEWORK_IDS
): Facts {
	const seenFrameworks = new Set<string>();
	const seenFacts = new Map<string, string>();
	let policy: FrameworkFacts | undefined;
	for (const { file, facts } of files) {
		if (!frameworkIds.includes(facts.id)) {
			throw new FactsValidationError(
				file,
				'id',
				`unknown framework id "${facts.id}" (expected one of ${frameworkIds.join(', ')})`
			);
		}
		if (seenFrameworks.has(facts.id)) {
			throw new FactsValidationError(file, 'id', `duplicate framework id "${facts.id}"`);
		}
		seenFrameworks.add(facts.id);
		if (facts.kind === 'policy') {
			if (policy) throw new FactsValidationError(file, 'kind', 'a second policy file');
			policy = facts;
		}
		for (const [path, id] of factIds(facts)) {
			if (!id.startsWith(`${facts.id}.`)) {
				throw new FactsValidationError(file, path, `expected an id starting with "${facts.id}."`);
			}
			const other = seenFacts.get(id);
			if (other) {
				throw new FactsValidationError(file, path, `duplicate fact id "${id}" (also in ${other})`);
			}
			seenFacts.set(id, file);
		}
		checkItemsUnique(file, facts);
	}
	for (const { file, facts } of files) {
		for (const [i, fact] of (facts.lists ?? []).entries()) {
			if (fact.role !== 'frameworks') continue;
			const j = fact.items.findIndex((item) => !seenFrameworks.has(item));
			if (j >= 0) {
				throw new FactsValidationError(
					file,
					`lists[${i}].items[${j}]`,
					`unknown framework id "${fact.items[j]}"`
				);
			}
		}
	}
	if (!policy?.source) {
		throw new FactsValidationError(files[0]?.file ?? '(no files)', '', 'no policy (overview) file');
	}
	return { source: policy.source, frameworks: files.map((entry) => entry.facts) };
}

function* factIds(facts: FrameworkFacts): Generator<[string, string]> {
	for (const group of ['purposes', 'activities', 'statements', 'lists'] as const) {
		for (const [i, fact] of (facts[group] ?? []).entries()) yield [`${group}[${i}].id`, fact.id];
	}
	for (const [i, meeting] of (facts.meetings ?? []).entries()) {
		yield [`meetings[${i}].id`, meeting.id];
		for (const group of ['statements', 'lists'] as const) {
			for (const [j, fact] of (meeting[group] ?? []).entries()) {
				yield [`meetings[${i}].${group}[${j}].id`, fact.id];
			}
		}
	}
}

function checkItemsUnique(file: string, facts: FrameworkFacts): void {
	const lists = [
		...(facts.lists ?? []).map((fact, i) => ({ fact, path: `lists[${i}]` })),
		...(facts.meetings ?? []).flatMap((meeting, i) =>
			(meeting.lists ?? []).map((fact, j) => ({ fact, path: `meetings[${i}].lists[${j}]` }))
		)
	];
	for (const { fact, path } of lists) {
		const seen = new Set<string>();
		for (const [i, item] of fact.items.entries()) {
			const key = item.toLowerCase().replace(/[^a-z0-9]+/g, '');
			if (seen.has(key)) {
				throw new FactsValidationError(file, `${path}.items[${i}]`, `duplicate item "${item}"`);
			}
			seen.add(key);
		}
	}
}

/**
 * The facts files' schema: what `questions/facts/*.yaml` (or a user's JSON) may contain, checked
 * with valibot, plus the checks that span files (duplicate ids, unknown frameworks and concepts).
 * A file's facts inherit its `section` and `part` unless they give their own; a list item written
 * as a bare id names a concept (or, in a `frameworks` list, a framework). Every error names the
 * file and the path inside it, e.g. `questions/facts/eas.yaml: lists[0].items[2]: …`.
 */
import * as v from 'valibot';
import type { Concept, Facts, FrameworkFacts, ListFact, ListItem } from '../domain/bank/facts';

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
const base = {
	id: slug,
	section: v.optional(text),
	part: v.optional(text),
	quote: text
};

/** One statement of the source; `[…]` marks the key phrase that questions ask for. */
const statement = v.strictObject({
	...base,
	text: v.pipe(
		text,
		v.check(
			(value) => /^[^[\]]*\[[^[\]]+\][^[\]]*$/.test(value),
			(issue) => `expected exactly one [key phrase] in "${issue.input}"`
		)
	),
	question: text,
	accept: v.optional(list(text)),
	which: v.optional(text)
});

const listItem = v.union(
	[slug, v.strictObject({ text, concepts: list(slug) })],
	'expected a concept id or { text, concepts }'
);

const labelledList = v.strictObject({
	...base,
	label: text,
	title: text,
	role: v.picklist(
		['topics', 'values', 'frameworks'],
		'expected one of topics, values, frameworks'
	),
	complete: v.boolean('expected true (the source gives the whole list) or false (an open list)'),
	items: list(listItem)
});

const level = v.pipe(
	v.strictObject({
		...base,
		who: v.optional(text),
		meetings: v.optional(text),
		accept: v.optional(list(text))
	}),
	v.check((fact) => !!(fact.who || fact.meetings), 'expected who, meetings or both')
);

const acronym = v.strictObject({ ...base, short: text, full: text, decoys: list(text) });

const meeting = v.strictObject({
	...base,
	name: text,
	ref: text,
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
	ref: text,
	kind: v.picklist(
		['trilateral', 'multilateral', 'policy'],
		'expected one of trilateral, multilateral, policy'
	),
	section: v.optional(text),
	part: v.optional(text),
	note: v.optional(text),
	source: v.optional(v.strictObject({ title: text, publisher: text, date })),
	acronyms: v.optional(list(acronym)),
	levels: v.optional(list(level)),
	statements: v.optional(list(statement)),
	lists: v.optional(list(labelledList)),
	meetings: v.optional(list(meeting))
});

export const conceptsSchema = v.strictObject({
	concepts: list(
		v.strictObject({
			id: slug,
			name: text,
			accept: v.optional(list(text)),
			confusable: v.optional(list(slug)),
			includes: v.optional(list(slug))
		})
	)
});

type RawFramework = v.InferOutput<typeof frameworkSchema>;
type RawList = v.InferOutput<typeof labelledList>;

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

function parse<S extends v.GenericSchema>(schema: S, data: unknown, file: string) {
	const result = v.safeParse(schema, data, { abortEarly: true });
	if (!result.success) {
		const issue = result.issues[0];
		throw new FactsValidationError(file, pathOf(issue), describe(issue));
	}
	return result.output as v.InferOutput<S>;
}

/** A framework file as parsed, before its list items are resolved against the concepts. */
export interface ParsedFramework {
	file: string;
	raw: RawFramework;
}

/**
 * Validates one parsed facts file (its YAML or JSON already parsed).
 * @throws FactsValidationError naming `file` and the first bad path.
 */
export function validateFrameworkFile(data: unknown, file: string): ParsedFramework {
	const raw = parse(frameworkSchema, data, file);
	if (raw.kind === 'policy' && !raw.source) {
		throw new FactsValidationError(file, 'source', 'missing field (required for the policy)');
	}
	return { file, raw };
}

/**
 * Validates the concepts file: ids unique, and `confusable` and `includes` naming known concepts.
 * @throws FactsValidationError naming `file` and the first bad path.
 */
export function validateConceptsFile(data: unknown, file: string): Concept[] {
	const { concepts } = parse(conceptsSchema, data, file);
	const ids = new Set<string>();
	for (const [i, concept] of concepts.entries()) {
		if (ids.has(concept.id)) {
			throw new FactsValidationError(
				file,
				`concepts[${i}].id`,
				`duplicate concept "${concept.id}"`
			);
		}
		ids.add(concept.id);
	}
	for (const [i, concept] of concepts.entries()) {
		for (const field of ['confusable', 'includes'] as const) {
			const j = (concept[field] ?? []).findIndex((id) => !ids.has(id) || id === concept.id);
			if (j >= 0) {
				throw new FactsValidationError(
					file,
					`concepts[${i}].${field}[${j}]`,
					`unknown concept "${concept[field]?.[j]}"`
				);
			}
		}
	}
	return concepts;
}

/**
 * Checks what spans files and resolves the graph: known and unique framework ids, one policy file
 * with the source, fact ids unique across all files, list items naming known concepts (or
 * frameworks) once each; facts inherit their file's section and part.
 * @param frameworkIds the allowed framework ids (the source's by default).
 * @throws FactsValidationError naming the file and path of the first problem.
 */
export function validateFactSet(
	files: ParsedFramework[],
	concepts: Concept[],
	frameworkIds: readonly string[] = FRAMEWORK_IDS
): Facts {
	const seenFrameworks = new Set<string>();
	const seenFacts = new Map<string, string>();
	let source: FrameworkFacts['source'];
	for (const { file, raw } of files) {
		if (!frameworkIds.includes(raw.id)) {
			throw new FactsValidationError(
				file,
				'id',
				`unknown framework id "${raw.id}" (expected one of ${frameworkIds.join(', ')})`
			);
		}
		if (seenFrameworks.has(raw.id)) {
			throw new FactsValidationError(file, 'id', `duplicate framework id "${raw.id}"`);
		}
		seenFrameworks.add(raw.id);
		if (raw.kind === 'policy') {
			if (source) throw new FactsValidationError(file, 'kind', 'a second policy file');
			source = raw.source;
		}
		for (const [path, id] of factIds(raw)) {
			if (!id.startsWith(`${raw.id}.`)) {
				throw new FactsValidationError(file, path, `expected an id starting with "${raw.id}."`);
			}
			const other = seenFacts.get(id);
			if (other) {
				throw new FactsValidationError(file, path, `duplicate fact id "${id}" (also in ${other})`);
			}
			seenFacts.set(id, file);
		}
	}
	if (!source) {
		throw new FactsValidationError(files[0]?.file ?? '(no files)', '', 'no policy (overview) file');
	}
	const conceptById = new Map(concepts.map((concept) => [concept.id, concept]));
	const frameworks = files.map(({ file, raw }) => resolve(file, raw, conceptById, seenFrameworks));
	return { source, concepts, frameworks };
}

/** Fills in inherited sections and resolves list items; the result is the graph's own type. */
function resolve(
	file: string,
	raw: RawFramework,
	concepts: Map<string, Concept>,
	frameworks: Set<string>
): FrameworkFacts {
	const where = <T extends { section?: string; part?: string }>(fact: T, path: string) => {
		const section = fact.section ?? raw.section;
		if (!section) throw new FactsValidationError(file, `${path}.section`, 'missing field');
		const part = fact.part ?? (fact.section ? undefined : raw.part);
		return { ...fact, section, ...(part ? { part } : {}) };
	};
	const lists = (items: RawList[] | undefined, path: string): ListFact[] | undefined =>
		items?.map((fact, i) => ({
			...where(fact, `${path}[${i}]`),
			items: resolveItems(fact, `${path}[${i}]`)
		}));
	const resolveItems = (fact: RawList, path: string): ListItem[] => {
		const seen = new Set<string>();
		return fact.items.map((item, j) => {
			const at = `${path}.items[${j}]`;
			let resolved: ListItem;
			if (fact.role === 'frameworks') {
				if (typeof item !== 'string' || !frameworks.has(item)) {
					throw new FactsValidationError(file, at, `unknown framework id "${show(item)}"`);
				}
				resolved = { text: item, concepts: [] };
			} else {
				const ids = typeof item === 'string' ? [item] : item.concepts;
				const unknown = ids.find((id) => !concepts.has(id));
				if (unknown) throw new FactsValidationError(file, at, `unknown concept "${unknown}"`);
				const name = typeof item === 'string' ? concepts.get(item)!.name : item.text;
				resolved = { text: name, concepts: ids };
			}
			const key = resolved.concepts.join('+') || resolved.text;
			if (seen.has(key)) throw new FactsValidationError(file, at, `duplicate item "${key}"`);
			seen.add(key);
			return resolved;
		});
	};
	const statements = <T extends { section?: string; part?: string }>(
		facts: T[] | undefined,
		path: string
	) => facts?.map((fact, i) => where(fact, `${path}[${i}]`));
	const framework: FrameworkFacts = {
		id: raw.id,
		name: raw.name,
		shortName: raw.shortName,
		ref: raw.ref,
		kind: raw.kind,
		...(raw.note ? { note: raw.note } : {}),
		...(raw.source ? { source: raw.source } : {}),
		...(raw.acronyms ? { acronyms: statements(raw.acronyms, 'acronyms') } : {}),
		...(raw.levels ? { levels: statements(raw.levels, 'levels') } : {}),
		...(raw.statements ? { statements: statements(raw.statements, 'statements') } : {}),
		...(raw.lists ? { lists: lists(raw.lists, 'lists') } : {}),
		...(raw.meetings
			? {
					meetings: raw.meetings.map((meeting, i) => {
						const path = `meetings[${i}]`;
						const { statements: said, lists: listed, ...rest } = meeting;
						return {
							...where(rest, path),
							...(said ? { statements: statements(said, `${path}.statements`) } : {}),
							...(listed ? { lists: lists(listed, `${path}.lists`) } : {})
						};
					})
				}
			: {})
	};
	return framework;
}

function show(item: unknown): string {
	return typeof item === 'string' ? item : JSON.stringify(item);
}

function* factIds(raw: RawFramework): Generator<[string, string]> {
	for (const group of ['acronyms', 'levels', 'statements', 'lists'] as const) {
		for (const [i, fact] of (raw[group] ?? []).entries()) yield [`${group}[${i}].id`, fact.id];
	}
	for (const [i, meeting] of (raw.meetings ?? []).entries()) {
		yield [`meetings[${i}].id`, meeting.id];
		for (const group of ['statements', 'lists'] as const) {
			for (const [j, fact] of (meeting[group] ?? []).entries()) {
				yield [`meetings[${i}].${group}[${j}].id`, fact.id];
			}
		}
	}
}

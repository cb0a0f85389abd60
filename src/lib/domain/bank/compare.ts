/**
 * The comparison table of /compare, built from the facts graph (./facts.ts): the frameworks side
 * by side (the policy overview is no framework and gets no column), one row per thing compared —
 * who meets, the members where the source names them, the 2014 meeting's name, ordinal, date and
 * place, and every concept (topic, area, working group, value) a list names, one row per concept
 * whichever frameworks share it. Confusable concepts (disaster reduction, disaster relief, HADR)
 * sit on adjacent rows with a note. Each cell carries the ids of the questions behind it: those
 * resting on the cell's fact (its own fact or a quote among its sources) that name what the cell
 * says, so a "Quiz these" link asks about exactly that cell.
 */
import type { Question } from './bank';
import type { Concept, FactBase, Facts, FrameworkFacts, MeetingFact } from './facts';
import { normalise } from './source-text';
import { formatDate, ordinalDigits } from './text';

export type CompareSection = 'level' | 'members' | 'meeting' | 'concepts';

export interface CompareColumn {
	id: string;
	shortName: string;
	name: string;
}

export interface CompareCell {
	/** What the source says for this framework, e.g. "defense ministers" or "recent topics". */
	text: string;
	/** For a concept from a list the source leaves open ("such as", "including"). */
	open?: boolean;
	/** The questions behind the cell, in bank order. */
	questions: string[];
}

export interface CompareRow {
	/** Unique in the table, usable in an element id. */
	id: string;
	section: CompareSection;
	label: string;
	/** One per column; null where the source says nothing for that framework. */
	cells: (CompareCell | null)[];
	/** A concept named by two or more frameworks. */
	shared: boolean;
	/** For a concept easily mistaken for others: which, and how they relate. */
	note?: string;
}

export interface Comparison {
	columns: CompareColumn[];
	rows: CompareRow[];
}

export const SECTION_TITLES: Readonly<Record<CompareSection, string>> = {
	level: 'Level',
	members: 'Membership',
	meeting: 'The 2014 meeting',
	concepts: 'Topics, areas and working groups'
};

/** Lower case in `normalise`'s form, for "does this question name it". */
const folded = (text: string) => normalise(text).toLowerCase();

function mentions(haystack: string, term: string): boolean {
	const needle = folded(term);
	let at = haystack.indexOf(needle);
	while (at >= 0) {
		const before = haystack[at - 1] ?? ' ';
		const after = haystack[at + needle.length] ?? ' ';
		if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
		at = haystack.indexOf(needle, at + 1);
	}
	return false;
}

/** Finds the questions behind a cell: resting on one of `facts`, naming one of `terms` if given. */
function questionFinder(questions: readonly Question[]) {
	const entries = questions.map((question) => ({
		question,
		quotes: new Set([question.source, ...(question.alsoSources ?? [])].map((s) => s.quote)),
		text: folded(
			[
				question.prompt,
				...[question.answer].flat(),
				...(question.choices ?? []),
				...(question.items ?? []),
				...(question.accept ?? [])
			].join('\n')
		)
	}));
	return (facts: readonly FactBase[], terms: readonly string[] = []): string[] =>
		entries
			.filter(
				({ question, quotes, text }) =>
					facts.some((fact) => question.fact === fact.id || quotes.has(fact.quote)) &&
					(terms.length === 0 || terms.some((term) => mentions(text, term)))
			)
			.map(({ question }) => question.id);
}

/** Concepts in the concepts file's order, each followed by its not yet placed confusables. */
function conceptOrder(concepts: readonly Concept[], used: ReadonlySet<string>): Concept[] {
	const byId = new Map(concepts.map((concept) => [concept.id, concept]));
	const placed = new Set<string>();
	const order: Concept[] = [];
	const place = (concept: Concept) => {
		if (placed.has(concept.id) || !used.has(concept.id)) return;
		placed.add(concept.id);
		order.push(concept);
		for (const id of concept.confusable ?? []) {
			const other = byId.get(id);
			if (other) place(other);
		}
	};
	concepts.forEach(place);
	return order;
}

function conceptNote(concept: Concept, names: ReadonlyMap<string, string>): string | undefined {
	const list = (ids: readonly string[] | undefined) =>
		(ids ?? []).map((id) => names.get(id) ?? id).join(', ');
	const parts: string[] = [];
	if (concept.confusable?.length) parts.push(`Not the same as ${list(concept.confusable)}.`);
	if (concept.includes?.length) parts.push(`Includes ${list(concept.includes)}.`);
	return parts.length > 0 ? parts.join(' ') : undefined;
}

/**
 * The comparison table from the facts and the questions generated from them.
 * @param questions the bank's questions; cells list the ids of those behind them.
 */
export function buildComparison(facts: Facts, questions: readonly Question[]): Comparison {
	const frameworks = facts.frameworks.filter((framework) => framework.kind !== 'policy');
	const find = questionFinder(questions);
	const rows: CompareRow[] = [];
	const row = (
		id: string,
		section: CompareSection,
		label: string,
		cell: (framework: FrameworkFacts) => CompareCell | null
	) => {
		const cells = frameworks.map(cell);
		if (cells.some((c) => c !== null)) {
			rows.push({ id, section, label, cells, shared: false });
		}
	};
	const cellOf = (text: string | undefined, facts: FactBase[], terms?: string[]) =>
		text === undefined ? null : { text, questions: find(facts, terms) };

	row('who', 'level', 'Who meets', (framework) => {
		const levels = (framework.levels ?? []).filter((level) => level.who);
		const who = levels.map((level) => level.who!);
		return who.length > 0 ? cellOf(who.join('; '), levels, who) : null;
	});
	row('meetings', 'level', 'Meetings held', (framework) => {
		const levels = (framework.levels ?? []).filter((level) => level.meetings);
		const held = levels.map((level) => level.meetings!);
		return held.length > 0 ? cellOf(held.join('; '), levels, held) : null;
	});
	// The source names the members only of the trilaterals, in the heading that is their name.
	row('members', 'members', 'Members', (framework) =>
		framework.kind === 'trilateral' ? { text: framework.name, questions: [] } : null
	);

	const meetingOf = (framework: FrameworkFacts): MeetingFact | undefined =>
		framework.meetings?.find((meeting) => meeting.date.startsWith('2014'));
	row('meeting-name', 'meeting', 'Meeting', (framework) => {
		const meeting = meetingOf(framework);
		return meeting ? cellOf(meeting.name, [meeting]) : null;
	});
	row('meeting-ordinal', 'meeting', 'Ordinal', (framework) => {
		const meeting = meetingOf(framework);
		if (meeting?.ordinal === undefined) return null;
		const text = ordinalDigits(meeting.ordinal);
		return cellOf(text, [meeting, ...(meeting.statements ?? [])], [text]);
	});
	row('meeting-date', 'meeting', 'Date', (framework) => {
		const meeting = meetingOf(framework);
		if (!meeting) return null;
		const text = formatDate(meeting.date);
		return cellOf(text, [meeting], [text]);
	});
	row('meeting-place', 'meeting', 'Place', (framework) => {
		const meeting = meetingOf(framework);
		return meeting?.place ? cellOf(meeting.place, [meeting], [meeting.place]) : null;
	});

	const listsOf = (framework: FrameworkFacts) => [
		...(framework.lists ?? []),
		...(framework.meetings ?? []).flatMap((meeting) => meeting.lists ?? [])
	];
	const used = new Set(
		frameworks.flatMap((f) => listsOf(f).flatMap((list) => list.items.flatMap((i) => i.concepts)))
	);
	const names = new Map(facts.concepts.map((concept) => [concept.id, concept.name]));
	for (const concept of conceptOrder(facts.concepts, used)) {
		const terms = [concept.name, ...(concept.accept ?? [])];
		const cells = frameworks.map((framework) => {
			const lists = listsOf(framework).filter((list) =>
				list.items.some((item) => item.concepts.includes(concept.id))
			);
			if (lists.length === 0) return null;
			return {
				text: lists.map((list) => list.label).join('; '),
				...(lists.some((list) => !list.complete) ? { open: true } : {}),
				questions: find(lists, terms)
			};
		});
		const note = conceptNote(concept, names);
		rows.push({
			id: `concept-${concept.id}`,
			section: 'concepts',
			label: concept.name,
			cells,
			shared: cells.filter((cell) => cell !== null).length >= 2,
			...(note ? { note } : {})
		});
	}

	const columns = frameworks.map(({ id, shortName, name }) => ({ id, shortName, name }));
	return { columns, rows };
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bank, Question } from './bank';
import type { Facts, FrameworkFacts, ListFact } from './facts';
import { contentVersion, generateQuestions, serializeBank } from './generate-questions';
import { formatDate, plain, slugify, textKey } from './text';

// Small vocabularies, so that random frameworks share and partly share phrases.
const ITEMS = [
	'maritime security',
	'counter terrorism',
	'counterterrorism',
	'counter terrorism and transnational crime',
	'disaster relief',
	'humanitarian assistance and disaster relief',
	'energy',
	'finance',
	'mine disposal',
	'regional affairs'
];
const PLURAL = [
	'build [a partnership]',
	'share [basic values]',
	'share [basic values] and strategic interests',
	'exchange views on [regional affairs]'
];
const SINGULAR = [
	'is a forum for discussing [political issues]',
	'aims to advance [concrete cooperation]',
	'has launched [six] working groups',
	'consists of [seven] countries'
];
const PLACES = ['Lisbon', 'Oslo', 'Brisbane', 'New Delhi'];
const DATES = ['2014-03-25', '2014-08', '2014-11-16', '2014-12-20', '2015-01'];

const frameworkShape = fc.record({
	trilateral: fc.boolean(),
	predicates: fc.subarray([0, 1, 2, 3]),
	lists: fc.array(
		fc.record({
			role: fc.constantFrom('topics' as const, 'meetings' as const),
			items: fc.uniqueArray(fc.constantFrom(...ITEMS), { minLength: 1, maxLength: 4 })
		}),
		{ maxLength: 2 }
	),
	meetings: fc.array(
		fc.record({ place: fc.option(fc.constantFrom(...PLACES)), date: fc.constantFrom(...DATES) }),
		{ maxLength: 2 }
	)
});

type Shape = typeof frameworkShape extends fc.Arbitrary<infer S> ? S : never;

function buildFramework(n: number, shape: Shape): FrameworkFacts {
	const id = `fw${n}`;
	const members = ['Japan', 'the United States', `Country ${n}`];
	const subject = shape.trilateral ? 'Japan, the United States and Country ' + n : `The F${n}`;
	const pool = shape.trilateral ? PLURAL : SINGULAR;
	return {
		id,
		name: `Framework ${n}`,
		shortName: shape.trilateral ? `Japan-U.S.-C${n}` : `F${n}`,
		kind: shape.trilateral ? 'trilateral' : 'multilateral',
		...(shape.trilateral ? { members } : {}),
		statements: shape.predicates.map((p) => ({
			id: `${id}.s${p}`,
			section: `Section ${n}`,
			text: `${subject} ${pool[p]}.`,
			ask: 'what'
		})),
		lists: shape.lists.map((list, i) => ({
			id: `${id}.l${i}`,
			section: `Section ${n}`,
			label: list.role === 'topics' ? 'topics' : 'meetings',
			role: list.role,
			items: dedupeByKey(list.items)
		})),
		meetings: shape.meetings.map((meeting, i) => ({
			id: `${id}.m${i}`,
			section: `Section ${n}`,
			name: `Meeting ${i} of Framework ${n}`,
			date: meeting.date,
			...(meeting.place ? { place: meeting.place } : {})
		}))
	};
}

function dedupeByKey(items: string[]): string[] {
	const seen = new Set<string>();
	return items.filter((item) => !seen.has(textKey(item)) && seen.add(textKey(item)));
}

function buildFacts(shapes: Shape[]): Facts {
	const frameworks = shapes.map((shape, n) => buildFramework(n, shape));
	const overview: FrameworkFacts = {
		id: 'overview',
		name: 'Policy',
		shortName: 'Policy',
		kind: 'policy',
		statements: [{ id: 'overview.aim', section: 'Aim', text: 'Japan seeks [peace].', ask: 'what' }]
	};
	return {
		source: { title: 'T', publisher: 'P', date: '2016-04-06' },
		frameworks: [overview, ...frameworks]
	};
}

const factsArb = fc.array(frameworkShape, { minLength: 1, maxLength: 6 }).map(buildFacts);

interface FactInfo {
	framework: FrameworkFacts;
	section: string;
	list?: ListFact;
}

function factIndex(facts: Facts): Map<string, FactInfo> {
	const index = new Map<string, FactInfo>();
	for (const framework of facts.frameworks) {
		for (const s of [
			...(framework.purposes ?? []),
			...(framework.activities ?? []),
			...(framework.statements ?? [])
		]) {
			index.set(s.id, { framework, section: s.section });
		}
		for (const list of framework.lists ?? [])
			index.set(list.id, { framework, section: list.section, list });
		for (const m of framework.meetings ?? []) index.set(m.id, { framework, section: m.section });
	}
	return index;
}

const ids = (bank: Bank) => bank.questions.map((q) => q.id);
const sameRoleItems = (framework: FrameworkFacts, role: string) =>
	(framework.lists ?? []).filter((l) => l.role === role).flatMap((l) => l.items);
const overlap = (a: string, b: string) =>
	textKey(a).includes(textKey(b)) || textKey(b).includes(textKey(a));

describe('generateQuestions over random valid facts', () => {
	it('is deterministic', () => {
		fc.assert(
			fc.property(factsArb, (facts) => {
				const again = structuredClone(facts);
				expect(serializeBank(generateQuestions(again))).toBe(
					serializeBank(generateQuestions(facts))
				);
			})
		);
	});

	it('stamps a version that differs exactly when the serialized content does', () => {
		// Pairs that share pieces, as near misses: strings split differently, values moved between
		// an array and its neighbour, a number against its digits as a string.
		const piece = fc.constantFrom('a', 'ab', 'b', '', '1', 1, 11, null, true, 'true');
		const value = fc.letrec((tie) => ({
			node: fc.oneof(piece, fc.array(tie('node'), { maxLength: 3 }), tie('record')),
			record: fc.dictionary(fc.constantFrom('a', 'b', 'ab'), tie('node'), { maxKeys: 2 })
		})).node;
		fc.assert(
			fc.property(value, value, (a, b) => {
				const same = JSON.stringify(a) === JSON.stringify(b);
				expect(contentVersion(a) === contentVersion(b)).toBe(same);
			}),
			{ numRuns: 2000 }
		);
		expect(contentVersion(['ab', 'c'])).not.toBe(contentVersion(['a', 'bc']));
		expect(contentVersion({ a: 1, b: undefined })).toBe(contentVersion({ a: 1 }));
	});

	it('gives unique ids, stable when frameworks are reordered or unrelated ones added', () => {
		fc.assert(
			fc.property(factsArb, fc.array(fc.nat()), (facts, keys) => {
				const bank = generateQuestions(facts);
				expect(new Set(ids(bank)).size).toBe(bank.questions.length);
				const [overview, ...rest] = facts.frameworks;
				const shuffled = rest
					.map((f, i) => ({ f, k: keys[i] ?? i }))
					.sort((a, b) => a.k - b.k)
					.map((x) => x.f);
				const reordered = generateQuestions({ ...facts, frameworks: [overview!, ...shuffled] });
				expect(new Set(ids(reordered))).toEqual(new Set(ids(bank)));
				const unrelated: FrameworkFacts = {
					id: 'zz',
					name: 'Unrelated',
					shortName: 'UZ',
					kind: 'multilateral',
					statements: [
						{ id: 'zz.s', section: 'Z', text: 'The UZ runs [quux programs].', ask: 'what' }
					],
					lists: [
						{ id: 'zz.l', section: 'Z', label: 'topics', role: 'topics', items: ['zebra care'] }
					]
				};
				const added = new Set(
					ids(generateQuestions({ ...facts, frameworks: [...facts.frameworks, unrelated] }))
				);
				for (const id of ids(bank)) expect(added.has(id), id).toBe(true);
			})
		);
	});

	it('puts the answer among the choices', () => {
		fc.assert(
			fc.property(factsArb, (facts) => {
				for (const q of generateQuestions(facts).questions) {
					if (!q.choices) continue;
					const answers = Array.isArray(q.answer) ? q.answer : [q.answer];
					for (const answer of answers) expect(q.choices, q.id).toContain(answer);
					if (q.kind === 'matching') expect([...answers].sort()).toEqual([...q.choices].sort());
					if (q.kind === 'truefalse') expect(q.choices).toEqual(['True', 'False']);
					expect(new Set(q.choices).size, q.id).toBe(q.choices.length);
				}
			})
		);
	});

	it('offers no distractor that the facts make true', () => {
		fc.assert(
			fc.property(factsArb, (facts) => {
				const index = factIndex(facts);
				const byName = new Map(facts.frameworks.map((f) => [f.shortName, f]));
				for (const q of generateQuestions(facts).questions) {
					const info = index.get(q.fact)!;
					checkDistractors(q, info, byName);
				}
			})
		);
	});

	it('makes at least one question of every fact, and every question traces to its fact', () => {
		fc.assert(
			fc.property(factsArb, (facts) => {
				const index = factIndex(facts);
				const bank = generateQuestions(facts);
				const asked = new Set(bank.questions.map((q) => q.fact));
				for (const id of index.keys()) expect(asked.has(id), id).toBe(true);
				for (const q of bank.questions) {
					const info = index.get(q.fact);
					expect(info, q.id).toBeDefined();
					expect(q.framework).toBe(info!.framework.id);
					expect(q.source.section).toBe(info!.section);
					expect(q.id.startsWith(`${q.fact}.`)).toBe(true);
				}
			})
		);
	});
});

function checkDistractors(q: Question, info: FactInfo, byName: Map<string, FrameworkFacts>): void {
	const wrong = (q.choices ?? []).filter((c) =>
		Array.isArray(q.answer) ? !q.answer.includes(c) : c !== q.answer
	);
	const { list, framework } = info;
	if (list && q.kind === 'multi') {
		for (const choice of wrong) {
			for (const item of sameRoleItems(framework, list.role))
				expect(overlap(choice, item), q.id).toBe(false);
		}
	}
	if (list && q.kind === 'which-framework') {
		const item = list.items.find((i) => q.id === `${list.id}.${slugify(i)}.which`)!;
		for (const name of wrong) {
			for (const other of sameRoleItems(byName.get(name)!, list.role)) {
				expect(overlap(item, other), `${q.id}: ${name}`).toBe(false);
			}
		}
	}
	if (list && q.kind === 'truefalse' && q.answer === 'False') {
		for (const item of sameRoleItems(framework, list.role)) {
			expect(textKey(q.prompt).includes(textKey(item)), q.id).toBe(false);
		}
	}
	if (!list && q.kind === 'truefalse' && !q.fact.includes('.m')) {
		// "True or false: the source says that <subject> <predicate>." is false exactly when the
		// framework states no such predicate.
		const subject = framework.members
			? 'Japan, the United States and '
			: `the ${framework.shortName} `;
		const claimed = q.prompt.slice(q.prompt.indexOf(subject) + subject.length).replace(/\.$/, '');
		const own = (framework.statements ?? []).map((st) => plain(st.text).replace(/\.$/, ''));
		const stated = own.some((sentence) => sentence.endsWith(` ${claimed}`));
		expect(stated, q.id).toBe(q.answer === 'True');
	}
	if (q.id.endsWith('.place.single') || q.id.endsWith('.date.single')) {
		const meeting = (framework.meetings ?? []).find((m) => q.fact === m.id)!;
		const truth = q.id.endsWith('.place.single') ? meeting.place : formatDate(meeting.date);
		expect(wrong).not.toContain(truth);
	}
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bank } from '../domain/bank/bank';
import { lintBank } from './bank-lints';
import type { Facts, FrameworkFacts, ListFact, ListRole } from '../domain/bank/facts';
import { MINIMAL_OVERVIEW, SAMPLE_CONCEPTS } from '../domain/bank/facts.fixture';
import {
	contentVersion,
	generateQuestions,
	generateWithClaims,
	serializeBank
} from './generate-questions';
import { missingQuotes } from './source-check';
import type { Claim } from './truth';

// Random fact graphs over one small vocabulary of concepts, so that frameworks share, partly share
// (HADR contains disaster relief) and confuse (disaster reduction / disaster relief) concepts.
const CONCEPT_IDS = SAMPLE_CONCEPTS.map((concept) => concept.id);
const PLACES = ['Lisbon', 'Oslo', 'Brisbane', 'New Delhi'];
const DATES = ['2014-03-25', '2014-08', '2014-11-16', '2014-12-20', '2015-01'];

const listShape = fc.record({
	role: fc.constantFrom<ListRole>('topics', 'topics', 'values'),
	complete: fc.boolean(),
	concepts: fc.uniqueArray(fc.constantFrom(...CONCEPT_IDS), { minLength: 1, maxLength: 5 })
});
const frameworkShape = fc.record({
	trilateral: fc.boolean(),
	who: fc.option(fc.constantFrom('leaders', 'defense ministers', 'foreign ministers')),
	lists: fc.array(listShape, { maxLength: 2 }),
	meetings: fc.array(
		fc.record({ place: fc.option(fc.constantFrom(...PLACES)), date: fc.constantFrom(...DATES) }),
		{ maxLength: 2 }
	)
});
type Shape = typeof frameworkShape extends fc.Arbitrary<infer S> ? S : never;

function buildFramework(n: number, shape: Shape): FrameworkFacts {
	const id = `fw${n}`;
	const section = `Section ${n}`;
	const ref = shape.trilateral ? `Japan, the United States and C${n}` : `the F${n}`;
	return {
		id,
		name: `Framework ${n}`,
		shortName: shape.trilateral ? `Japan-U.S.-C${n}` : `F${n}`,
		ref,
		kind: shape.trilateral ? 'trilateral' : 'multilateral',
		...(shape.who
			? { levels: [{ id: `${id}.level`, section, quote: `q ${id} level`, who: shape.who }] }
			: {}),
		lists: shape.lists.map((list, i): ListFact => ({
			id: `${id}.l${i}`,
			section,
			quote: `q ${id} list ${i}`,
			label: list.role,
			title: `the ${list.role} ${i} of ${ref}`,
			role: list.role,
			complete: list.complete,
			items: list.concepts.map((concept) => ({
				text: SAMPLE_CONCEPTS.find((c) => c.id === concept)!.name,
				concepts: [concept]
			}))
		})),
		meetings: shape.meetings.map((meeting, i) => ({
			id: `${id}.m${i}`,
			section,
			quote: `q ${id} meeting ${i}`,
			name: `Meeting ${i} of Framework ${n}`,
			ref: `the meeting ${i} of framework ${n}`,
			date: meeting.date,
			...(meeting.place ? { place: meeting.place } : {})
		}))
	};
}

function buildFacts(shapes: Shape[]): Facts {
	return {
		source: { title: 'T', publisher: 'P', date: '2016-04-06' },
		concepts: SAMPLE_CONCEPTS,
		frameworks: [MINIMAL_OVERVIEW, ...shapes.map((shape, n) => buildFramework(n, shape))]
	};
}

const factsArb = fc.array(frameworkShape, { minLength: 1, maxLength: 6 }).map(buildFacts);

/**
 * The truth of a claim by a plain reading of the graph, written apart from ./truth.ts: a list
 * names a concept, or provably lacks it only when complete and naming nothing that contains it
 * or that it contains.
 */
function oracle(facts: Facts, claim: Claim): 'true' | 'false' | 'unknown' {
	const includes = (a: string, b: string) =>
		SAMPLE_CONCEPTS.find((c) => c.id === a)?.includes?.includes(b) ?? false;
	const inList = (list: ListFact) => {
		const named = list.items.flatMap((item) => item.concepts);
		if (named.includes(claim.concept)) return 'true';
		if (named.some((id) => includes(id, claim.concept) || includes(claim.concept, id)))
			return 'unknown';
		return list.complete ? 'false' : 'unknown';
	};
	const framework = facts.frameworks.find((f) => f.id === claim.framework)!;
	const lists = [
		...(framework.lists ?? []),
		...(framework.meetings ?? []).flatMap((m) => m.lists ?? [])
	];
	if (claim.list) return inList(lists.find((list) => list.id === claim.list)!);
	const mine = lists.filter((list) => list.role === claim.role).map(inList);
	if (mine.includes('true')) return 'true';
	return mine.length > 0 && mine.every((t) => t === 'false') ? 'false' : 'unknown';
}

const ids = (bank: Bank) => bank.questions.map((q) => q.id);

describe('generateQuestions over random fact graphs', () => {
	it('keys no wrong choice or False that the graph does not prove false, nor a right one it does not prove true', () => {
		fc.assert(
			fc.property(factsArb, (facts) => {
				const { claims } = generateWithClaims(facts);
				for (const [id, list] of claims) {
					for (const claim of list) {
						expect(oracle(facts, claim), `${id}: ${JSON.stringify(claim)}`).toBe(
							claim.asserted ? 'true' : 'false'
						);
					}
				}
			})
		);
	});

	it('never makes a False or a wrong choice out of an open list', () => {
		fc.assert(
			fc.property(factsArb, (facts) => {
				const { claims } = generateWithClaims(facts);
				const open = new Set(
					facts.frameworks.flatMap((f) =>
						(f.lists ?? []).filter((l) => !l.complete).map((l) => l.id)
					)
				);
				const onOpen = [...claims.values()].flat().filter((c) => c.list && open.has(c.list));
				expect(onOpen.filter((claim) => !claim.asserted)).toEqual([]);
			})
		);
	});

	it('rests every keyed choice of a list question on a claim', () => {
		fc.assert(
			fc.property(factsArb, (facts) => {
				const { bank, claims } = generateWithClaims(facts);
				for (const q of bank.questions) {
					const fromList = /\.l\d+\./.test(q.id) && q.kind !== 'recall' && q.kind !== 'cloze';
					if (fromList) expect(claims.get(q.id)?.length ?? 0, q.id).toBeGreaterThan(0);
				}
			})
		);
	});

	it('names, in the explanation of a false item, every framework the source names it for', () => {
		fc.assert(
			fc.property(factsArb, (facts) => {
				const { bank, claims } = generateWithClaims(facts);
				for (const q of bank.questions) {
					const isFalseItem =
						(q.kind === 'truefalse' && q.answer === 'False') || q.id.endsWith('.odd-one-out');
					if (!isFalseItem) continue;
					for (const claim of (claims.get(q.id) ?? []).filter((c) => !c.asserted)) {
						const namers = facts.frameworks.filter(
							(f) => oracle(facts, { ...claim, framework: f.id, list: undefined }) === 'true'
						);
						for (const f of namers) {
							const label = f.kind === 'trilateral' ? f.shortName : f.ref;
							expect(q.explanation, q.id).toContain(label);
						}
					}
				}
			})
		);
	});

	it('is deterministic, with unique ids that stay when the frameworks are reordered', () => {
		fc.assert(
			fc.property(factsArb, fc.array(fc.nat()), (facts, keys) => {
				const bank = generateQuestions(facts);
				expect(serializeBank(generateQuestions(structuredClone(facts)))).toBe(serializeBank(bank));
				expect(new Set(ids(bank)).size).toBe(bank.questions.length);
				const [overview, ...rest] = facts.frameworks;
				const shuffled = rest
					.map((f, i) => ({ f, k: keys[i] ?? i }))
					.sort((a, b) => a.k - b.k)
					.map((x) => x.f);
				const reordered = generateQuestions({ ...facts, frameworks: [overview!, ...shuffled] });
				expect(new Set(ids(reordered))).toEqual(new Set(ids(bank)));
			})
		);
	});

	it('builds no card a structural lint rejects: eliminated places, repeated matches, misfiled comparisons, True repeating a cloze', () => {
		const structural = new Set([
			'elimination',
			'matching-each-once',
			'comparison-filing',
			'truefalse-repeats-cloze'
		]);
		fc.assert(
			fc.property(factsArb, (facts) => {
				const failed = lintBank(generateQuestions(facts)).filter((l) => structural.has(l.rule));
				expect(failed).toEqual([]);
			})
		);
	});

	it('puts every answer among the choices and carries each fact’s quote', () => {
		fc.assert(
			fc.property(factsArb, (facts) => {
				for (const q of generateQuestions(facts).questions) {
					const answers = typeof q.answer === 'string' ? [q.answer] : q.answer;
					if (q.choices) for (const a of answers) expect(q.choices, q.id).toContain(a);
					expect(q.source.quote, q.id).toMatch(/^q /);
				}
			})
		);
	});

	it('stamps a version that differs exactly when the serialized content does', () => {
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
	});
});

describe('quotes over random graphs', () => {
	it('are found in a source that holds them with other spacing and curly quotes, and one left out is named', () => {
		fc.assert(
			fc.property(factsArb, fc.nat(), (facts, pickIndex) => {
				const quotes: { id: string; quote: string }[] = [];
				for (const f of facts.frameworks) {
					const meetings = f.meetings ?? [];
					const all = [
						...(f.levels ?? []),
						...(f.statements ?? []),
						...(f.lists ?? []),
						...meetings
					];
					for (const fact of all) {
						quotes.push({ id: fact.id, quote: fact.quote });
					}
				}
				// Each quote a paragraph of its own, spaced and curled otherwise than in the facts.
				const paragraph = (quote: string) => `${quote.replace(/ /g, '  ').replace(/'/g, '’')}.`;
				const page = (list: typeof quotes) =>
					['Title', 'April 6, 2016', 'Heading', ...list.map((q) => paragraph(q.quote))].join(
						'\n\n'
					);
				expect(missingQuotes(facts, page(quotes))).toEqual([]);
				const changed = quotes[pickIndex % quotes.length]!;
				const edited = page(quotes.filter((q) => q !== changed));
				expect(missingQuotes(facts, edited).map((m) => m.fact)).toContain(changed.id);
			})
		);
	});
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Bank } from '../src/lib/domain/bank/bank';
import { lintBank } from '../src/lib/bank-generator/bank-lints';
import { serializeBank } from '../src/lib/bank-generator/generate-questions';
import { uncoveredStatements } from '../src/lib/bank-generator/source-check';
import { findQuote, parseSource } from '../src/lib/domain/bank/source-text';
import { buildBank, readFacts } from './build-bank';
import { SOURCE } from './source-path';

const committed = readFileSync('questions/bank.json', 'utf8');
const bank = JSON.parse(committed) as Bank;
const sourceText = readFileSync(SOURCE, 'utf8');

describe('questions/bank.json', () => {
	it('is what the facts generate (run `npm run questions` when this fails)', () => {
		expect(committed).toBe(serializeBank(buildBank('questions/facts')));
	});

	it('passes every lint', () => {
		expect(lintBank(bank)).toEqual([]);
	});

	it('quotes the source word for word in every question', () => {
		const text = parseSource(sourceText);
		for (const q of bank.questions) {
			for (const ref of [q.source, ...(q.alsoSources ?? [])]) {
				expect(findQuote(text, ref.quote).length, `${q.id}: ${ref.quote}`).toBeGreaterThan(0);
			}
		}
	});

	it('covers every statement of the source with some fact’s quote', () => {
		expect(uncoveredStatements(readFacts('questions/facts'), sourceText)).toEqual([]);
	});

	it('asks every fact as a recall card or a cloze, and as an answer', () => {
		const facts = readFacts('questions/facts');
		const review = new Set(
			bank.questions.filter((q) => q.kind === 'recall' || q.kind === 'cloze').map((q) => q.fact)
		);
		for (const framework of facts.frameworks) {
			for (const fact of [
				...(framework.acronyms ?? []),
				...(framework.levels ?? []),
				...(framework.statements ?? []),
				...(framework.lists ?? []),
				...(framework.meetings ?? []).flatMap((m) => [
					m,
					...(m.statements ?? []),
					...(m.lists ?? [])
				])
			]) {
				expect(review.has(fact.id), fact.id).toBe(true);
			}
		}
	});

	it('names the seven-country meeting as the source does, never by an abbreviation it does not use', () => {
		const g7 = bank.questions.filter((q) => q.framework === 'g7');
		expect(g7.length).toBeGreaterThan(0);
		for (const q of g7) {
			expect(q.source, q.id).toMatchObject({
				section: 'Multilateral frameworks',
				part: 'untitled last paragraph'
			});
		}
		// Everything a learner reads: the bank's questions and framework names.
		for (const q of bank.questions) {
			const read = [q.prompt, q.answer, q.choices, q.items, q.explanation].flat().join('\n');
			expect(read, q.id).not.toMatch(/\bG7\b/);
		}
		for (const framework of bank.frameworks) {
			expect(`${framework.name} ${framework.shortName}`).not.toMatch(/\bG7\b/);
		}
		expect(bank.frameworks.find((f) => f.id === 'g7')?.name).toBe(
			'Meeting of seven major developed countries'
		);
	});

	it('asks the meeting’s membership the other way round, so its name does not give it away', () => {
		const membership = bank.questions.filter(
			(q) => q.framework === 'g7' && /seven major developed countries/.test(String(q.answer))
		);
		expect(membership.map((q) => q.id)).toEqual(['g7.basic-values.which.recall']);
		expect(membership[0]!.prompt).not.toMatch(/seven|developed/);
		expect(membership[0]!.identity).toBe(true);
	});

	it.each([
		[
			// Cards of the bank before the facts graph (commit 875d7e2) that still ask the same fact.
			'review cards whose fact and form remain',
			[
				'overview.aim.recall',
				'japan-us-rok.north-korea.recall',
				'japan-us-rok.meetings.recall',
				'japan-us-rok.summit-2014.recall',
				'japan-us-australia.leaders-2014.shared-values.democracy.cloze',
				'japan-us-india.dialogue-6.ordinal.cloze',
				'eas.priority-areas.energy.cloze',
				'arf.ministerial-21.recall',
				'admm-plus.six-groups.cloze',
				'admm-plus.working-groups.humanitarian-assistance-and-disaster-relief.cloze',
				'g7.recent-topics.the-ukraine-russia-situation.cloze'
			]
		],
		[
			// Same statement, asked without printing another card's answer or accepting less of it.
			'questions whose statement issue 25 reworded rather than replaced',
			[
				'japan-us-australia.share.recall',
				'japan-us-australia.share.cloze',
				'japan-us-india.exchange-views.recall',
				'japan-us-india.exchange-views.cloze',
				'eas.leaders-forum.cloze',
				'eas.concrete-cooperation.cloze',
				'g7.basic-values.cloze',
				'arf.recent-areas.disarmament-and-non-proliferation.both'
			]
		]
	])('keeps the ids of %s', (_, kept) => {
		const ids = new Set(bank.questions.map((q) => q.id));
		for (const id of kept) expect(ids.has(id), id).toBe(true);
	});
});

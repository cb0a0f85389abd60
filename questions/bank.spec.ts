import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Bank } from '../src/lib/domain/bank';
import { lintBank } from '../src/lib/domain/bank-lints';
import { serializeBank } from '../src/lib/domain/generate-questions';
import { uncoveredStatements } from '../src/lib/domain/source-check';
import { findQuote, parseSource } from '../src/lib/domain/source-text';
import { SOURCE, buildBank, readFacts } from './build-bank';

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

	it('words the G7 as the source does: never “the source says G7”, cited as the untitled last paragraph', () => {
		const g7 = bank.questions.filter((q) => q.framework === 'g7');
		expect(g7.length).toBeGreaterThan(0);
		for (const q of g7) {
			expect(q.source, q.id).toMatchObject({
				section: 'Multilateral frameworks',
				part: 'untitled last paragraph'
			});
			expect(q.prompt, q.id).not.toMatch(/\bG7\b/);
		}
		for (const q of bank.questions) {
			expect(`${q.prompt} ${q.explanation}`, q.id).not.toMatch(
				/source (says|names|lists)[^.]*\bG7\b(?! \()/
			);
		}
		expect(bank.frameworks.find((f) => f.id === 'g7')?.shortName).toBe('G7');
	});

	it('keeps the ids of review cards whose fact and form remain', () => {
		// Cards of the bank before the facts graph (commit 875d7e2) that still ask the same fact.
		const kept = [
			'overview.aim.recall',
			'overview.alliance.cloze',
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
		];
		const ids = new Set(bank.questions.map((q) => q.id));
		for (const id of kept) expect(ids.has(id), id).toBe(true);
	});
});

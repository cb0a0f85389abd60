import { describe, expect, it } from 'vitest';
import type { BankFramework } from './bank';
import { cardStatus, filterQuestions, foldText, groupByFramework } from './browse';
import { questionById, SAMPLE_QUESTIONS } from './sample-bank.fixture';
import { newCard } from '../schedule/scheduler';
import { scheduler } from '../schedule/scheduler.fixture';
import { createRecall } from '../schedule/recall';

const framework = (id: string, name: string): BankFramework => ({
	id,
	name,
	shortName: id,
	kind: 'multilateral'
});

describe('foldText', () => {
	it('ignores case, Latin accents and extra spaces but keeps Japanese marks', () => {
		expect(foldText('  Tōkyō   SUMMIT ')).toBe('tokyo summit');
		expect(foldText('が')).toBe('が');
	});
});

describe('filterQuestions', () => {
	it('matches the prompt, the answer or the explanation, case and accents ignored', () => {
		const byPrompt = filterQuestions(SAMPLE_QUESTIONS, 'BANGKOK').map((q) => q.id);
		expect(byPrompt).toContain('arf-founded.which-framework');
		expect(filterQuestions(SAMPLE_QUESTIONS, 'kuàla lumpur').map((q) => q.framework)).toEqual(
			expect.arrayContaining(['eas'])
		);
		const byListAnswer = filterQuestions(SAMPLE_QUESTIONS, 'russia').map((q) => q.id);
		expect(byListAnswer).toContain('eas-members.multi');
	});

	it('needs every word, in any order, and keeps the bank order', () => {
		const both = filterQuestions(SAMPLE_QUESTIONS, 'kuala 2005');
		expect(both.length).toBeGreaterThan(0);
		for (const q of both) expect(q.explanation + q.prompt + String(q.answer)).toMatch(/2005/);
		const ids = both.map((q) => q.id);
		expect(ids).toEqual(SAMPLE_QUESTIONS.filter((q) => ids.includes(q.id)).map((q) => q.id));
		expect(filterQuestions(SAMPLE_QUESTIONS, 'kuala zzz')).toEqual([]);
	});

	it("keeps one framework's questions when one is chosen, with or without words", () => {
		const eas = filterQuestions(SAMPLE_QUESTIONS, '', 'eas');
		expect(eas.length).toBeGreaterThan(0);
		expect(eas.length).toBeLessThan(SAMPLE_QUESTIONS.length);
		expect(new Set(eas.map((q) => q.framework))).toEqual(new Set(['eas']));
		const words = filterQuestions(SAMPLE_QUESTIONS, 'kuala', 'eas');
		expect(words.length).toBeGreaterThan(0);
		expect(words).toEqual(
			filterQuestions(SAMPLE_QUESTIONS, 'kuala').filter((q) => q.framework === 'eas')
		);
		expect(filterQuestions(SAMPLE_QUESTIONS, 'bangkok', 'eas')).toEqual([]);
		expect(filterQuestions(SAMPLE_QUESTIONS, 'bangkok', '')).not.toEqual([]);
	});

	it('keeps everything for an empty or blank query', () => {
		expect(filterQuestions(SAMPLE_QUESTIONS, '   ')).toHaveLength(SAMPLE_QUESTIONS.length);
	});
});

describe('groupByFramework', () => {
	it('groups in the framework order and drops frameworks with no match', () => {
		const frameworks = [framework('arf', 'ARF'), framework('eas', 'EAS'), framework('g7', 'G7')];
		const questions = [questionById('eas-founded.recall'), questionById('arf-founded.single')];
		const groups = groupByFramework(questions, frameworks);
		expect(groups.map((g) => [g.framework.id, g.questions.map((q) => q.id)])).toEqual([
			['arf', ['arf-founded.single']],
			['eas', ['eas-founded.recall']]
		]);
	});
});

describe('cardStatus', () => {
	const now = new Date(2025, 2, 10, 12).getTime();

	it('reads a missing card as new, with no due date or recall', () => {
		expect(cardStatus(undefined, createRecall(), now)).toEqual({
			state: 'new',
			due: null,
			recall: null
		});
	});

	it('gives a rated card its state, due date and recall probability now', () => {
		const rated = scheduler.rate(newCard('q', now), 'good', now, 1000).card;
		const status = cardStatus(rated, createRecall(), now + 60_000);
		expect(status.state).toBe('learning');
		expect(status.due).toBe(rated.due);
		expect(status.recall).toBeGreaterThan(0.9);
		expect(status.recall).toBeLessThanOrEqual(1);
	});
});

import { describe, expect, it } from 'vitest';
import type { Question } from '../bank/bank';
import { frameworkProgress, MASTERED_STABILITY_DAYS } from './framework-progress';
import { reviewQuestionIds } from '../schedule/queue';
import { newCard, type CardState, type StoredCard } from '../schedule/scheduler';
import { createRecall, type Recall } from '../schedule/recall';

const DAY = 24 * 60 * 60_000;
const NOW = Date.UTC(2025, 2, 10, 12, 0);

function question(id: string, framework: string, kind: Question['kind'] = 'recall'): Question {
	return { id, framework, kind } as Question;
}

function card(id: string, state: CardState, stability: number, reviewedAgo = 1): StoredCard {
	return {
		...newCard(id, NOW - 60 * DAY),
		state,
		stability,
		difficulty: 5,
		reps: state === 'new' ? 0 : 3,
		due: NOW + DAY,
		last_review: state === 'new' ? null : NOW - reviewedAgo * DAY
	};
}

/** A recall whose probability is given per card id, so the mean is exact. */
function recallOf(values: Record<string, number>): Pick<Recall, 'recallProbability'> {
	return { recallProbability: (c: StoredCard) => values[c.id] ?? 0 };
}

function progressOf(
	questions: Question[],
	cards: StoredCard[],
	scheduler: Pick<Recall, 'recallProbability'> = recallOf({}),
	cardIds = reviewQuestionIds(questions)
) {
	return frameworkProgress(
		questions,
		cardIds,
		new Map(cards.map((c) => [c.id, c])),
		scheduler,
		NOW
	);
}

describe('frameworkProgress', () => {
	it('gives one row per framework with review cards, in bank order, all unseen at first', () => {
		const questions = [
			question('g7.a', 'g7'),
			question('eas.a', 'eas'),
			question('g7.b', 'g7', 'cloze'),
			question('arf.a', 'arf', 'single'),
			question('eas.b', 'eas', 'truefalse')
		];
		expect(progressOf(questions, [])).toEqual([
			{ framework: 'g7', cards: 2, seen: 0, mastered: 0, recall: null },
			{ framework: 'eas', cards: 1, seen: 0, mastered: 0, recall: null }
		]);
	});

	it('gives no rows for an empty bank', () => {
		expect(progressOf([], [card('x', 'review', 30)])).toEqual([]);
	});

	it('counts every card rated at least once as seen, and a new or missing card as unseen', () => {
		const questions = ['n', 'missing', 'l', 'r', 'rl'].map((id) => question(id, 'eas'));
		const cards = [
			card('n', 'new', 0),
			card('l', 'learning', 0.5),
			card('r', 'review', 4),
			card('rl', 'relearning', 2)
		];
		expect(progressOf(questions, cards)).toMatchObject([
			{ framework: 'eas', cards: 5, seen: 3, mastered: 0 }
		]);
	});

	it('counts a card as mastered from a stability of three weeks', () => {
		expect(MASTERED_STABILITY_DAYS).toBe(21);
		const questions = ['below', 'at', 'above', 'lapsed'].map((id) => question(id, 'g7'));
		const cards = [
			card('below', 'review', 20.99),
			card('at', 'review', 21),
			card('above', 'review', 400),
			// Stability is what counts, whatever the state.
			card('lapsed', 'relearning', 25)
		];
		expect(progressOf(questions, cards)).toMatchObject([{ cards: 4, seen: 4, mastered: 3 }]);
	});

	it('never counts a new card as mastered, whatever its stability', () => {
		const questions = [question('n', 'g7')];
		expect(progressOf(questions, [card('n', 'new', 100)])).toMatchObject([
			{ seen: 0, mastered: 0, recall: null }
		]);
	});

	it('gives the mean recall of the seen cards only, per framework', () => {
		const questions = [
			question('eas.a', 'eas'),
			question('eas.b', 'eas'),
			question('eas.new', 'eas'),
			question('g7.a', 'g7')
		];
		const cards = [
			card('eas.a', 'review', 5),
			card('eas.b', 'learning', 1),
			card('g7.a', 'review', 30)
		];
		const rows = progressOf(
			questions,
			cards,
			recallOf({ 'eas.a': 0.9, 'eas.b': 0.5, 'eas.new': 0.1, 'g7.a': 0.8 })
		);
		expect(rows.map((r) => [r.framework, r.recall])).toEqual([
			['eas', 0.7],
			['g7', 0.8]
		]);
	});

	it('ignores stored cards whose question is not a review card or has left the bank', () => {
		const questions = [question('eas.a', 'eas'), question('eas.quiz', 'eas', 'single')];
		const cards = [
			card('eas.quiz', 'review', 30),
			card('gone', 'review', 30),
			card('eas.a', 'review', 30)
		];
		expect(progressOf(questions, cards, recallOf({ 'eas.quiz': 0, gone: 0, 'eas.a': 1 }))).toEqual([
			{ framework: 'eas', cards: 1, seen: 1, mastered: 1, recall: 1 }
		]);
		// An id in the card list with no question (a caller's stale list) is skipped, not counted.
		expect(
			progressOf(questions, cards, recallOf({}), ['gone', 'eas.a']).map((r) => r.cards)
		).toEqual([1]);
	});

	it('uses FSRS recall: a card reviewed just now is fully remembered', () => {
		const questions = [question('a', 'arf'), question('b', 'arf')];
		const justNow = card('a', 'review', 10, 0);
		const monthAgo = card('b', 'review', 10, 30);
		const [row] = progressOf(questions, [justNow, monthAgo], createRecall());
		const older = createRecall().recallProbability(monthAgo, NOW);
		expect(older).toBeGreaterThan(0);
		expect(older).toBeLessThan(0.9);
		expect(row?.recall).toBeCloseTo((1 + older) / 2, 10);
	});
});

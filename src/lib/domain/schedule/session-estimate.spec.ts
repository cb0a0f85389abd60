import { describe, expect, it } from 'vitest';
import { createScheduler, newCard, schedulerParams, type StoredCard } from './scheduler';
import { ratingsLeft, stepMs } from './session-estimate';
import { DEFAULT_SETTINGS } from '../records/settings';

const T0 = Date.UTC(2026, 3, 6, 9);
const MINUTE = 60_000;
const steps = DEFAULT_SETTINGS; // 1m, 10m; relearning 10m

/** The card after `ratings` Good ratings from new, each given when the card fell due. */
function rated(ratings: number, settings = DEFAULT_SETTINGS): StoredCard {
	const scheduler = createScheduler(schedulerParams(settings, false));
	let card = newCard('q', T0);
	for (let i = 0; i < ratings; i += 1) card = scheduler.rate(card, 'good', card.due, 1000).card;
	return card;
}

describe('ratingsLeft', () => {
	it('reads learning steps', () => {
		expect(stepMs('1m')).toBe(MINUTE);
		expect(stepMs('1.5h')).toBe(90 * MINUTE);
		expect(stepMs('2d')).toBe(2 * 24 * 60 * MINUTE);
	});

	it('counts what rating Good takes with the default steps: a new card twice, a review once', () => {
		const cards = new Map([
			['review', { ...rated(2), id: 'review' }],
			['learning', { ...rated(1), id: 'learning' }]
		]);
		expect(cards.get('review')?.state).toBe('review');
		expect(cards.get('learning')?.state).toBe('learning');
		expect(ratingsLeft(['new'], (id) => cards.get(id), steps)).toBe(2);
		expect(ratingsLeft(['learning'], (id) => cards.get(id), steps)).toBe(1);
		expect(ratingsLeft(['review'], (id) => cards.get(id), steps)).toBe(1);
		expect(ratingsLeft(['new', 'new2', 'learning', 'review'], (id) => cards.get(id), steps)).toBe(
			6
		);
	});

	it('agrees with the scheduler: Good ratings until the card leaves the session', () => {
		for (const learningSteps of [[], ['10m'], ['1m', '10m'], ['1m', '5m', '15m']] as const) {
			const settings = { ...DEFAULT_SETTINGS, learningSteps: [...learningSteps] };
			const scheduler = createScheduler(schedulerParams(settings, false));
			let card = newCard('q', T0);
			let goods = 0;
			// Rated Good whenever it is due, until its next step is past the learn-ahead window.
			do {
				card = scheduler.rate(card, 'good', card.due, 1000).card;
				goods += 1;
			} while (card.state !== 'review' && card.due - card.last_review! <= 20 * MINUTE);
			expect(
				ratingsLeft(['q'], () => undefined, settings),
				learningSteps.join()
			).toBe(goods);
		}
	});

	it('lets a card go when its next step is longer than the learn-ahead window', () => {
		expect(ratingsLeft(['q'], () => undefined, { ...steps, learningSteps: ['10m', '1d'] })).toBe(1);
		const relearning = { ...rated(2), state: 'relearning' as const, learning_steps: 0 };
		expect(ratingsLeft(['q'], () => relearning, steps)).toBe(1);
		expect(ratingsLeft(['q'], () => relearning, { ...steps, relearningSteps: ['1m', '10m'] })).toBe(
			2
		);
	});
});

import { describe, expect, it } from 'vitest';
import { nextCardDue, type NextDueInput } from './next-due';
import { newCard, type StoredCard } from './scheduler';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Local time, as study days are: 2025-03-10 21:00, a Monday evening.
const NOW = new Date(2025, 2, 10, 21, 0).getTime();
const TOMORROW_4AM = new Date(2025, 2, 11, 4, 0).getTime();
const settings = { newPerDay: 20, reviewsPerDay: 200, dayStartHour: 4 };

function card(id: string, state: StoredCard['state'], due: number): StoredCard {
	return { ...newCard(id, 0), state, due, last_review: due - DAY, stability: 3, reps: 2 };
}

function next(cards: StoredCard[], order: string[], overrides: Partial<NextDueInput> = {}) {
	return nextCardDue({
		cards: new Map(cards.map((c) => [c.id, c])),
		questionOrder: order,
		now: NOW,
		settings,
		...overrides
	});
}

describe('the next card after today’s queue is empty', () => {
	it('is tomorrow’s start (4 a.m.) when unseen cards wait for the next new-card allowance', () => {
		const far = card('r', 'review', NOW + 30 * DAY);
		expect(next([far], ['r', 'n1', 'n2'])).toBe(TOMORROW_4AM);
	});

	it('is tomorrow’s start when today’s review limit held back a due review', () => {
		const due = card('r', 'review', NOW - 2 * DAY);
		expect(next([due], ['r'])).toBe(TOMORROW_4AM);
	});

	it('is the start of the study day a review falls due in, not its due time', () => {
		// Due on Thursday at 15:00: the queue takes it from Thursday 4 a.m.
		const later = card('r', 'review', new Date(2025, 2, 13, 15, 0).getTime());
		expect(next([later], ['r'])).toBe(new Date(2025, 2, 13, 4, 0).getTime());
		// Due on Thursday at 02:00, which is still Wednesday's study day.
		const early = card('e', 'review', new Date(2025, 2, 13, 2, 0).getTime());
		expect(next([early], ['e'])).toBe(new Date(2025, 2, 12, 4, 0).getTime());
	});

	it('is a learning card’s own due time, the earliest of all', () => {
		const learning = card('l', 'learning', NOW + 2 * HOUR);
		const review = card('r', 'review', NOW + 5 * DAY);
		expect(next([learning, review], ['r', 'l', 'n'])).toBe(NOW + 2 * HOUR);
		const relearning = card('x', 'relearning', NOW + 10 * HOUR);
		expect(next([relearning], ['x'])).toBe(NOW + 10 * HOUR);
	});

	it('ignores cards whose question is not reviewed, and kinds whose daily limit is 0', () => {
		const gone = card('gone', 'learning', NOW + HOUR);
		const review = card('r', 'review', NOW + 5 * DAY);
		expect(next([gone, review], ['r'])).toBe(new Date(2025, 2, 15, 4, 0).getTime());
		const noNew = { ...settings, newPerDay: 0 };
		expect(next([review], ['r', 'n'], { settings: noNew })).toBe(
			new Date(2025, 2, 15, 4, 0).getTime()
		);
		expect(next([review], ['r'], { settings: { ...settings, reviewsPerDay: 0 } })).toBeNull();
	});

	it('is null with nothing to review', () => {
		expect(next([], [])).toBeNull();
	});
});

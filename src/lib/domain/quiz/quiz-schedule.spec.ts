import { describe, expect, it } from 'vitest';
import { newCard, type StoredCard } from '../schedule/scheduler';
import { scheduleEffect } from './quiz-schedule';

const NOW = Date.UTC(2025, 0, 6, 9, 0);
const fresh = newCard('q1', NOW - 1000);
const review: StoredCard = { ...fresh, state: 'review', reps: 3, last_review: NOW - 86_400_000 };
const due = { ...review, due: NOW };
const notDue = { ...review, due: NOW + 1 };

describe('scheduleEffect', () => {
	it('grades a new or due card Good when right, Again when wrong', () => {
		for (const card of [undefined, fresh, due]) {
			expect(scheduleEffect(card, true, NOW)).toBe('good');
			expect(scheduleEffect(card, false, NOW)).toBe('again');
		}
	});

	it('leaves a card that is not due alone', () => {
		expect(scheduleEffect(notDue, true, NOW)).toBeNull();
		expect(scheduleEffect(notDue, false, NOW)).toBeNull();
	});
});

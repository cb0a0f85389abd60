import { describe, expect, it } from 'vitest';
import { examDayStart, recallOutlook } from './exam';
import { examDaysLeft, examMaximumInterval, isDayKey } from './exam-date';
import { createRecall } from '../schedule/recall';
import { createScheduler, newCard, schedulerParams } from '../schedule/scheduler';
import { DEFAULT_SETTINGS, validateSettings } from '../records/settings';

// Local-time constructors keep these tests right in any time zone.
const at = (d: number, h: number) => new Date(2026, 5, d, h).getTime();
const DAY = 86_400_000;

describe('the exam date', () => {
	it('counts study days left, the day starting at the start hour', () => {
		expect(examDaysLeft('2026-06-15', at(10, 12), 4)).toBe(5);
		// 3 a.m. on the 11th is still the 10th's study day.
		expect(examDaysLeft('2026-06-15', at(11, 3), 4)).toBe(5);
		expect(examDaysLeft('2026-06-15', at(15, 9), 4)).toBe(0);
		expect(examDaysLeft('2026-06-15', at(16, 9), 4)).toBe(-1);
	});

	it('caps the longest interval at the days left, at least 1, and only while set', () => {
		expect(examMaximumInterval(36500, null, at(10, 12), 4)).toBe(36500);
		expect(examMaximumInterval(36500, '2026-06-15', at(10, 12), 4)).toBe(5);
		expect(examMaximumInterval(3, '2026-06-15', at(10, 12), 4)).toBe(3);
		expect(examMaximumInterval(36500, '2026-06-15', at(15, 12), 4)).toBe(1);
		expect(examMaximumInterval(36500, '2026-06-15', at(16, 12), 4)).toBe(36500);
	});

	it('keeps every interval the scheduler gives within the exam', () => {
		const settings = { ...DEFAULT_SETTINGS, examDate: '2026-06-15' };
		const now = at(10, 12);
		const scheduler = createScheduler(schedulerParams(settings, false));
		const examStart = examDayStart('2026-06-15', 4);
		let card = newCard('q', now);
		let time = now;
		// Easy each time the card comes back before the exam: it still comes back by the exam day.
		while (time < examStart) {
			card = scheduler.rate(card, 'easy', time, 1000).card;
			expect(card.due).toBeLessThan(examStart + DAY);
			time = card.due;
		}
		// Every button, for a card in review whose Hard already reaches the cap (ts-fsrs puts Good
		// and Easy a day or two past it).
		const review = scheduler.rate(newCard('r', at(1, 12)), 'easy', at(1, 12), 1000).card;
		const buttons = scheduler.preview({ ...review, stability: 200 }, now);
		for (const rating of ['again', 'hard', 'good', 'easy'] as const) {
			expect(buttons[rating].due).toBeLessThanOrEqual(now + 5 * DAY);
			const rated = scheduler.rate({ ...review, stability: 200 }, rating, now, 1000).card;
			expect(rated.due).toBe(buttons[rating].due);
		}
		// Without the exam the same easy ratings go far past it.
		const free = createScheduler(schedulerParams(DEFAULT_SETTINGS, false));
		expect(free.rate(newCard('q', now), 'easy', now, 1000).card.due).toBeGreaterThan(
			examDayStart('2026-06-15', 4) + DAY
		);
	});

	it('accepts only real dates, and the settings validator says what is wrong', () => {
		expect(isDayKey('2026-02-28')).toBe(true);
		expect(isDayKey('2026-02-30')).toBe(false);
		expect(isDayKey('15/06/2026')).toBe(false);
		const result = validateSettings({ examDate: '2026-13-01' });
		expect(result).toEqual({
			ok: false,
			errors: [
				{
					field: 'examDate',
					message: `examDate must be null or a date written like '2026-07-15', got "2026-13-01"`
				}
			]
		});
		expect(validateSettings({ examDate: null })).toMatchObject({ ok: true });
	});
});

describe('predicted recall on the exam day', () => {
	const scheduler = createScheduler(schedulerParams(DEFAULT_SETTINGS, false));
	const recall = createRecall();
	const now = at(1, 12);
	const good = scheduler.rate(newCard('a', now), 'good', now, 1000).card;
	const reviewed = scheduler.rate(
		scheduler.rate(good, 'good', good.due, 1000).card,
		'good',
		at(3, 12),
		1000
	).card;

	it('averages the studied cards, leaves out new ones, counts those below the retention', () => {
		const exam = at(20, 4);
		const cards = [reviewed, good, newCard('c', now)];
		const outlook = recallOutlook(cards, recall, exam, 0.9);
		const r1 = recall.recallProbability(reviewed, exam);
		const r2 = recall.recallProbability(good, exam);
		expect(outlook.studied).toBe(2);
		expect(outlook.recall).toBeCloseTo((r1 + r2) / 2, 10);
		expect(outlook.below).toBe([r1, r2].filter((r) => r < 0.9).length);
		expect(outlook.below).toBeGreaterThan(0);
		expect(recallOutlook([newCard('c', now)], recall, exam, 0.9)).toEqual({
			studied: 0,
			recall: null,
			below: 0
		});
	});
});

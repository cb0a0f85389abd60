import { describe, expect, it } from 'vitest';
import {
	newCard,
	type Rating,
	type ReviewRecord,
	type CardState,
	type StoredCard
} from './scheduler';
import {
	dueForecast,
	formatDay,
	heatLevel,
	reviewsPerDay,
	shiftDay,
	trueRetention
} from './stats-activity';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Monday 10 March 2025, local noon; the study day starts at 4 a.m. */
const NOW = new Date(2025, 2, 10, 12, 0).getTime();
const at = (day: number, hour: number, minute = 0) =>
	new Date(2025, 2, day, hour, minute).getTime();

function log(review: number, rating: Rating = 'good', state: CardState = 'review'): ReviewRecord {
	return {
		card_id: 'q',
		rating,
		state,
		due: review,
		stability: 5,
		difficulty: 5,
		elapsed_days: 1,
		last_elapsed_days: 1,
		scheduled_days: 1,
		learning_steps: 0,
		review,
		duration_ms: 1000
	};
}

function card(id: string, state: CardState, due: number): StoredCard {
	return { ...newCard(id, NOW - 10 * DAY), state, due, last_review: NOW - DAY, stability: 3 };
}

describe('shiftDay', () => {
	it('moves across month and year ends by calendar days', () => {
		expect(shiftDay('2025-03-01', -1)).toBe('2025-02-28');
		expect(shiftDay('2024-12-31', 1)).toBe('2025-01-01');
		expect(shiftDay('2025-03-10', -83)).toBe('2024-12-17');
	});
});

describe('reviewsPerDay', () => {
	it('covers the last 84 study days ending today, oldest first, Monday as weekday 0', () => {
		const days = reviewsPerDay([], NOW, 4);
		expect(days).toHaveLength(84);
		expect(days.at(-1)).toEqual({ day: '2025-03-10', weekday: 0, count: 0 });
		expect(days[0]?.day).toBe('2024-12-17');
		expect(days.at(-2)?.weekday).toBe(6);
	});

	it('counts a review before the day start hour for the previous study day', () => {
		const logs = [log(at(10, 3, 59)), log(at(10, 4, 0)), log(at(10, 11)), log(at(9, 23))];
		const days = reviewsPerDay(logs, NOW, 4);
		expect(days.at(-1)?.count).toBe(2);
		expect(days.at(-2)?.count).toBe(2);
	});

	it('follows the day start hour setting', () => {
		const days = reviewsPerDay([log(at(10, 3, 59))], NOW, 0);
		expect(days.at(-1)?.count).toBe(1);
	});

	it('leaves out reviews older than the window and after today', () => {
		const logs = [log(NOW - 84 * DAY), log(NOW - 83 * DAY), log(at(11, 5))];
		const days = reviewsPerDay(logs, NOW, 4);
		expect(days.reduce((sum, d) => sum + d.count, 0)).toBe(1);
		expect(days[0]?.count).toBe(1);
	});
});

describe('dueForecast', () => {
	const ids = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'gone']);

	it('counts cards per study day for 30 days, overdue ones today, new and unknown ones never', () => {
		const cards = [
			card('a', 'review', NOW - 5 * DAY), // overdue: today
			card('b', 'learning', at(11, 3)), // before 4 a.m. tomorrow: still today
			card('c', 'review', at(11, 4)), // tomorrow
			card('d', 'review', at(10, 12) + 29 * DAY), // the 30th day
			card('e', 'review', at(10, 12) + 30 * DAY), // beyond the forecast
			card('f', 'new', NOW),
			card('not-in-bank', 'review', NOW)
		];
		const forecast = dueForecast(cards, ids, NOW, 4);
		expect(forecast).toHaveLength(30);
		expect(forecast[0]).toEqual({ day: '2025-03-10', weekday: 0, count: 2 });
		expect(forecast[1]).toEqual({ day: '2025-03-11', weekday: 1, count: 1 });
		expect(forecast[29]?.count).toBe(1);
		expect(forecast.reduce((sum, d) => sum + d.count, 0)).toBe(4);
	});
});

describe('trueRetention', () => {
	it('is the share of non-again ratings of review-state cards in the window', () => {
		const logs = [
			log(at(10, 9), 'good'),
			log(at(10, 9), 'hard'),
			log(at(10, 9), 'easy'),
			log(at(10, 9), 'again'),
			log(at(10, 9), 'again', 'learning'),
			log(at(10, 9), 'good', 'relearning'),
			log(at(10, 9), 'good', 'new')
		];
		expect(trueRetention(logs, NOW, 4, 7)).toEqual({ days: 7, passed: 3, total: 4, rate: 0.75 });
	});

	it('covers whole study days: 7 days back from today starts at 4 a.m. six days ago', () => {
		const logs = [log(at(4, 4, 0), 'good'), log(at(4, 3, 59), 'again'), log(at(1, 12), 'again')];
		expect(trueRetention(logs, NOW, 4, 7)).toMatchObject({ passed: 1, total: 1, rate: 1 });
		expect(trueRetention(logs, NOW, 4, 30)).toMatchObject({ passed: 1, total: 3 });
	});

	it('has no rate without reviews', () => {
		expect(trueRetention([log(at(10, 9), 'good', 'learning')], NOW, 4, 30).rate).toBeNull();
	});
});

describe('heatLevel', () => {
	it('is 0 for no reviews and splits the busiest day into quarters', () => {
		expect([0, 1, 5, 6, 10, 20].map((n) => heatLevel(n, 20))).toEqual([0, 1, 1, 2, 2, 4]);
		expect(heatLevel(0, 0)).toBe(0);
	});
});

describe('formatDay', () => {
	it('names the weekday and date', () => {
		expect(formatDay('2025-03-10')).toBe('Mon 10 Mar');
	});
});

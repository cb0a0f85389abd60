import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	newCard,
	type Rating,
	type ReviewRecord,
	type CardState,
	type StoredCard
} from '../schedule/scheduler';
import {
	dueForecast,
	firstReviewDay,
	formatDay,
	heatLegend,
	heatLevel,
	heatmapLayout,
	reviewsPerDay,
	shiftDay,
	trueRetention
} from './stats-activity';
import { reviewsOn, type DayCount } from '../study-day/study-day';

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
	const counts = (...list: DayCount[]) => new Map(list.map((c) => [c.day, c]));

	it('covers the last 84 study days ending today, oldest first, Monday as weekday 0', () => {
		const days = reviewsPerDay(new Map(), '2025-03-10');
		expect(days).toHaveLength(84);
		expect(days.at(-1)).toEqual({ day: '2025-03-10', weekday: 0, count: 0 });
		expect(days[0]?.day).toBe('2024-12-17');
		expect(days.at(-2)?.weekday).toBe(6);
	});

	it('counts every review of the day, new, learning or due, as Today does', () => {
		const today = { day: '2025-03-10', new: 20, learning: 40, review: 2 };
		const days = reviewsPerDay(counts(today), '2025-03-10');
		expect(days.at(-1)?.count).toBe(62);
		expect(days.at(-1)?.count).toBe(reviewsOn(today));
	});

	it('leaves out days before the window and after today', () => {
		const days = reviewsPerDay(
			counts(
				{ day: '2024-12-16', new: 5, learning: 0, review: 0 },
				{ day: '2024-12-17', new: 1, learning: 0, review: 0 },
				{ day: '2025-03-11', new: 9, learning: 0, review: 0 }
			),
			'2025-03-10'
		);
		expect(days.reduce((sum, d) => sum + d.count, 0)).toBe(1);
		expect(days[0]?.count).toBe(1);
	});
});

describe('dueForecast', () => {
	const ids = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'gone']);

	it('counts what is left today, then cards per study day for 30 days; new and unknown ones never', () => {
		const cards = [
			card('a', 'review', NOW - 5 * DAY), // overdue, in today's queue: today
			card('b', 'learning', at(11, 3)), // a step before 4 a.m. tomorrow: still today
			card('c', 'review', at(11, 4)), // tomorrow
			card('d', 'review', at(10, 12) + 29 * DAY), // the 30th day
			card('e', 'review', at(10, 12) + 30 * DAY), // beyond the forecast
			card('f', 'new', NOW),
			card('g', 'review', NOW - DAY), // held back by the limit or a sibling: tomorrow
			card('h', 'learning', NOW - 60_000), // in today's queue: today
			card('not-in-bank', 'review', NOW)
		];
		const forecast = dueForecast(cards, ids, new Set(['a', 'h', 'f']), NOW, 4);
		expect(forecast).toHaveLength(30);
		expect(forecast[0]).toEqual({ day: '2025-03-10', weekday: 0, count: 3 });
		expect(forecast[1]).toEqual({ day: '2025-03-11', weekday: 1, count: 2 });
		expect(forecast[29]?.count).toBe(1);
		expect(forecast.reduce((sum, d) => sum + d.count, 0)).toBe(6);
	});
});

describe('firstReviewDay', () => {
	it('is the study day of the earliest due card in review state, learning cards aside', () => {
		const ids = new Set(['a', 'b', 'c']);
		const cards = [
			card('a', 'learning', at(10, 13)),
			card('b', 'review', at(14, 3)), // before 4 a.m.: the 13th's study day
			card('c', 'review', at(20, 9)),
			card('gone', 'review', at(11, 9))
		];
		expect(firstReviewDay(cards, ids, 4)).toBe('2025-03-13');
		expect(firstReviewDay(cards.slice(0, 1), ids, 4)).toBeNull();
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
		expect(trueRetention(logs, NOW, 4, 7)).toEqual({
			days: 7,
			passed: 3,
			total: 4,
			reviews: 7,
			rate: 0.75
		});
	});

	it('covers whole study days: 7 days back from today starts at 4 a.m. six days ago', () => {
		const logs = [log(at(4, 4, 0), 'good'), log(at(4, 3, 59), 'again'), log(at(1, 12), 'again')];
		expect(trueRetention(logs, NOW, 4, 7)).toMatchObject({ passed: 1, total: 1, rate: 1 });
		expect(trueRetention(logs, NOW, 4, 30)).toMatchObject({ passed: 1, total: 3 });
	});

	it('has no rate on a first day of new cards and learning steps, however many reviews', () => {
		const firstDay = Array.from({ length: 62 }, (_, i) =>
			log(at(10, 9, i % 60), 'good', i < 20 ? 'new' : 'learning')
		);
		expect(trueRetention(firstDay, NOW, 4, 30)).toEqual({
			days: 30,
			passed: 0,
			total: 0,
			reviews: 62,
			rate: null
		});
	});
});

describe('heatLevel', () => {
	it('is 0 for no reviews and splits the busiest day into quarters', () => {
		expect([0, 1, 5, 6, 10, 20].map((n) => heatLevel(n, 20))).toEqual([0, 1, 1, 2, 2, 4]);
		expect(heatLevel(0, 0)).toBe(0);
	});
});

describe('heatLegend', () => {
	it('names the reviews a day of each shade, as heatLevel shades them', () => {
		expect(heatLegend(20)).toEqual([
			{ level: 0, label: '0' },
			{ level: 1, label: '1–5' },
			{ level: 2, label: '6–10' },
			{ level: 3, label: '11–15' },
			{ level: 4, label: '16–20' }
		]);
		// Two reviews at most: only the shades a day can get.
		expect(heatLegend(2).map((l) => l.label)).toEqual(['0', '1', '2']);
		expect(heatLegend(0)).toEqual([{ level: 0, label: '0' }]);
	});

	it('puts every count in the entry of its shade', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), (a, b) => {
				const [count, max] = a <= b ? [a, b] : [b, a];
				const entry = heatLegend(max).find((l) => {
					const [from, to = from] = l.label.split('–').map(Number) as [number, number?];
					return count >= from && count <= to;
				});
				expect(entry?.level).toBe(heatLevel(count, max));
			})
		);
	});
});

describe('heatmapLayout', () => {
	it('lays 12 weeks out Monday to Sunday and names each month where it begins', () => {
		// 84 days ending Monday 10 March 2025: from Tuesday 17 December 2024.
		const days = reviewsPerDay(new Map(), '2025-03-10');
		const { weeks, months } = heatmapLayout(days);
		expect(weeks).toHaveLength(13);
		expect(weeks[0]?.[0]).toBeUndefined();
		expect(weeks[0]?.[1]?.day).toBe('2024-12-17');
		expect(weeks[12]?.[0]?.day).toBe('2025-03-10');
		expect(weeks[12]?.slice(1)).toEqual([
			undefined,
			undefined,
			undefined,
			undefined,
			undefined,
			undefined
		]);
		// 1 January falls in the week of 30 December, 1 February in that of 27 January, 1 March in
		// that of 24 February; December, begun before the range, gives way to January two columns on.
		expect(months).toEqual([
			{ week: 2, label: 'Jan' },
			{ week: 6, label: 'Feb' },
			{ week: 10, label: 'Mar' }
		]);
	});

	it('keeps the first month when the next begins 3 or more columns later', () => {
		const { months } = heatmapLayout(reviewsPerDay(new Map(), '2025-03-25'));
		// From 1 January 2025 (a Wednesday), the range's own first day.
		expect(months.map((m) => m.label)).toEqual(['Jan', 'Feb', 'Mar']);
		expect(months[0]).toEqual({ week: 0, label: 'Jan' });
	});
});

describe('formatDay', () => {
	it('names the weekday and date', () => {
		expect(formatDay('2025-03-10')).toBe('Mon 10 Mar');
	});
});

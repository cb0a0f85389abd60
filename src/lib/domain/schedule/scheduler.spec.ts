import { describe, expect, it } from 'vitest';
import { createEmptyCard } from 'ts-fsrs';
import fc from 'fast-check';
import {
	createScheduler,
	DEFAULT_SCHEDULER_PARAMS,
	newCard,
	RATINGS,
	type ReviewRecord,
	type StoredCard
} from './scheduler';
import { createRecall } from './recall';
import { formatInterval } from '../study-day/duration-format';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = Date.UTC(2025, 0, 6, 9, 0); // a Monday, 09:00 UTC
const scheduler = createScheduler({ ...DEFAULT_SCHEDULER_PARAMS, enableFuzz: false });

describe('a new card with the default steps (1m, 10m)', () => {
	it('is new, due now, never reviewed', () => {
		const card = newCard('q1', T0);
		expect(card).toMatchObject({ id: 'q1', state: 'new', due: T0, reps: 0, last_review: null });
	});

	it("is ts-fsrs's empty card, field for field", () => {
		const empty = createEmptyCard(new Date(T0));
		expect(newCard('q1', T0)).toEqual({
			...empty,
			id: 'q1',
			due: T0,
			state: 'new',
			last_review: null
		});
	});

	it('gives Again 1m, Hard 6m, Good 10m, Easy 8d', () => {
		// Again → the first step; Hard → the mean of the first two steps, (1 + 10) / 2 rounded
		// (ts-fsrs documents this on its Steps type); Good → the second step; Easy skips learning:
		// the interval is the initial Easy stability (w3 ≈ 8.30 d at 90 %) rounded to days.
		const preview = scheduler.preview(newCard('q1', T0), T0);
		expect(preview.again.intervalMs).toBe(1 * MIN);
		expect(preview.hard.intervalMs).toBe(6 * MIN);
		expect(preview.good.intervalMs).toBe(10 * MIN);
		expect(preview.easy.intervalMs).toBe(8 * DAY);
		expect(RATINGS.map((r) => formatInterval(preview[r].intervalMs))).toEqual([
			'1m',
			'6m',
			'10m',
			'8d'
		]);
	});

	it('moves to learning on Good and to review on Easy', () => {
		const good = scheduler.rate(newCard('q1', T0), 'good', T0, 4200);
		expect(good.card).toMatchObject({
			state: 'learning',
			due: T0 + 10 * MIN,
			reps: 1,
			last_review: T0
		});
		const easy = scheduler.rate(newCard('q1', T0), 'easy', T0, 4200);
		expect(easy.card).toMatchObject({ state: 'review', scheduled_days: 8 });
		expect(easy.card.due - T0).toBeGreaterThanOrEqual(DAY);
	});

	it('logs the state before the rating, the rating time and the answer duration', () => {
		const { log } = scheduler.rate(newCard('q1', T0), 'good', T0 + 5000, 4200.4);
		expect(log).toEqual({
			card_id: 'q1',
			rating: 'good',
			state: 'new',
			due: T0,
			stability: 0,
			difficulty: 0,
			elapsed_days: 0,
			last_elapsed_days: 0,
			scheduled_days: 0,
			learning_steps: 0,
			review: T0 + 5000,
			duration_ms: 4200
		});
	});
});

describe('after Good, Good (graduated on day 0)', () => {
	const first = scheduler.rate(newCard('q1', T0), 'good', T0, 0).card;
	const graduated = scheduler.rate(first, 'good', first.due, 0).card;

	it('graduates to review for 2 days (stability of Good ≈ 2.31 d at 90 %)', () => {
		expect(graduated).toMatchObject({ state: 'review', scheduled_days: 2, reps: 2, lapses: 0 });
		expect(graduated.due - first.due).toBe(2 * DAY);
	});

	it('at its due date offers Again 10m (relearning), Hard 8d, Good 11d, Easy 19d', () => {
		const preview = scheduler.preview(graduated, graduated.due);
		expect(RATINGS.map((r) => formatInterval(preview[r].intervalMs))).toEqual([
			'10m',
			'8d',
			'11d',
			'19d'
		]);
		const again = scheduler.rate(graduated, 'again', graduated.due, 0).card;
		expect(again).toMatchObject({ state: 'relearning', lapses: 1 });
	});

	it('has about 90 % recall probability at its due date, less later, 0 when new', () => {
		const recall = createRecall();
		const atDue = recall.recallProbability(graduated, graduated.due);
		expect(atDue).toBeGreaterThan(0.89);
		expect(atDue).toBeLessThan(0.92);
		expect(recall.recallProbability(graduated, graduated.due + 30 * DAY)).toBeLessThan(atDue);
		expect(recall.recallProbability(newCard('q2', T0), T0)).toBe(0);
	});
});

it('a higher desired retention gives shorter intervals', () => {
	const strict = createScheduler({
		...DEFAULT_SCHEDULER_PARAMS,
		enableFuzz: false,
		desiredRetention: 0.97
	});
	const card = scheduler.rate(newCard('q1', T0), 'easy', T0, 0).card;
	expect(strict.preview(card, card.due).good.intervalMs).toBeLessThan(
		scheduler.preview(card, card.due).good.intervalMs
	);
});

it('caps intervals at the maximum interval', () => {
	const capped = createScheduler({
		...DEFAULT_SCHEDULER_PARAMS,
		enableFuzz: false,
		maximumInterval: 3
	});
	expect(capped.preview(newCard('q1', T0), T0).easy.intervalMs).toBe(3 * DAY);
});

describe('replay', () => {
	function history(ratings: (typeof RATINGS)[number][]): {
		card: StoredCard;
		logs: ReviewRecord[];
	} {
		let card = newCard('q1', T0);
		const logs: ReviewRecord[] = [];
		for (const rating of ratings) {
			const result = scheduler.rate(card, rating, Math.max(card.due, T0), 1000);
			card = result.card;
			logs.push(result.log);
		}
		return { card, logs };
	}

	it('rebuilds the same card from its log, whatever order the log comes in', () => {
		const { card, logs } = history(['good', 'good', 'again', 'good', 'easy', 'hard']);
		expect(scheduler.replay('q1', [...logs].reverse())).toEqual(card);
	});

	it('ignores logs of other cards and gives a new card for no logs', () => {
		const { card, logs } = history(['good', 'easy']);
		const other = { ...logs[0]!, card_id: 'q2', rating: 'again' as const };
		expect(scheduler.replay('q1', [other, ...logs])).toEqual(card);
		expect(scheduler.replay('q9', logs)).toMatchObject({ id: 'q9', state: 'new', reps: 0 });
	});

	it('matches step-by-step rating for any rating sequence (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom(...RATINGS), { minLength: 1, maxLength: 12 }),
				(ratings) => {
					const { card, logs } = history(ratings);
					expect(scheduler.replay('q1', logs)).toEqual(card);
				}
			)
		);
	});
});

describe('with fuzz on, as in the app', () => {
	const fuzzed = createScheduler(DEFAULT_SCHEDULER_PARAMS);

	it('a rating gives the interval its button showed, though the click comes later (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom(...RATINGS), { minLength: 0, maxLength: 8 }),
				fc.integer({ min: 0, max: 40 * DAY }),
				fc.integer({ min: 1, max: 90_000 }),
				fc.constantFrom(...RATINGS),
				(history, wait, think, rating) => {
					let card = newCard('frameworks.q1', T0);
					let at = T0;
					for (const r of history) {
						card = fuzzed.rate(card, r, at, 3000).card;
						at = Math.max(at, card.due);
					}
					const shown = at + wait;
					const clicked = shown + think;
					// ts-fsrs counts whole days since the last review: the same count at both times.
					const last = card.last_review ?? shown;
					fc.pre(Math.floor((shown - last) / DAY) === Math.floor((clicked - last) / DAY));
					const preview = fuzzed.preview(card, shown)[rating];
					const rated = fuzzed.rate(card, rating, clicked, 3000).card;
					expect(formatInterval(rated.due - clicked)).toBe(formatInterval(preview.intervalMs));
					expect(rated.due - clicked).toBe(preview.intervalMs);
				}
			)
		);
	});

	it('still spreads cards rated alike on the same day', () => {
		const dues = new Set<number>();
		for (let i = 0; i < 20; i++) {
			let card = newCard(`q${i}`, T0);
			card = fuzzed.rate(card, 'easy', T0, 3000).card;
			card = fuzzed.rate(card, 'good', card.due, 3000).card;
			dues.add(card.due - card.last_review!);
		}
		expect(dues.size).toBeGreaterThan(1);
	});
});

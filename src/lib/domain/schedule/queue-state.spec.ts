import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QueueState, ratingKind, type DoneToday, type QueueInput } from './queue';
import { createRecall } from './recall';
import { newCard, RATINGS, type StoredCard } from './scheduler';
import { scheduler } from './scheduler.fixture';
import { DEFAULT_SETTINGS } from '../records/settings';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = new Date(2025, 2, 10, 9, 0).getTime(); // local 9 a.m.: 19 hours left in the study day
const recall = createRecall();
/** The full build, which every step of the state must equal. */
const buildQueue = (input: QueueInput) => new QueueState(input).queue;

const cardArb = (id: string) =>
	fc.oneof(
		fc.constant<StoredCard | undefined>(undefined),
		fc
			.record({
				state: fc.constantFrom('learning', 'relearning', 'review', 'new'),
				due: fc.integer({ min: -3 * DAY, max: 2 * DAY }),
				ago: fc.integer({ min: 0, max: 60 * DAY }),
				stability: fc.double({ min: 0.1, max: 100, noNaN: true })
			})
			.map(({ state, due, ago, stability }): StoredCard => ({
				...newCard(id, NOW - 90 * DAY),
				state,
				due: NOW + due,
				last_review: state === 'new' ? null : NOW - ago,
				stability: state === 'new' ? 0 : stability,
				difficulty: state === 'new' ? 0 : 5,
				reps: state === 'new' ? 0 : 3
			}))
	);

const scenario = fc.integer({ min: 1, max: 40 }).chain((size) => {
	const ids = Array.from({ length: size }, (_, i) => `q${String(i).padStart(2, '0')}`);
	return fc.record({
		ids: fc.shuffledSubarray(ids, { minLength: size, maxLength: size }),
		cards: fc.tuple(...ids.map(cardArb)),
		newPerDay: fc.integer({ min: 0, max: 10 }),
		reviewsPerDay: fc.integer({ min: 0, max: 40 }),
		// Which card to rate: an index into the queue (or the order when the queue is empty),
		// the rating, and the time that passes before it (up to 8 hours: some steps cross a day).
		steps: fc.array(
			fc.record({
				pick: fc.nat(),
				rating: fc.constantFrom(...RATINGS),
				// Whether the review's clock ticks halfway through the wait, with no rating.
				tick: fc.boolean(),
				wait: fc.oneof(fc.integer({ min: 0, max: 30 * MIN }), fc.integer({ min: 0, max: 8 * HOUR }))
			}),
			{ maxLength: 30 }
		)
	});
});

describe('QueueState', () => {
	it('gives the same queue as a full build after any sequence of ratings and clock ticks', () => {
		fc.assert(
			fc.property(scenario, ({ ids, cards, newPerDay, reviewsPerDay, steps }) => {
				const stored = new Map<string, StoredCard>();
				for (const card of cards) if (card) stored.set(card.id, card);
				const settings = { ...DEFAULT_SETTINGS, newPerDay, reviewsPerDay };
				let done: DoneToday = { newCount: 0, reviewCount: 0 };
				let now = NOW;
				const input = (): QueueInput => ({
					cards: stored,
					questionOrder: ids,
					now,
					settings,
					doneToday: done,
					recall
				});
				let state = new QueueState(input());
				expect(state.queue).toEqual(buildQueue(input()));
				for (const step of steps) {
					const queued = state.queue.ids;
					const id = queued.length
						? queued[step.pick % queued.length]
						: ids[step.pick % ids.length];
					if (id === undefined) continue;
					if (step.tick) {
						now += Math.floor(step.wait / 2);
						if (!state.advance(now)) {
							expect(new QueueState(input()).advance(now + 1)).toBe(true);
							done = { newCount: 0, reviewCount: 0 };
							state = new QueueState(input());
						}
						expect(state.queue).toEqual(buildQueue(input()));
					}
					// A queue read after the next step (its ids are ordered when first read) is still this one.
					const previous = state.queue;
					const previousIds = buildQueue(input()).ids;
					now += step.wait - (step.tick ? Math.floor(step.wait / 2) : 0);
					const before = stored.get(id) ?? newCard(id, now);
					const rated = scheduler.rate(before, step.rating, now, 1000).card;
					stored.set(id, rated);
					const kind = ratingKind(before.state);
					if (kind === 'new') done = { ...done, newCount: done.newCount + 1 };
					if (kind === 'review') done = { ...done, reviewCount: done.reviewCount + 1 };
					if (!state.update(rated, now, done)) {
						// Only a new study day asks for a rebuild here (time never goes back).
						expect(new QueueState(input()).update(rated, now + 1, done)).toBe(true);
						done = { newCount: 0, reviewCount: 0 };
						state = new QueueState(input());
					}
					expect(state.queue).toEqual(buildQueue(input()));
					expect(previous.ids).toEqual(previousIds);
					// The current card and the learning cards, read without ordering the ids.
					const { first, learning, ids: queued2 } = state.queue;
					expect(first).toBe(queued2[0]);
					expect(learning.map((card) => card.id)).toEqual(
						queued2.filter((id) => /learning/.test(stored.get(id)?.state ?? ''))
					);
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('re-places a review whose recall changed while the queue waited', () => {
		const old = (id: string, ago: number): StoredCard => ({
			...newCard(id, NOW - 90 * DAY),
			state: 'review',
			due: NOW - HOUR,
			last_review: NOW - ago,
			stability: 3,
			reps: 3,
			difficulty: 5
		});
		// At NOW 'a' is 2 whole days old and 'b' 3, so 'b' has the lower recall; 2 minutes later
		// both are 3 days old, recall ties, and 'a', due earlier, goes first.
		const a = { ...old('a', 3 * DAY - MIN), due: NOW - 3 * HOUR };
		const b = { ...old('b', 3 * DAY + HOUR), due: NOW - 2 * HOUR };
		const c = { ...old('c', DAY), state: 'learning' as const, due: NOW };
		const base = {
			cards: [a, b, c],
			questionOrder: ['a', 'b', 'c'],
			settings: DEFAULT_SETTINGS,
			doneToday: { newCount: 0, reviewCount: 0 },
			recall
		};
		const state = new QueueState({ ...base, now: NOW });
		expect(state.queue.ids).toEqual(['c', 'b', 'a']);
		const rated = scheduler.rate(c, 'good', NOW + 2 * MIN, 1000).card;
		expect(state.update(rated, NOW + 2 * MIN, base.doneToday)).toBe(true);
		const full = buildQueue({ ...base, cards: [a, b, rated], now: NOW + 2 * MIN });
		expect(state.queue).toEqual(full);
		expect(state.queue.ids.slice(0, 2)).toEqual(['a', 'b']);
	});

	it('asks for a rebuild at the next study day', () => {
		const state = new QueueState({
			cards: [],
			questionOrder: ['n'],
			now: NOW,
			settings: DEFAULT_SETTINGS,
			doneToday: { newCount: 0, reviewCount: 0 },
			recall
		});
		const rated = scheduler.rate(newCard('n', NOW), 'good', NOW + DAY, 1000).card;
		expect(state.update(rated, NOW + DAY, { newCount: 1, reviewCount: 0 })).toBe(false);
		expect(state.queue.ids).toEqual(['n']);
	});
});

import { describe, expect, it } from 'vitest';
import { createScheduler, type Rating, type ReviewRecord, type StoredCard } from './scheduler';
import { itemRefs, optimizerInput, reviewColumns } from './optimizer-input';
import { createMemoryStorage } from '../../storage/memory';

// Local-time constructors keep these tests right in any time zone.
const at = (d: number, h: number, m = 0) => new Date(2025, 2, d, h, m).getTime();
const scheduler = createScheduler({
	desiredRetention: 0.9,
	learningSteps: ['1m', '10m'],
	relearningSteps: ['10m'],
	maximumInterval: 36500,
	enableFuzz: false
});

/** The log ratings at these times give, rated through the app's scheduler. */
function logFor(id: string, ratings: [Rating, number][]): ReviewRecord[] {
	let card: StoredCard | null = null;
	const logs: ReviewRecord[] = [];
	for (const [rating, time] of ratings) {
		const rated = scheduler.rate(card ?? scheduler.replay(id, []), rating, time, 1000);
		card = rated.card;
		logs.push(rated.log);
	}
	return logs;
}

const days = (input: ReturnType<typeof optimizerInput>) =>
	input.histories.map((h) => h.map((r) => [r.rating, r.delta_t]));

describe('optimizer input', () => {
	it('counts whole study days between ratings, with the day starting at the start hour', () => {
		const logs = logFor('a', [
			['good', at(10, 23)],
			// 5 a.m. the next morning is the next study day when days start at 4…
			['good', at(11, 5)],
			// …but 3 a.m. two days later still belongs to the day before.
			['again', at(13, 3)]
		]);
		expect(days(optimizerInput(reviewColumns(logs), 4))).toEqual([
			[
				[3, 0],
				[3, 1],
				[1, 1]
			]
		]);
		// With days starting at 6, 23:00 and 05:00 are one study day; 03:00 on the 13th is the 12th.
		expect(days(optimizerInput(reviewColumns(logs), 6))).toEqual([
			[
				[3, 0],
				[3, 0],
				[1, 2]
			]
		]);
	});

	it('keeps same-day reviews in the history but predicts only reviews on a later day', () => {
		const logs = logFor('a', [
			['again', at(10, 9)],
			['good', at(10, 9, 1)],
			['good', at(10, 9, 11)],
			['good', at(12, 9)]
		]);
		const input = optimizerInput(reviewColumns(logs), 4);
		expect(days(input)).toEqual([
			[
				[1, 0],
				[3, 0],
				[3, 0],
				[3, 2]
			]
		]);
		expect(input.reviews).toBe(4);
		// One item: the whole history up to the review two days later.
		expect(Array.from(input.items.lengths)).toEqual([4]);
		expect(Array.from(input.items.ratings)).toEqual([1, 3, 3, 3]);
		expect(Array.from(input.items.deltaTs)).toEqual([0, 0, 0, 2]);
	});

	it('orders items by review time across cards, and the logs may come in any order', () => {
		const a = logFor('a', [
			['good', at(1, 9)],
			['good', at(3, 9)],
			['good', at(9, 9)]
		]);
		const b = logFor('b', [
			['good', at(2, 9)],
			['good', at(5, 9)]
		]);
		const input = optimizerInput(reviewColumns([...b, ...a].reverse()), 4);
		const order = itemRefs(input.histories).map((ref) => ref.history[ref.index]?.at);
		expect(order).toEqual([at(3, 9), at(5, 9), at(9, 9)]);
		expect(Array.from(input.items.lengths)).toEqual([2, 2, 3]);
	});

	it('drops and counts a card whose log has no first learning, and starts at the last one', () => {
		const whole = logFor('a', [
			['good', at(1, 9)],
			['good', at(3, 9)],
			['good', at(9, 9)]
		]);
		// A merge that lost the first rating: the card cannot be read from the start.
		const input = optimizerInput(reviewColumns(whole.slice(1)), 4);
		expect(input).toMatchObject({ histories: [], reviews: 0, droppedCards: 1 });
		// Learnt again from new (after a reset): only the history from then on counts.
		const again = logFor('a', [
			['easy', at(20, 9)],
			['good', at(24, 9)]
		]);
		expect(days(optimizerInput(reviewColumns([...whole, ...again]), 4))).toEqual([
			[
				[4, 0],
				[3, 4]
			]
		]);
	});

	it('leaves out an undone rating (undo deletes it from the log)', async () => {
		const storage = createMemoryStorage({ cards: [], days: [] });
		const [first, second] = logFor('a', [
			['good', at(1, 9)],
			['again', at(3, 9)]
		]) as [ReviewRecord, ReviewRecord];
		const card = scheduler.replay('a', [first]);
		await storage.saveRating({ previous: null, card, log: first, day: '2025-03-01' });
		const undone = await storage.saveRating({
			previous: card,
			card: scheduler.replay('a', [first, second]),
			log: second,
			day: '2025-03-03'
		});
		await storage.undoRating(undone.undo);
		const input = optimizerInput(reviewColumns(await storage.readLogs()), 4);
		expect(days(input)).toEqual([[[3, 0]]]);
		expect(input.items.lengths.length).toBe(0);
	});
});

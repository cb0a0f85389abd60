import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openIdbStorage } from '$lib/storage';
import { Progress } from './progress.svelte';
import { ratingsOn } from './ratings.fixture';

const T0 = Date.UTC(2025, 0, 6, 9, 0);
let n = 0;

async function fresh(clock?: () => number) {
	const db = { dbName: `kizuna-ratings-${++n}`, channelName: null };
	const progress = new Progress(db, undefined, clock);
	await progress.load();
	return { db, progress, ratings: ratingsOn(progress) };
}

describe('the one rating path', () => {
	it('stores the card, its log record and the day counter, and shows them in progress', async () => {
		const { db, progress, ratings } = await fresh();
		const rated = await ratings.rate('q1', 'good', { now: T0, durationMs: 1000 });
		expect(progress.cards.get('q1')).toEqual(rated.card);
		expect(progress.days.get(rated.day)?.new).toBe(1);
		const stored = await openIdbStorage(db);
		expect((await stored.load()).cards).toEqual([rated.card]);
		expect(await stored.readLogs()).toHaveLength(1);
		stored.close();
		expect(await ratings.undo(rated.undo)).toEqual({ ok: true, card: null });
		expect(progress.cards.has('q1')).toBe(false);
		expect(progress.days.get(rated.day)?.new).toBe(0);
	});

	it("takes a rating's time and study day from the progress clock", async () => {
		// 3 a.m. belongs to the day before (study days start at 4), 5 a.m. to its own.
		let now = new Date(2025, 0, 7, 3).getTime();
		const { progress, ratings } = await fresh(() => now);
		const early = await ratings.rate('q1', 'good', { durationMs: 1000 });
		now = new Date(2025, 0, 7, 5).getTime();
		const later = await ratings.rate('q2', 'good', { durationMs: 1000 });
		expect(early.day).toBe('2025-01-06');
		expect(later.day).toBe('2025-01-07');
		expect(progress.cards.get('q2')?.last_review).toBe(now);
		expect(progress.today()).toBe('2025-01-07');
	});
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { history, T0, DAY_MS } from '$lib/domain/records/backup.fixture';
import { DEFAULT_PARAMETERS } from '$lib/domain/schedule/fsrs-evaluate';
import { dayKey } from '$lib/domain/study-day/study-day';
import { openIdbStorage, type ReviewStorage } from '$lib/storage';
import { createRecall } from '$lib/domain/schedule/recall';
import { applyParameters, useParameters } from './fsrs-parameters';
import { Progress } from './progress.svelte';
import { ratingsOn } from './ratings.fixture';

let n = 0;
const fitted = DEFAULT_PARAMETERS.map((w, i) => (i < 4 ? w * 3 : w));

async function seeded(): Promise<ReviewStorage> {
	const storage = await openIdbStorage({ dbName: `kizuna-fsrs-${++n}`, channelName: null });
	const { cards, logs } = history([
		['a', 'good', T0],
		['a', 'good', T0 + 10 * 60_000],
		['a', 'good', T0 + 3 * DAY_MS],
		['b', 'again', T0 + DAY_MS]
	]);
	// Each rating with the card as it ends up: what these tests read is the log and the last card.
	for (const log of logs) {
		const card = cards.find((c) => c.id === log.card_id)!;
		await storage.saveRating({ previous: null, card, log, day: dayKey(log.review, 4) });
	}
	return storage;
}

describe('using fitted parameters', () => {
	it('stores them with the settings and rebuilds every card, due dates kept', async () => {
		const storage = await seeded();
		const before = await storage.load();
		await applyParameters(storage, fitted, false);
		const after = await storage.load();
		expect(after.settings.fsrsParameters).toEqual(fitted);
		const a0 = before.cards.find((c) => c.id === 'a')!;
		const a1 = after.cards.find((c) => c.id === 'a')!;
		expect(a1.stability).not.toBeCloseTo(a0.stability, 3);
		expect(a1.due).toBe(a0.due);
		expect(await storage.readLogs()).toHaveLength(4);
	});

	it('goes back to the defaults, rescheduled when asked', async () => {
		const storage = await seeded();
		const before = await storage.load();
		await applyParameters(storage, fitted, true);
		const moved = await storage.load();
		expect(moved.cards.find((c) => c.id === 'a')!.due).not.toBe(
			before.cards.find((c) => c.id === 'a')!.due
		);
		await applyParameters(storage, null, true);
		const back = await storage.load();
		expect(back.settings.fsrsParameters).toBeNull();
		expect(back.cards.find((c) => c.id === 'a')!.stability).toBeCloseTo(
			before.cards.find((c) => c.id === 'a')!.stability,
			8
		);
	});
});

describe('personal parameters in the app', () => {
	it('rate new cards and predict recall with them, and the defaults come back', async () => {
		const progress = new Progress({ dbName: `kizuna-fsrs-${++n}`, channelName: null });
		const ratings = ratingsOn(progress);
		await progress.load();
		const first = await ratings.rate('q1', 'good', { now: T0, durationMs: 2000 });
		// A decay of 0.5 instead of the default 0.1542: recall falls off faster.
		const personal = fitted.map((w, i) => (i === 20 ? 0.5 : w));
		await useParameters(await ratings.writer(), personal, false);
		expect(progress.settings.fsrsParameters).toEqual(personal);
		const later = T0 + 30 * DAY_MS;
		const card = progress.cards.get('q1')!;
		expect(card.due).toBe(first.card.due);
		expect(progress.recall.recallProbability(card, later)).toBeCloseTo(
			createRecall(0.5).recallProbability(card, later),
			10
		);
		// A new card's first Good gets the fitted first stability (w2 tripled).
		const second = await ratings.rate('q2', 'good', { now: T0, durationMs: 2000 });
		expect(second.card.stability).toBeCloseTo(personal[2]!, 4);

		await useParameters(await ratings.writer(), null, false);
		expect(progress.settings.fsrsParameters).toBeNull();
		expect(progress.recall.recallProbability(card, later)).toBeCloseTo(
			createRecall().recallProbability(card, later),
			10
		);
	});
});

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openIdbStorage, STORAGE_FULL_WARNING } from '$lib/storage';
import { fillTheDisk } from '$lib/storage/full-disk.fixture';
import { Progress } from './progress.svelte';
import { ratingsOn } from './ratings.fixture';

const T0 = Date.UTC(2025, 0, 6, 9, 0);
const DB = { dbName: 'kizuna-progress-spec', channelName: null };
const progress = new Progress(DB);
const ratings = ratingsOn(progress);

afterEach(() => vi.restoreAllMocks());

/** Rates `id` Good at `now` through the app's one rating path. */
function rate(id: string, now: number) {
	return ratings.rate(id, 'good', { now, durationMs: 2000 });
}

describe('when the device’s storage fills up during a review', () => {
	it('the session carries on in memory under a warning, and what was saved stays intact', async () => {
		await progress.load();
		expect(progress.saving).toBe(true);
		const saved = await rate('q1', T0);

		fillTheDisk();
		const second = await rate('q1', saved.card.due);
		expect(progress.status.warning).toBe(STORAGE_FULL_WARNING);
		expect(progress.saving).toBe(false);
		expect(progress.cards.get('q1')).toEqual(second.card);
		const third = await rate('q2', saved.card.due + 1000);
		expect(progress.cards.get('q2')).toEqual(third.card);
		vi.restoreAllMocks();

		// IndexedDB still holds exactly the first rating, whole.
		const idb = await openIdbStorage(DB);
		const data = await idb.load();
		expect(data.cards).toEqual([saved.card]);
		expect(await idb.readLogs()).toHaveLength(1);
		idb.close();
		// Later writes stay in memory: IndexedDB sees none of them.
		await rate('q3', saved.card.due + 2000);
		const again = await openIdbStorage(DB);
		expect((await again.load()).cards).toEqual([saved.card]);
		again.close();

		// Undo reaches back past the moment the disk filled up: the rating saved to IndexedDB
		// before it comes off too (in this session; IndexedDB is not written any more).
		const today = progress.today(T0);
		const counted = progress.days.get(today)?.new;
		expect(await ratings.undo(second.undo)).toMatchObject({ ok: true });
		expect(progress.cards.get('q1')).toEqual(saved.card);
		expect(await ratings.undo(saved.undo)).toEqual({ ok: true, card: null });
		expect(progress.cards.has('q1')).toBe(false);
		expect(progress.days.get(today)?.new).toBe((counted ?? 0) - 1);
	});
});

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newCard } from '$lib/domain/scheduler';
import { openIdbStorage, STORAGE_FULL_WARNING } from '$lib/storage';
import { fillTheDisk } from '$lib/storage/full-disk.fixture';
import { progress } from './progress.svelte';

const T0 = Date.UTC(2025, 0, 6, 9, 0);

afterEach(() => vi.restoreAllMocks());

/** Rates `id` Good at `now` through the app's progress state. */
async function rate(id: string, now: number) {
	const previous = progress.cards.get(id) ?? null;
	const base = previous ?? newCard(id, now);
	const rated = progress.scheduler.rate(base, 'good', now, 2000);
	await progress.saveRating({
		previous,
		card: rated.card,
		log: rated.log,
		day: progress.today(now)
	});
	return rated.card;
}

describe('when the device’s storage fills up during a review', () => {
	it('the session carries on in memory under a warning, and what was saved stays intact', async () => {
		await progress.load();
		expect(progress.saving).toBe(true);
		const saved = await rate('q1', T0);

		fillTheDisk();
		const second = await rate('q1', saved.due);
		expect(progress.warning).toBe(STORAGE_FULL_WARNING);
		expect(progress.saving).toBe(false);
		expect(progress.cards.get('q1')).toEqual(second);
		const third = await rate('q2', saved.due + 1000);
		expect(progress.cards.get('q2')).toEqual(third);
		vi.restoreAllMocks();

		// IndexedDB still holds exactly the first rating, whole.
		const idb = await openIdbStorage({ channelName: null });
		const data = await idb.load();
		expect(data.cards).toEqual([saved]);
		expect(await idb.readLogs()).toHaveLength(1);
		idb.close();
		// Later writes stay in memory: IndexedDB sees none of them.
		await rate('q3', saved.due + 2000);
		const again = await openIdbStorage({ channelName: null });
		expect((await again.load()).cards).toEqual([saved]);
		again.close();
	});
});

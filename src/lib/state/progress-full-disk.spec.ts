import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { fillTheDisk } from '$lib/storage/full-disk.fixture';
import { Progress } from './progress.svelte';
import { Ratings } from './ratings.svelte';

const T0 = Date.UTC(2025, 0, 6, 9, 0);

it('two writes that hit a full disk at once carry on in one memory store, both kept', async () => {
	const progress = new Progress({ dbName: 'kizuna-full-disk-spec', channelName: null });
	const ratings = new Ratings(progress);
	await progress.load();
	fillTheDisk();
	await Promise.all(
		['q1', 'q2'].map((id) => ratings.rate(id, 'good', { now: T0, durationMs: 1000 }))
	);
	expect(progress.saving).toBe(false);
	const logs = await progress.readLogs();
	expect(logs.map((log) => log.card_id).sort()).toEqual(['q1', 'q2']);
});

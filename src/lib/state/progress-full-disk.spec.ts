import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { newCard } from '$lib/domain/scheduler';
import { fillTheDisk } from '$lib/storage/full-disk.fixture';
import { progress } from './progress.svelte';

const T0 = Date.UTC(2025, 0, 6, 9, 0);

it('two writes that hit a full disk at once carry on in one memory store, both kept', async () => {
	await progress.load();
	fillTheDisk();
	await Promise.all(
		['q1', 'q2'].map((id) => {
			const rated = progress.scheduler.rate(newCard(id, T0), 'good', T0, 1000);
			return progress.saveRating({
				previous: null,
				card: rated.card,
				log: rated.log,
				day: progress.today(T0)
			});
		})
	);
	expect(progress.saving).toBe(false);
	const logs = await progress.readLogs();
	expect(logs.map((log) => log.card_id).sort()).toEqual(['q1', 'q2']);
});

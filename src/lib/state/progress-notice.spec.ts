import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { expect, it } from 'vitest';
import { SCHEMA_VERSION } from '$lib/storage';
import { Progress } from './progress.svelte';

it('the user is told of a record set aside after start-up, e.g. when the history is read', async () => {
	const raw = createStore('kizuna-notice-spec', 'kizuna');
	await set('meta', { schemaVersion: SCHEMA_VERSION, createdAt: 0 }, raw);
	await set(['log', 1, 'x'], { card_id: 'q1' }, raw);
	const progress = new Progress({ dbName: 'kizuna-notice-spec', channelName: null });
	await progress.load();
	expect(progress.status.notice).toBeNull();
	expect(await progress.readLogs()).toEqual([]);
	expect(progress.status.notice).toMatch(/^1 saved record was unreadable and has been set aside/);
});

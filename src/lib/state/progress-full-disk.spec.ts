import 'fake-indexeddb/auto';
import { afterEach, expect, it, vi } from 'vitest';
import { StorageQuotaError } from '$lib/storage';
import { fillTheDisk } from '$lib/storage/full-disk.fixture';
import { Progress } from './progress.svelte';
import { ratingsOn } from './ratings.fixture';
import { Writer } from './writer';

const T0 = Date.UTC(2025, 0, 6, 9, 0);

afterEach(() => vi.restoreAllMocks());

it('two writes that hit a full disk at once carry on in one memory store, both kept', async () => {
	const progress = new Progress({ dbName: 'kizuna-full-disk-spec', channelName: null });
	const ratings = ratingsOn(progress);
	await progress.load();
	fillTheDisk();
	await Promise.all(
		['q1', 'q2'].map((id) => ratings.rate(id, 'good', { now: T0, durationMs: 1000 }))
	);
	expect(progress.saving).toBe(false);
	const logs = await progress.readLogs();
	expect(logs.map((log) => log.card_id).sort()).toEqual(['q1', 'q2']);
});

it('a settings change the full disk has no room for is refused: the saved settings stay', async () => {
	const progress = new Progress({ dbName: 'kizuna-full-disk-settings-spec', channelName: null });
	const writer = new Writer(progress);
	await progress.load();
	const before = progress.settings;
	fillTheDisk('settings');
	await expect(writer.saveSettings({ ...before, desiredRetention: 0.8 })).rejects.toThrow(
		StorageQuotaError
	);
	expect(progress.settings).toBe(before);
	// Progress is still saved to IndexedDB: only the refused change was dropped.
	expect(progress.saving).toBe(true);
	expect(progress.status.warning).toBeNull();
	vi.restoreAllMocks();
	await writer.saveSettings({ ...before, desiredRetention: 0.85 });
	const reread = new Progress({ dbName: 'kizuna-full-disk-settings-spec', channelName: null });
	await reread.load();
	expect(reread.settings.desiredRetention).toBe(0.85);
});

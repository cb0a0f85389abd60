import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '$lib/domain/records/settings';
import { setSyncFlag } from './sync-flag';
import { connectSync, toSync } from './sync-hooks';
import type { Change } from './writer';

function recordingSink() {
	const settings: number[] = [];
	const sink = (change: Change) => {
		if (change.type === 'settings') settings.push(change.settings.newPerDay);
	};
	return { sink, settings };
}

/** A settings change as the writer publishes it. */
const settingsChanged = (newPerDay: number) =>
	toSync({ type: 'settings', settings: { ...DEFAULT_SETTINGS, newPerDay }, cardsRebuilt: false });

function stubStorage() {
	const items = new Map<string, string>();
	vi.stubGlobal('localStorage', {
		getItem: (key: string) => items.get(key) ?? null,
		setItem: (key: string, value: string) => items.set(key, value),
		removeItem: (key: string) => items.delete(key)
	});
}

afterEach(() => {
	connectSync(null);
	vi.unstubAllGlobals();
});

describe('the sync hooks', () => {
	it('keep a settings change made while sync is on but not yet loaded, and hand it over', () => {
		stubStorage();
		setSyncFlag(true);
		settingsChanged(7);
		connectSync('start');
		settingsChanged(8);
		const { sink, settings } = recordingSink();
		connectSync(sink);
		expect(settings).toEqual([7, 8]);
	});

	it('keep nothing while sync is off', () => {
		stubStorage();
		settingsChanged(7);
		const { sink, settings } = recordingSink();
		connectSync('start');
		connectSync(sink);
		expect(settings).toEqual([]);
	});
});

import 'fake-indexeddb/auto';
import { createStore, get, set } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newCard, type Rating } from '../domain/schedule/scheduler';
import { scheduler } from '../domain/schedule/scheduler.fixture';
import { DEFAULT_SETTINGS } from '../domain/records/settings';
import { fillTheDisk } from './full-disk.fixture';
import { openIdbStorage } from './idb';
import { openStorage, StorageQuotaError, type ReviewStorage, type StorageChange } from './index';

// Local 9 a.m.: the study days below are local dates, in any time zone.
const T0 = new Date(2025, 0, 6, 9, 0).getTime();
const DAY = '2025-01-06';
let dbCount = 0;
const opened: ReviewStorage[] = [];

/** A fresh database per test, so tests never see each other's records. */
function freshName() {
	return `kizuna-test-${++dbCount}`;
}
async function open(dbName: string, channelName: string | null = null) {
	const storage = await openIdbStorage({ dbName, channelName });
	opened.push(storage);
	return storage;
}
afterEach(() => {
	for (const storage of opened.splice(0)) storage.close();
	vi.restoreAllMocks();
});

/** Rates the stored card `id` (or a new one) as the app would, and saves it. */
async function rate(storage: ReviewStorage, id: string, rating: Rating, now: number) {
	const { cards } = await storage.load();
	const previous = cards.find((c) => c.id === id) ?? null;
	const result = scheduler.rate(previous ?? newCard(id, now), rating, now, 3000);
	return storage.saveRating({ previous, card: result.card, log: result.log, day: DAY });
}

describe('ratings', () => {
	it('are stored with their log record and day counter, and survive reopening', async () => {
		const name = freshName();
		const storage = await open(name);
		await rate(storage, 'q1', 'good', T0);
		await rate(storage, 'q2', 'easy', T0 + 1000);

		const again = await open(name);
		const data = await again.load();
		expect(data.cards.map((c) => [c.id, c.state])).toEqual([
			['q1', 'learning'],
			['q2', 'review']
		]);
		expect(await again.readDays()).toEqual([{ day: DAY, new: 2, review: 0, learning: 0 }]);
		expect((await again.readLogs()).map((l) => [l.card_id, l.rating, l.duration_ms])).toEqual([
			['q1', 'good', 3000],
			['q2', 'easy', 3000]
		]);
	});

	it('start-up reads cards, settings and day counters but never the review log', async () => {
		const storage = await open(freshName());
		await rate(storage, 'q1', 'good', T0);
		const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
		const getAllKeys = vi.spyOn(IDBObjectStore.prototype, 'getAllKeys');
		const get = vi.spyOn(IDBObjectStore.prototype, 'get');
		await storage.load();
		const queries = [...getAll.mock.calls, ...getAllKeys.mock.calls, ...get.mock.calls].map(
			(c) => c[0]
		);
		expect(queries.length).toBeGreaterThan(0);
		for (const query of queries) {
			expect(query).not.toBeNull();
			if (query instanceof IDBKeyRange) expect(query.includes(['log', T0, 'x'])).toBe(false);
			else expect(Array.isArray(query) && query[0] === 'log').toBe(false);
		}
	});

	it('undo restores the previous card, removes the log record and the count, several steps back', async () => {
		const storage = await open(freshName());
		const first = await rate(storage, 'q1', 'good', T0);
		const second = await rate(storage, 'q1', 'good', T0 + 10 * 60_000);
		const third = await rate(storage, 'q2', 'again', T0 + 11 * 60_000);

		expect(await storage.undoRating(third.undo)).toEqual({ ok: true, card: null });
		expect(await storage.undoRating(second.undo)).toMatchObject({
			ok: true,
			card: { state: 'learning' }
		});
		let data = await storage.load();
		expect(data.cards.map((c) => [c.id, c.state, c.reps])).toEqual([['q1', 'learning', 1]]);
		expect(await storage.readDays()).toEqual([{ day: DAY, new: 1, review: 0, learning: 0 }]);

		await storage.undoRating(first.undo);
		data = await storage.load();
		expect(data.cards).toEqual([]);
		expect(await storage.readDays()).toEqual([{ day: DAY, new: 0, review: 0, learning: 0 }]);
		expect(await storage.readLogs()).toEqual([]);
		expect(await storage.undoRating(first.undo)).toEqual({ ok: false, reason: 'missing' });
	});

	it('undo refuses when another tab has rated the card since, and changes nothing', async () => {
		const name = freshName();
		const tabA = await open(name);
		const tabB = await open(name);
		const mine = await rate(tabA, 'q1', 'good', T0);
		await rate(tabB, 'q1', 'good', T0 + 10 * 60_000);
		expect(await tabA.undoRating(mine.undo)).toEqual({ ok: false, reason: 'changed' });
		expect((await tabA.readLogs()).length).toBe(2);
		expect((await tabA.load()).cards[0]).toMatchObject({ reps: 2 });
	});
});

describe('two tabs at once', () => {
	it('lose no rating and leave every card valid, on different and on the same cards', async () => {
		const name = freshName();
		const [tabA, tabB] = [await open(name), await open(name)];
		const writes = [];
		for (let i = 0; i < 20; i++) {
			const tab = i % 2 === 0 ? tabA : tabB;
			const id = i % 3 === 0 ? 'shared' : `q${i % 3}`;
			const result = scheduler.rate(newCard(id, T0), 'good', T0 + i, 1000);
			writes.push(tab.saveRating({ previous: null, card: result.card, log: result.log, day: DAY }));
		}
		const saved = await Promise.all(writes);
		expect(saved.some((s) => s.conflict)).toBe(true); // the shared card was rated twice from "new"

		const data = await (await open(name)).load();
		expect(data.quarantined).toEqual([]);
		expect(data.cards.map((c) => c.id).sort()).toEqual(['q1', 'q2', 'shared']);
		expect((await tabA.readLogs()).length).toBe(20);
		// Each counter increment ran inside its rating's transaction, so none was lost.
		expect((await tabA.readDays())[0]?.new).toBe(20);
	});

	it('notify the other tab after each write over the BroadcastChannel', async () => {
		const name = freshName();
		const channel = `kizuna-${name}`;
		const tabA = await open(name, channel);
		const tabB = await open(name, channel);
		const received = new Promise<StorageChange>((resolve) => tabB.onChange(resolve));
		const own = vi.fn();
		tabA.onChange(own);
		await rate(tabA, 'q7', 'good', T0);
		expect(await received).toEqual({ type: 'rating', cardId: 'q7' });
		expect(own).not.toHaveBeenCalled();
	});

	it('stay silent when opened with no channel: nothing goes out on the default one', async () => {
		const heard: unknown[] = [];
		const listener = new BroadcastChannel('kizuna');
		const marker = new BroadcastChannel('kizuna');
		const markerSeen = new Promise<void>((resolve) => {
			listener.onmessage = (event: MessageEvent) => {
				heard.push(event.data);
				if (event.data === 'marker') resolve();
			};
		});
		const silent = await open(freshName(), null);
		await rate(silent, 'q8', 'good', T0);
		// Posted after the rating, so a notice of the rating would have arrived first.
		marker.postMessage('marker');
		await markerSeen;
		expect(heard).toEqual(['marker']);
		listener.close();
		marker.close();
	});
});

describe('failures', () => {
	it('a full quota rejects the rating with a clear message and leaves earlier data intact', async () => {
		const storage = await open(freshName());
		await rate(storage, 'q1', 'good', T0);
		const before = await storage.load();
		const beforeDays = await storage.readDays();
		fillTheDisk();
		const failed = rate(storage, 'q1', 'good', T0 + 10 * 60_000);
		await expect(failed).rejects.toBeInstanceOf(StorageQuotaError);
		await expect(failed).rejects.toThrow(/full.*not saved.*earlier progress is intact/i);
		vi.restoreAllMocks();
		const after = await storage.load();
		expect(after.cards).toEqual(before.cards);
		expect(await storage.readDays()).toEqual(beforeDays);
		expect((await storage.readLogs()).length).toBe(1);
	});

	it('without IndexedDB, falls back to memory with a plain warning, and reviewing works', async () => {
		vi.stubGlobal('indexedDB', undefined);
		try {
			const { storage, warning } = await openStorage({ dbName: freshName(), channelName: null });
			expect(storage.saving).toBe(false);
			expect(warning).toMatch(/does not let Kizuna store data.*progress is not being saved/i);
			await rate(storage, 'q1', 'good', T0);
			expect((await storage.load()).cards).toHaveLength(1);
		} finally {
			vi.unstubAllGlobals();
		}
	});

	it('when IndexedDB refuses to open, falls back to memory', async () => {
		vi.spyOn(indexedDB, 'open').mockImplementation(() => {
			throw new DOMException('A mutation operation was attempted', 'InvalidStateError');
		});
		const asked = vi.fn();
		const { storage, warning } = await openStorage(
			{ dbName: freshName(), channelName: null },
			asked
		);
		expect(storage.saving).toBe(false);
		expect(warning).toContain('could not be opened');
		// Work waiting for storage (the bank's parse) is not held up by the failure.
		expect(asked).toHaveBeenCalledOnce();
	});

	it('data from a newer schema is left untouched and this tab is told to reload', async () => {
		const name = freshName();
		const raw = createStore(name, 'kizuna');
		await set('meta', { schemaVersion: 99, createdAt: T0 }, raw);
		await set(['card', 'q1'], { future: true }, raw);
		const asked = vi.fn();
		const { storage, warning } = await openStorage({ dbName: name, channelName: null }, asked);
		expect(asked).toHaveBeenCalledOnce();
		expect(storage.saving).toBe(false);
		expect(warning).toMatch(/newer version of Kizuna.*Reload/);
		expect(await get(['card', 'q1'], raw)).toEqual({ future: true });
	});

	it('settings save rejects invalid values instead of storing them', async () => {
		const storage = await open(freshName());
		await expect(
			storage.saveSettings({ ...DEFAULT_SETTINGS, desiredRetention: 2 })
		).rejects.toThrow(/desiredRetention must be a number from 0.70 to 0.99, got 2/);
		expect((await storage.load()).settings.desiredRetention).toBe(0.9);
	});
});

it('reset progress deletes cards, logs, counters and quiz answers but keeps settings', async () => {
	const storage = await open(freshName());
	await storage.saveSettings({ ...DEFAULT_SETTINGS, newPerDay: 5 });
	await rate(storage, 'q1', 'good', T0);
	await storage.appendQuizAnswer({
		questionId: 'q1',
		framework: 'arf',
		given: 'ARF',
		correct: true,
		durationMs: 2000,
		answeredAt: T0
	});
	expect(await storage.readQuizAnswers()).toHaveLength(1);
	await storage.resetProgress();
	const data = await storage.load();
	expect([
		data.cards,
		await storage.readDays(),
		await storage.readLogs(),
		await storage.readQuizAnswers()
	]).toEqual([[], [], [], []]);
	expect(data.settings.newPerDay).toBe(5);
});

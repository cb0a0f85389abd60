import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { history, quizAnswer, sampleBackup, T0 } from '../domain/records/backup.fixture';
import { scheduler } from '../domain/schedule/scheduler.fixture';
import { countDays, dataFromBackup, mergeProgress } from '../domain/records/backup-merge';
import { DEFAULT_SETTINGS } from '../domain/records/settings';
import { openIdbStorage } from './idb';
import { createMemoryStorage } from './memory';
import { StorageQuotaError, type ReviewStorage } from './contract';

let n = 0;
const opened: ReviewStorage[] = [];
afterEach(() => {
	for (const storage of opened.splice(0)) storage.close();
	vi.restoreAllMocks();
});

/** What a user would call their progress: everything an import may change. */
async function snapshot(storage: ReviewStorage) {
	const data = await storage.load();
	return {
		cards: data.cards,
		days: await storage.readDays(),
		settings: data.settings,
		logs: await storage.readLogs(),
		quiz: await storage.readQuizAnswers(),
		mark: await storage.readBackupMark()
	};
}

/** A device with some progress of its own. */
async function seeded(storage: ReviewStorage) {
	const own = history([['own.card', 'good', T0 - 86_400_000]]);
	await storage.saveRating({
		previous: null,
		card: own.cards[0]!,
		log: own.logs[0]!,
		day: '2025-01-05'
	});
	await storage.appendQuizAnswer(quizAnswer('own.quiz', T0 - 3600_000));
	await storage.saveSettings({ ...DEFAULT_SETTINGS, theme: 'dark' });
	return storage;
}

describe.each([
	['IndexedDB', () => openIdbStorage({ dbName: `kizuna-import-${++n}`, channelName: null })],
	['memory', async () => createMemoryStorage()]
] as [string, () => Promise<ReviewStorage>][])('%s storage: replaceAll', (_, make) => {
	it('replaces everything and rebuilds the day counters from the log', async () => {
		const storage = await seeded(await make());
		opened.push(storage);
		const backup = sampleBackup({ ...DEFAULT_SETTINGS, dayStartHour: 0 });
		await storage.replaceAll({
			...dataFromBackup(backup, scheduler),
			backupMark: { at: backup.exportedAt, reviews: 5 }
		});
		const after = await snapshot(storage);
		expect(new Set(after.cards)).toEqual(new Set(backup.cards));
		expect(after.logs).toEqual(backup.log);
		expect(after.quiz).toEqual(backup.quiz);
		expect(after.settings).toEqual(backup.settings);
		expect(new Set(after.days)).toEqual(new Set(countDays(backup.log, 0)));
		expect(after.days.reduce((sum, d) => sum + d.new + d.review + d.learning, 0)).toBe(5);
		expect(after.mark).toEqual({ at: backup.exportedAt, reviews: 5 });
	});

	it('rejects invalid data before writing anything', async () => {
		const storage = await seeded(await make());
		opened.push(storage);
		const before = await snapshot(storage);
		const data = dataFromBackup(sampleBackup(), scheduler);
		data.cards[1] = { ...data.cards[1]!, stability: Number.NaN };
		await expect(storage.replaceAll(data)).rejects.toThrow(/invalid card: stability/);
		expect(await snapshot(storage)).toEqual(before);
	});

	it('keeps the backup mark', async () => {
		const storage = await make();
		opened.push(storage);
		expect(await storage.readBackupMark()).toBeNull();
		await storage.saveBackupMark({ at: T0, reviews: 12 });
		await storage.replaceAll(dataFromBackup(sampleBackup(), scheduler));
		expect(await storage.readBackupMark()).toEqual({ at: T0, reviews: 12 });
	});
});

describe('IndexedDB replaceAll', () => {
	it('a write failing midway (quota) aborts the whole import: the old data is intact', async () => {
		const storage = await seeded(
			await openIdbStorage({ dbName: `kizuna-import-${++n}`, channelName: null })
		);
		opened.push(storage);
		const before = await snapshot(storage);
		const put = IDBObjectStore.prototype.put;
		let puts = 0;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			value,
			key
		) {
			// The clear and the first records have gone through when the disk fills.
			if (++puts === 6) throw new DOMException('full', 'QuotaExceededError');
			return put.call(this, value, key);
		});
		const failed = storage.replaceAll(dataFromBackup(sampleBackup(), scheduler));
		await expect(failed).rejects.toBeInstanceOf(StorageQuotaError);
		expect(puts).toBe(6);
		vi.restoreAllMocks();
		expect(await snapshot(storage)).toEqual(before);
		expect(before.logs).toHaveLength(1);
	});
});

describe('IndexedDB mergeAll', () => {
	it('a rating another tab saves while the merge runs is kept: the merge reads again', async () => {
		const dbName = `kizuna-import-${++n}`;
		const tab = await seeded(await openIdbStorage({ dbName, channelName: null }));
		const other = await openIdbStorage({ dbName, channelName: null });
		opened.push(tab, other);
		const incoming = dataFromBackup(sampleBackup(), scheduler);
		const late = history([['other.card', 'easy', T0 - 60_000]]);
		let otherWrite: Promise<unknown> | undefined;
		const seen: number[] = [];
		await tab.mergeAll((current) => {
			seen.push(current.logs.length);
			// The other tab rates between this merge's read and its write, once.
			otherWrite ??= other.saveRating({
				previous: null,
				card: late.cards[0]!,
				log: late.logs[0]!,
				day: '2025-01-05'
			});
			return mergeProgress(current, incoming, scheduler);
		});
		await otherWrite;
		// The first merge saw the device's own rating; the second, the other tab's too.
		expect(seen).toEqual([1, 2]);
		const after = await snapshot(tab);
		expect(after.logs.map((l) => l.card_id).sort()).toEqual(
			[...incoming.logs.map((l) => l.card_id), 'own.card', 'other.card'].sort()
		);
		expect(after.cards.find((c) => c.id === 'other.card')).toEqual(late.cards[0]);
		expect(after.settings.theme).toBe('dark');
	});

	it('gives up with a plain message when another tab never stops writing', async () => {
		const dbName = `kizuna-import-${++n}`;
		const tab = await seeded(await openIdbStorage({ dbName, channelName: null }));
		const other = await openIdbStorage({ dbName, channelName: null });
		opened.push(tab, other);
		const before = await snapshot(tab);
		let flips = 0;
		const merged = tab.mergeAll((current) => {
			void other.saveSettings({ ...DEFAULT_SETTINGS, newPerDay: ++flips });
			return current;
		});
		await expect(merged).rejects.toThrow(/another tab kept changing your progress/);
		const after = await snapshot(tab);
		expect({ ...after, settings: before.settings }).toEqual(before);
		expect(after.settings.newPerDay).toBe(flips);
	});
});

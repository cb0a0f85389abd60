import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { history, quizAnswer, sampleBackup, scheduler, T0 } from '../domain/backup.fixture';
import { countDays, dataFromBackup } from '../domain/backup-merge';
import { DEFAULT_SETTINGS } from '../domain/settings';
import { openIdbStorage } from './idb';
import { createMemoryStorage } from './memory';
import { StorageQuotaError } from './errors';
import type { ReviewStorage } from './types';

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

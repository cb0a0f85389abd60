// Reading what a page's app stored in IndexedDB, as it stored it: the tests' view of the disk. One
// reader in the page (readIdb) serves every helper below.
import type { Page } from '@playwright/test';

export interface Stored {
	cards: Record<string, unknown>[];
	logs: { card_id: string; rating: string; review: number }[];
	quiz: Record<string, unknown>[];
	days: { day: string; new: number; review: number; learning: number }[];
	settings: Record<string, unknown> | undefined;
}

/** One read: the value under a key ('settings'), or every record whose key starts with a kind. */
type Read = { key: string } | { kind: string };

/** The values of `reads`, in one read-only transaction of the app's database. */
function readIdb(page: Page, reads: Read[]): Promise<unknown[]> {
	return page.evaluate(async (reads) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('kizuna');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const store = db.transaction('kizuna', 'readonly').objectStore('kizuna');
		const values = await Promise.all(
			reads.map(
				(read) =>
					new Promise<unknown>((resolve, reject) => {
						const request =
							'key' in read
								? store.get(read.key)
								: store.getAll(IDBKeyRange.bound([read.kind], [read.kind, []]));
						request.onsuccess = () => resolve(request.result);
						request.onerror = () => reject(request.error);
					})
			)
		);
		db.close();
		return values;
	}, reads);
}

/** What the device holds in IndexedDB, read as the app stores it. */
export async function readStored(page: Page): Promise<Stored> {
	const [cards, logs, quiz, days, settings] = await readIdb(page, [
		{ kind: 'card' },
		{ kind: 'log' },
		{ kind: 'quiz' },
		{ kind: 'day' },
		{ key: 'settings' }
	]);
	return { cards, logs, quiz, days, settings } as Stored;
}

/** Every stored record whose key starts with `kind` ('card', 'log', …). */
export async function storedRecords(page: Page, kind: string): Promise<unknown[]> {
	const [records] = await readIdb(page, [{ kind }]);
	return records as unknown[];
}

/** The value stored under `key` ('settings', 'openQuiz'), or undefined. */
export async function storedValue(page: Page, key: string): Promise<unknown> {
	const [value] = await readIdb(page, [{ key }]);
	return value;
}

/** The quiz under way as storage keeps it (null when there is none). */
export async function keptQuiz(page: Page): Promise<unknown> {
	return (await storedValue(page, 'openQuiz')) ?? null;
}

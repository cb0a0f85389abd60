// Reading what a page's app stored in IndexedDB, as it stored it: the tests' view of the disk.
import type { Page } from '@playwright/test';

export interface Stored {
	cards: Record<string, unknown>[];
	logs: { card_id: string; rating: string; review: number }[];
	quiz: Record<string, unknown>[];
	days: { day: string; new: number; review: number; learning: number }[];
	settings: Record<string, unknown> | undefined;
}

/** What the device holds in IndexedDB, read as the app stores it. */
export function readStored(page: Page): Promise<Stored> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('kizuna');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const tx = db.transaction('kizuna', 'readonly');
		const store = tx.objectStore('kizuna');
		const all = (kind: string) =>
			new Promise<unknown[]>((resolve, reject) => {
				const request = store.getAll(IDBKeyRange.bound([kind], [kind, []]));
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
		const settings = new Promise<unknown>((resolve) => {
			const request = store.get('settings');
			request.onsuccess = () => resolve(request.result);
		});
		const [cards, logs, quiz, days, set] = await Promise.all([
			all('card'),
			all('log'),
			all('quiz'),
			all('day'),
			settings
		]);
		db.close();
		return { cards, logs, quiz, days, settings: set } as never;
	});
}

// A full disk, as IndexedDB reports it: the writes a test picks fail with a QuotaExceededError.
import type { Page } from '@playwright/test';

/**
 * In every document the page loads, IndexedDB refuses each write under `key` ('settings', or the
 * first part of an array key such as 'log') while the disk is full: at once if `full`, else from
 * `setDiskFull(page, true)` on.
 */
export async function refuseWrites(page: Page, key: string, full: boolean) {
	await page.addInitScript(
		({ key, full }) => {
			const state = window as { __diskFull?: boolean };
			state.__diskFull = full;
			const put = IDBObjectStore.prototype.put;
			IDBObjectStore.prototype.put = function (this: IDBObjectStore, value, at) {
				if (state.__diskFull && (Array.isArray(at) ? at[0] : at) === key)
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				return put.call(this, value, at);
			};
		},
		{ key, full }
	);
}

/** Fills the disk of `refuseWrites`, or frees it, in the page's current document. */
export async function setDiskFull(page: Page, full: boolean) {
	await page.evaluate((full) => ((window as { __diskFull?: boolean }).__diskFull = full), full);
}

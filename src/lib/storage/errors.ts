/**
 * Storage errors, each with a message a user can act on. The UI shows `error.message` in its one
 * error area; `NOT_SAVING_WARNING` is the banner while the in-memory fallback is in use.
 */

export const NOT_SAVING_WARNING =
	'Progress is not being saved: you can keep reviewing, but this session is lost when the tab closes.';

/** The banner once a full disk has sent the session to memory (state/progress.svelte.ts). */
export const STORAGE_FULL_WARNING =
	'The storage for Kizuna on this device is full. What was saved before is intact; free some ' +
	'space (or clear other sites’ data) and reload to save again. ' +
	NOT_SAVING_WARNING;

/** IndexedDB is missing (some private modes) or refuses to open. */
export class StorageUnavailableError extends Error {
	override name = 'StorageUnavailableError';
	constructor(detail: string, options?: ErrorOptions) {
		super(
			`This browser does not let Kizuna store data (${detail}). ${NOT_SAVING_WARNING}`,
			options
		);
	}
}

/** The browser's storage quota for the site is used up; the write did not happen. */
export class StorageQuotaError extends Error {
	override name = 'StorageQuotaError';
	constructor(options?: ErrorOptions) {
		super(
			'The storage for Kizuna on this device is full, so the last change was not saved. ' +
				'Free some space (or clear other sites’ data) and reload; earlier progress is intact.',
			options
		);
	}
}

/** A read or write failed for another reason; a write's transaction was rolled back. */
export class StorageWriteError extends Error {
	override name = 'StorageWriteError';
	/** `action` completes "Kizuna could not …", e.g. 'save the rating'. */
	constructor(action: string, detail: string, options?: ErrorOptions) {
		super(`Kizuna could not ${action} (${detail}). Earlier progress is intact.`, options);
	}
}

/** The stored data was written by a newer Kizuna (another tab updated); this tab must reload. */
export class StorageSchemaTooNewError extends Error {
	override name = 'StorageSchemaTooNewError';
	constructor(found: number, supported: number) {
		super(
			`Your progress was saved by a newer version of Kizuna (data version ${found}, this page ` +
				`understands ${supported}). Reload the page to use the new version.`
		);
	}
}

/** Maps whatever IndexedDB threw or aborted with to one of the errors above. */
export function toStorageError(error: unknown, action: string): Error {
	if (
		error instanceof StorageQuotaError ||
		error instanceof StorageWriteError ||
		error instanceof StorageUnavailableError
	) {
		return error;
	}
	const name = (error as { name?: unknown } | null)?.name;
	if (name === 'QuotaExceededError') return new StorageQuotaError({ cause: error });
	const detail =
		error instanceof Error || error instanceof DOMException
			? `${error.name}: ${error.message}`
			: 'the browser aborted the transaction';
	return new StorageWriteError(action, detail, { cause: error });
}

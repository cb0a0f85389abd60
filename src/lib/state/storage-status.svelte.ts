import {
	describeQuarantine,
	persistenceStatus,
	requestPersistence,
	type PersistenceStatus,
	type QuarantinedRecord
} from '$lib/storage';
import { errorMessage } from '../error-message';

/**
 * What the user must be told about storage, shown in one place (StatusBanner): why progress is
 * not being saved, records set aside as unreadable, the last failed action, and whether the
 * browser keeps the data under storage pressure.
 */
export class StorageStatus {
	/** Records set aside this session, for `notice`. */
	#setAside: QuarantinedRecord[] = [];
	/** Plain message while progress is not being saved (no IndexedDB, or a full disk). */
	warning = $state<string | null>(null);
	notice = $state<string | null>(null);
	error = $state<string | null>(null);
	persistence = $state<PersistenceStatus | 'unknown'>('unknown');

	/** Adds records found unreadable to the notice. */
	setAside(records: readonly QuarantinedRecord[]) {
		if (records.length === 0) return;
		this.#setAside = [...this.#setAside, ...records];
		this.notice = describeQuarantine({ quarantined: this.#setAside });
	}

	/** Shows what went wrong and throws it on, for the caller to stop. */
	fail(error: unknown): never {
		this.error = errorMessage(error);
		throw error;
	}

	/** Reads whether storage is persistent; never prompts. */
	async checkPersistence() {
		this.persistence = await persistenceStatus();
	}

	/** Called at the first rating of a session; Chromium grants silently, Firefox may ask. */
	async askPersistence(saving: boolean) {
		if (this.persistence === 'granted' || !saving) return;
		this.persistence = await requestPersistence();
	}
}

/**
 * Persistent storage: without it the browser may evict IndexedDB under storage pressure. Ask at
 * the first review (Chromium grants silently by engagement, Firefox asks the user); Settings
 * shows the status with `persistenceStatus`, which never prompts.
 */

export type PersistenceStatus = 'granted' | 'not-granted' | 'unsupported';

function storageManager(): StorageManager | undefined {
	return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** Whether storage is already persistent; never prompts. */
export async function persistenceStatus(): Promise<PersistenceStatus> {
	const storage = storageManager();
	if (!storage?.persisted) return 'unsupported';
	try {
		return (await storage.persisted()) ? 'granted' : 'not-granted';
	} catch {
		return 'unsupported';
	}
}

/** Asks for persistent storage unless it is already granted; resolves to the outcome. */
export async function requestPersistence(): Promise<PersistenceStatus> {
	const status = await persistenceStatus();
	const storage = storageManager();
	if (status !== 'not-granted' || !storage?.persist) return status;
	try {
		return (await storage.persist()) ? 'granted' : 'not-granted';
	} catch {
		return 'not-granted';
	}
}

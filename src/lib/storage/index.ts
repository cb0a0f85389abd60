/**
 * Storage's entry point for the app: `openStorage()` never throws. It gives the IndexedDB store
 * with its loaded data, or the in-memory fallback with a warning to show; and persistent storage,
 * which keeps the browser from evicting the store. What lives where, and every key: ./idb.ts.
 */
import { NOT_SAVING_WARNING, type LoadedData, type ReviewStorage } from './contract';
import { openIdbStorage, type IdbOptions } from './idb';
import { errorMessage } from '../error-message';

export interface OpenedStorage {
	storage: ReviewStorage;
	data: LoadedData;
	/** Plain message to show while set: why progress is not being saved. */
	warning: string | null;
}

/**
 * Opens and loads IndexedDB; on failure falls back to memory and says why. `onReading` is called
 * once the load has been asked for (or opening failed): work that can wait may start then.
 */
export async function openStorage(
	options: IdbOptions = {},
	onReading: () => void = () => undefined
): Promise<OpenedStorage> {
	let storage: ReviewStorage | null = null;
	let asked = false;
	const reading = () => {
		if (!asked) onReading();
		asked = true;
	};
	try {
		storage = await openIdbStorage(options);
		const loading = storage.load();
		reading();
		return { storage, data: await loading, warning: null };
	} catch (error) {
		reading();
		storage?.close();
		// Loaded only now: a working IndexedDB never needs the fallback's code.
		const { createMemoryStorage } = await import('./memory');
		const memory = createMemoryStorage();
		const message = errorMessage(error);
		const warning = message.includes(NOT_SAVING_WARNING)
			? message
			: `${message} ${NOT_SAVING_WARNING}`;
		return { storage: memory, data: await memory.load(), warning };
	}
}

/** Describes quarantined records for the user, or null if there are none. */
export function describeQuarantine(data: Pick<LoadedData, 'quarantined'>): string | null {
	const n = data.quarantined.length;
	if (n === 0) return null;
	return (
		`${n} saved record${n === 1 ? ' was' : 's were'} unreadable and ${n === 1 ? 'has' : 'have'} ` +
		'been set aside (not deleted); the rest of your progress loaded normally.'
	);
}

/**
 * Whether storage is persistent: without it the browser may evict IndexedDB under storage
 * pressure. Asked for at the first review (Chromium grants silently by engagement, Firefox asks
 * the user); Settings shows the status with `persistenceStatus`, which never prompts.
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

// The in-memory store is imported from './memory' directly: re-exported here it would load on
// every page, though a working IndexedDB never needs it.
export type { MemorySeed } from './memory';
export { loadWrites, openIdbStorage, type IdbOptions } from './idb';
export * from './contract';
export { loadQuizPart } from './quiz-part';
export { SCHEMA_VERSION } from './records';

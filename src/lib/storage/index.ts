/**
 * Storage entry point for the app: `openStorage()` never throws. It gives the IndexedDB store
 * with its loaded data, or the in-memory fallback with a warning to show.
 */
import { NOT_SAVING_WARNING } from './errors';
import { openIdbStorage, type IdbOptions } from './idb';
import type { LoadedData, ReviewStorage } from './types';

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
		const message = error instanceof Error ? error.message : String(error);
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

// The in-memory store is imported from './memory' directly: re-exported here it would load on
// every page, though a working IndexedDB never needs it.
export type { MemorySeed } from './memory';
export { loadWrites, openIdbStorage, type IdbOptions } from './idb';
export { persistenceStatus, requestPersistence, type PersistenceStatus } from './persistence';
export * from './errors';
export type * from './types';
export {
	SCHEMA_VERSION,
	type Meta,
	type QuarantinedRecord,
	type QuizAnswerRecord
} from './records';

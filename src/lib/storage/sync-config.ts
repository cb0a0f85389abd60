/**
 * Where this device keeps its sync settings, password included: IndexedDB database
 * 'kizuna-sync', store 'config', key 'config' — apart from the progress ('kizuna'), so no backup,
 * export or reset ever reads it, and Turn off sync deletes it. The database is opened only when
 * sync is turned on, or at start-up once it is on (the flag in state/sync-flag.ts says so without
 * opening anything), and by the service worker, which reads the server's origin alone to name it
 * in the pages' connect-src (`readSyncOrigin`).
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { checkSyncConfig, type SyncConfig } from '$lib/domain/records/sync-config';

const DATABASE = 'kizuna-sync';
const STORE = 'config';
const KEY = 'config';

let store: UseStore | undefined;
const useStore = () => (store ??= createStore(DATABASE, STORE));

/** The saved settings, or null (none, or unreadable: then sync stays off until set again). */
export async function readSyncConfig(): Promise<SyncConfig | null> {
	return checked(await get(KEY, useStore()));
}

function checked(value: unknown): SyncConfig | null {
	if (typeof value !== 'object' || value === null) return null;
	const { url, username, password } = value as Record<string, unknown>;
	if (typeof url !== 'string' || typeof username !== 'string' || typeof password !== 'string')
		return null;
	const result = checkSyncConfig({ url, username, password });
	return result.ok ? result.config : null;
}

export async function saveSyncConfig(config: SyncConfig): Promise<void> {
	await set(KEY, { ...config }, useStore());
}

export async function forgetSyncConfig(): Promise<void> {
	await del(KEY, useStore());
}

/**
 * The saved server's origin (`https://couch.example.org`), or null when none is saved. Never
 * creates the database: a person who never turned sync on keeps none (an open that would create
 * it is aborted in its upgrade), and any failure reads as "no server", the narrowest policy.
 */
export function readSyncOrigin(): Promise<string | null> {
	return new Promise((resolve) => {
		let request: IDBOpenDBRequest;
		try {
			request = indexedDB.open(DATABASE);
		} catch {
			return resolve(null);
		}
		request.onupgradeneeded = (event) => {
			if (event.oldVersion === 0) request.transaction?.abort();
		};
		request.onerror = () => resolve(null);
		request.onblocked = () => resolve(null);
		request.onsuccess = () => {
			const db = request.result;
			if (!db.objectStoreNames.contains(STORE)) {
				db.close();
				return resolve(null);
			}
			const read = db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY);
			read.onsuccess = () => {
				db.close();
				const config = checked(read.result);
				resolve(config ? new URL(config.url).origin : null);
			};
			read.onerror = () => {
				db.close();
				resolve(null);
			};
		};
	});
}

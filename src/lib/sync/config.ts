/**
 * Where this device keeps its sync settings, password included: IndexedDB database
 * 'kizuna-sync', store 'config', key 'config' — apart from the progress ('kizuna'), so no backup,
 * export or reset ever reads it, and Turn off sync deletes it. The database is opened only when
 * sync is turned on, or at start-up once it is on (the flag in sync-flag.ts says so without
 * opening anything).
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { checkSyncConfig, type SyncConfig } from '$lib/domain/sync-config';

let store: UseStore | undefined;
const useStore = () => (store ??= createStore('kizuna-sync', 'config'));

/** The saved settings, or null (none, or unreadable: then sync stays off until set again). */
export async function readSyncConfig(): Promise<SyncConfig | null> {
	const value: unknown = await get('config', useStore());
	if (typeof value !== 'object' || value === null) return null;
	const { url, username, password } = value as Record<string, unknown>;
	if (typeof url !== 'string' || typeof username !== 'string' || typeof password !== 'string')
		return null;
	const checked = checkSyncConfig({ url, username, password });
	return checked.ok ? checked.config : null;
}

export async function saveSyncConfig(config: SyncConfig): Promise<void> {
	await set('config', { ...config }, useStore());
}

export async function forgetSyncConfig(): Promise<void> {
	await del('config', useStore());
}

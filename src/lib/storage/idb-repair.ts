/**
 * The IndexedDB store's repairs, loaded by idb.ts only when needed: the schema migration (once
 * per database) and the full check (valibot, records.ts) of records that failed the quick one,
 * with the quarantine writer that moves the unreadable ones aside.
 */
import { SCHEMA_VERSION, type QuarantinedRecord } from './guards';
import { quarantine, readAll, type Entry, type Transact } from './idb-core';
import { checkRecord } from './records';

/** Brings every record to the current schema in one transaction, then writes meta. */
export function migrate(
	transact: Transact,
	from: number,
	badMeta: unknown
): Promise<QuarantinedRecord[]> {
	return transact('readwrite', 'update your saved progress', (store, guard) => {
		const moved: QuarantinedRecord[] = [];
		const all = readAll(store, null);
		const last = store.count();
		last.onsuccess = guard(() => {
			const { keys, values } = all();
			for (let i = 0; i < keys.length; i++) {
				const entry = { key: keys[i] as IDBValidKey, value: values[i] };
				const checked = checkRecord(entry.key, entry.value, from);
				if (checked?.ok) store.put(checked.value, entry.key);
				else if (checked) moved.push(quarantine(store, entry, checked.reason));
			}
			if (badMeta !== undefined) {
				moved.push(
					quarantine(store, { key: 'meta', value: badMeta }, 'unreadable meta record', true)
				);
			}
			store.put({ schemaVersion: SCHEMA_VERSION, createdAt: Date.now() }, 'meta');
		});
		return () => moved;
	});
}

/**
 * Runs the full check on records that failed the quick one: the values it accepts are added to
 * `values`, the others are moved to quarantine (and added to `moved`).
 */
export async function checkFailed<T>(
	transact: Transact,
	failed: Entry[],
	values: T[],
	moved: QuarantinedRecord[]
): Promise<void> {
	const bad: Entry[] = [];
	for (const entry of failed) {
		const checked = checkRecord(entry.key, entry.value);
		if (checked?.ok) values.push(checked.value as T);
		else if (checked) bad.push(entry);
	}
	moved.push(...(await setAside(transact, bad)));
}

/** Moves records that failed validation aside, unless another tab has fixed them meanwhile. */
async function setAside(transact: Transact, bad: Entry[]): Promise<QuarantinedRecord[]> {
	if (bad.length === 0) return [];
	return transact('readwrite', 'set aside unreadable records', (store, guard) => {
		const moved: QuarantinedRecord[] = [];
		for (const entry of bad) {
			const request = store.get(entry.key);
			request.onsuccess = guard(() => {
				const checked = checkRecord(entry.key, request.result);
				if (request.result !== undefined && checked && !checked.ok) {
					moved.push(quarantine(store, { key: entry.key, value: request.result }, checked.reason));
				}
			});
		}
		return () => moved;
	});
}

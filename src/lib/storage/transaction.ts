/**
 * How storage talks to IndexedDB: one transaction per action (`transactor`), key ranges over the
 * keys listed in ./idb.ts, a reader of keys and values, and the quarantine writer. idb-keyval
 * opens the database and the store (`createStore`) and turns requests into promises; its
 * one-key `get`/`set`/`update` are not used, because every write here changes several records
 * that must change together (a rating's card, log record and day counter) and reads check what
 * they find inside the same transaction. Only storage modules import this.
 */
import { promisifyRequest, type UseStore } from 'idb-keyval';
import type { DayKey } from '../domain/study-day';
import { toStorageError } from './errors';
import { randomSuffix, type QuarantinedRecord } from './records';

/** Wraps a request callback so that an exception in it aborts the transaction. */
export type Guard = (fn: () => void) => () => void;
export type Entry = { key: IDBValidKey; value: unknown };
/** Keys and values side by side: no object per record on the start-up path. */
export type Columns = { keys: IDBValidKey[]; values: unknown[] };

/**
 * Runs `body` in one transaction. `body` issues requests and returns a getter for the result,
 * read after the commit; an exception in `body` or a guarded callback aborts everything.
 * Failures are thrown as storage errors saying which `action` failed.
 */
export type Transact = <T>(
	mode: IDBTransactionMode,
	action: string,
	body: (store: IDBObjectStore, guard: Guard) => () => T
) => Promise<T>;

/** All keys `[tag, …]`: arrays sort after every string and number, so `[tag, []]` bounds them. */
export function range(tag: string): IDBKeyRange {
	return IDBKeyRange.bound([tag], [tag, []]);
}

/** The day counters from `from` on. */
export function dayRange(from: DayKey): IDBKeyRange {
	return IDBKeyRange.bound(['day', from], ['day', []]);
}

/** `getAllRecords` (Chromium 141+, not yet in TypeScript's DOM types). */
type RecordReader = (options: {
	query: IDBKeyRange | null;
}) => IDBRequest<{ key: IDBValidKey; value: unknown }[]>;

export function readAll(store: IDBObjectStore, query: IDBKeyRange | null): () => Columns {
	// Keys too, not just values: a card stored under another question's id must be caught.
	const getAllRecords = (store as { getAllRecords?: RecordReader }).getAllRecords;
	if (typeof getAllRecords === 'function') {
		// One walk gives both, and costs what the values' walk alone costs: reading the keys
		// apart took another 40 ms for 10,000 cards, on the way to the first card.
		const request = getAllRecords.call(store, { query });
		return () => {
			const records = request.result;
			const keys = new Array<IDBValidKey>(records.length);
			const values = new Array<unknown>(records.length);
			for (let i = 0; i < records.length; i++) {
				keys[i] = records[i]!.key;
				values[i] = records[i]!.value;
			}
			return { keys, values };
		};
	}
	const keys = store.getAllKeys(query);
	const values = store.getAll(query);
	return () => ({ keys: keys.result, values: values.result });
}

/** Moves a record aside inside the caller's transaction. */
export function quarantine(store: IDBObjectStore, entry: Entry, reason: string, keep = false) {
	const record: QuarantinedRecord = {
		key: JSON.stringify(entry.key),
		value: entry.value,
		reason,
		at: Date.now()
	};
	store.put(record, ['quarantine', record.at, randomSuffix()]);
	if (!keep) store.delete(entry.key);
	return record;
}

/** The `Transact` of one store. */
export function transactor(useStore: UseStore): Transact {
	return async <T>(
		mode: IDBTransactionMode,
		action: string,
		body: (store: IDBObjectStore, guard: Guard) => () => T
	): Promise<T> => {
		try {
			return await useStore(mode, async (store) => {
				const tx = store.transaction;
				let failure: unknown = null;
				const abort = (error: unknown) => {
					failure ??= error;
					try {
						tx.abort();
					} catch {
						// Already finished or aborted: nothing left to undo.
					}
				};
				const guard: Guard = (fn) => () => {
					try {
						fn();
					} catch (error) {
						abort(error);
					}
				};
				const committed = promisifyRequest(tx).then(
					() => null,
					(error: unknown) => failure ?? error ?? new Error('transaction aborted')
				);
				let result: () => T = () => undefined as T;
				try {
					result = body(store, guard);
				} catch (error) {
					abort(error);
				}
				const error = await committed;
				if (error !== null) throw error;
				return result();
			});
		} catch (error) {
			throw toStorageError(error, action);
		}
	};
}

/**
 * Loads a module of storage's seldom-used code; a failed load (offline before the service
 * worker cached it) is reported as the storage error of `action`, like a failed transaction.
 */
export async function loadPart<M>(load: () => Promise<M>, action: string): Promise<M> {
	try {
		return await load();
	} catch (error) {
		throw toStorageError(error, action);
	}
}

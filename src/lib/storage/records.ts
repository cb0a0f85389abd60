/**
 * Records in and out of IndexedDB, shared by the store (./idb.ts) and its parts loaded later
 * (./rating.ts, ./quiz.ts, ./repair.ts, ./import.ts): one transaction per action (`transactor`)
 * and key ranges over the keys listed in ./idb.ts. The bottom of storage: it loads none of those
 * parts, so they all import it downwards. The checks every read passes are in ./read-checks.ts,
 * which loads ./repair.ts; setting a record aside is a write, so `quarantine` is with the writes
 * (./rating.ts).
 */
import { promisifyRequest, type UseStore } from 'idb-keyval';
import type { BackupMark } from '../domain/records/backup-reminder';
import type { DayKey } from '../domain/study-day/study-day';
import { toStorageError, type Meta } from './contract';

/** The current schema; ./repair.ts lists the versions and migrates older data. */
export const SCHEMA_VERSION = 3;

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

/** Keeps two records written in the same millisecond (two tabs) from sharing a key. */
export function randomSuffix(): string {
	return globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` is a readable meta record. */
export function isMeta(value: unknown): value is Meta {
	if (!isObject(value)) return false;
	const { schemaVersion, createdAt } = value;
	return (
		Number.isInteger(schemaVersion) && (schemaVersion as number) >= 0 && Number.isInteger(createdAt)
	);
}

export function markProblem(value: unknown): string | null {
	if (!isObject(value)) return 'not an object';
	const extra = Object.keys(value).find((key) => key !== 'at' && key !== 'reviews');
	if (extra !== undefined) return `${extra}: unexpected field`;
	for (const key of ['at', 'reviews'] as const) {
		const field = value[key];
		if (!Number.isInteger(field) || (field as number) < 0) {
			return `${key}: expected a whole number ≥ 0, got ${JSON.stringify(field) ?? String(field)}`;
		}
	}
	return null;
}

/** A stored backup mark, or null when it is absent or unreadable (the reminder then shows). */
export function readMark(value: unknown): BackupMark | null {
	if (markProblem(value) !== null) return null;
	const { at, reviews } = value as BackupMark;
	return { at, reviews };
}

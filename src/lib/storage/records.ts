/**
 * Records in and out of IndexedDB, shared by the store (./idb.ts) and its parts loaded later
 * (./rating.ts, ./quiz.ts, ./repair.ts, ./import.ts): one transaction per action (`transactor`),
 * key ranges over the keys listed in ./idb.ts, and the checks every read passes, handing what
 * fails them to the full check. Kept apart from ./idb.ts so those parts import it downwards,
 * never the store. Setting a record aside is a write, so `quarantine` is with the writes
 * (./rating.ts).
 *
 * The read checks are the domain's hand-written guards, no valibot: start-up checks 10,000 cards
 * with them in a few milliseconds. A record that fails them goes to the full check of
 * ./repair.ts, loaded only then, which migrates it or gives the reason for its quarantine.
 */
import { promisifyRequest, type UseStore } from 'idb-keyval';
import type { BackupMark } from '../domain/backup-reminder';
import { isDayCount, isQuizAnswer, isReviewRecord, isStoredCard } from '../domain/record-guards';
import type { StoredCard } from '../domain/scheduler';
import { validateSettings } from '../domain/settings';
import type { DayCount, DayKey } from '../domain/study-day';
import { toStorageError, type Meta, type QuarantinedRecord } from './contract';

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

type QuizPart = typeof import('./quiz');
let quizPart: QuizPart | undefined;

/**
 * Loads the quiz's part of storage (./quiz.ts) once: its checks bring the quiz's own code, which
 * no other page loads. The quiz asks for it ahead; each of its reads and writes loads it first.
 */
export async function loadQuizPart(action = 'keep the quiz'): Promise<QuizPart> {
	quizPart ??= await loadPart(() => import('./quiz'), action);
	return quizPart;
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

/**
 * The value to use for the current-schema record stored under `key` when it passes the quick
 * check, else undefined: then the full check (./repair.ts) decides, and says why.
 */
function quickCheck(key: IDBValidKey, value: unknown): unknown {
	if (key === 'settings') {
		const result = validateSettings(value);
		return result.ok ? result.settings : undefined;
	}
	// 'openQuiz' and 'quizChoice' have their quick check in the quiz's part (./quiz.ts), which
	// alone reads them: here, the full check decides.
	if (!Array.isArray(key)) return undefined;
	switch (key[0]) {
		case 'card':
			return isStoredCard(value) && value.id === key[1] ? value : undefined;
		case 'log':
			return isReviewRecord(value) ? value : undefined;
		case 'day':
			return isDayCount(value) ? value : undefined;
		case 'quiz':
			return isQuizAnswer(value) ? value : undefined;
		default:
			return undefined;
	}
}

/**
 * The values of `records` that pass their check; the others are moved to quarantine (and added
 * to `moved`) unless the full check, loaded only then, accepts them.
 */
export async function validRecords<T>(
	transact: Transact,
	records: Columns,
	moved: QuarantinedRecord[]
): Promise<T[]> {
	const values: T[] = [];
	const failed: Entry[] = [];
	const { keys } = records;
	for (let i = 0; i < keys.length; i++) {
		const key = keys[i] as IDBValidKey;
		const value = quickCheck(key, records.values[i]);
		if (value !== undefined) values.push(value as T);
		else failed.push({ key, value: records.values[i] });
	}
	if (failed.length === 0) return values;
	const { checkFailed } = await loadPart(() => import('./repair'), 'set aside unreadable records');
	await checkFailed(transact, failed, values, moved);
	return values;
}

export function daysReadable(values: unknown[]): values is DayCount[] {
	return values.every(isDayCount);
}

/**
 * Valid cards with no id twice. A card stored under another question's key is then taken as the
 * card its id names: the next rating of it finds no card under its own key (a conflict, so progress
 * is read again) and writes it there, and from then on its id is there twice, so the stray copy
 * is set aside at the next start-up.
 */
export function cardsReadable(values: unknown[]): values is StoredCard[] {
	const ids = new Set<string>();
	for (const value of values) {
		if (!isStoredCard(value) || ids.has(value.id)) return false;
		ids.add(value.id);
	}
	return true;
}

/**
 * The checked records of `query`, whose values are already read. Cards and day counters are read
 * as values only: their keys would cost another walk over thousands of records (a third of the
 * main thread's share of reading 10,000 cards). The keys are read, and every record checked
 * against its key, only when `readable` finds a value that is invalid or not where its own key
 * would put it.
 */
export async function checkValues<T>(
	transact: Transact,
	values: unknown[],
	query: IDBKeyRange,
	readable: (values: unknown[]) => values is T[],
	moved: QuarantinedRecord[]
): Promise<T[]> {
	if (readable(values)) return values;
	const entries = await transact('readonly', 'read your progress', (store) =>
		readAll(store, query)
	);
	return validRecords<T>(transact, entries, moved);
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

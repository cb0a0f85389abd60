/**
 * The only module that touches IndexedDB. One database ('kizuna'), one object store ('kizuna'),
 * one record per key, so every change is a small atomic transaction and two tabs never
 * overwrite each other's lists:
 *
 *   'meta'                             { schemaVersion, createdAt }
 *   'settings'                         Settings
 *   ['card', questionId]               StoredCard (one FSRS card per question id)
 *   ['log', reviewTimeMs, random]      ReviewRecord, append-only, in review-time order
 *   ['day', 'YYYY-MM-DD']              DayCount, updated in the same transaction as the rating
 *   ['quiz', answeredAtMs, random]     QuizAnswerRecord, append-only
 *   ['quarantine', movedAtMs, random]  QuarantinedRecord: a record that failed validation
 *   'backup'                           BackupMark { at, reviews }: the last export, for the reminder
 *
 * Start-up reads meta, settings, cards and day counters through key ranges, never the logs.
 * Every read is migrated and validated (records.ts); what fails is moved to 'quarantine' and
 * reported, never dropped. An import (`replaceAll`) clears and rewrites cards, log, day counters,
 * quiz answers and settings in one transaction, so a failure midway leaves the old data whole. Writes resolve only when their transaction has committed: the data
 * is then with the operating system, so closing the tab or killing the browser loses nothing
 * (idb-keyval opens transactions with the default durability; only a power cut right after a
 * write could lose it where the browser's default is "relaxed").
 */
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { ratingKind, type RatingKind } from '../domain/queue';
import type { ReviewRecord, StoredCard } from '../domain/scheduler';
import { DEFAULT_SETTINGS, type Settings } from '../domain/settings';
import { recentDayFrom, type DayCount, type DayKey } from '../domain/study-day';
import { StorageSchemaTooNewError, StorageUnavailableError, toStorageError } from './errors';
import { isMeta, quickCheck, SCHEMA_VERSION, type QuarantinedRecord } from './guards';
import type { QuizAnswerRecord } from './records';
import { createNotifier, type Notifier } from './notify';
import type {
	BackupMark,
	ImportData,
	LoadedData,
	ReviewStorage,
	StorageChange,
	UndoResult,
	UndoToken
} from './types';
import {
	plainCard,
	plainDay,
	plainLog,
	plainMark,
	plainSettings,
	randomSuffix,
	readMark,
	sameCard
} from './plain';
import { dayCountProblem, isDayCount } from '../domain/record-guards';

/** The full check (valibot and migrations), loaded only when a record fails the quick one. */
const fullCheck = () => import('./records').then((m) => m.checkRecord);

const STORE = 'kizuna';

type Guard = (fn: () => void) => () => void;
type Entry = { key: IDBValidKey; value: unknown };
/** Keys and values side by side: no object per record on the start-up path. */
type Columns = { keys: IDBValidKey[]; values: unknown[] };

/** All keys `[tag, …]`: arrays sort after every string and number, so `[tag, []]` bounds them. */
function range(tag: string): IDBKeyRange {
	return IDBKeyRange.bound([tag], [tag, []]);
}

/** The day counters from `from` on. */
function dayRange(from: DayKey): IDBKeyRange {
	return IDBKeyRange.bound(['day', from], ['day', []]);
}

function readAll(store: IDBObjectStore, query: IDBKeyRange | null): () => Columns {
	// Keys too, not just values: a card stored under another question's id must be caught.
	const keys = store.getAllKeys(query);
	const values = store.getAll(query);
	return () => ({ keys: keys.result, values: values.result });
}

/** Moves a record aside inside the caller's transaction. */
function quarantine(store: IDBObjectStore, entry: Entry, reason: string, keep = false) {
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

function bumpDay(store: IDBObjectStore, guard: Guard, day: string, kind: RatingKind, by: number) {
	const key = ['day', day];
	const request = store.get(key);
	request.onsuccess = guard(() => {
		// Checked by hand: a transaction cannot wait for the full check to load.
		const reason = request.result === undefined ? null : dayCountProblem(request.result);
		if (reason !== null) quarantine(store, { key, value: request.result }, reason, true);
		const count: DayCount =
			request.result !== undefined && reason === null
				? (request.result as DayCount)
				: { day, new: 0, review: 0, learning: 0 };
		count[kind] = Math.max(0, count[kind] + by);
		store.put(count, key);
	});
}

export interface IdbOptions {
	/** Database name; tests use one per case. */
	dbName?: string;
	/** BroadcastChannel name for other tabs; null turns notifications off. */
	channelName?: string | null;
}

/** Opens the IndexedDB store, or throws `StorageUnavailableError`. */
export async function openIdbStorage(options: IdbOptions = {}): Promise<ReviewStorage> {
	if (typeof indexedDB === 'undefined') {
		throw new StorageUnavailableError('IndexedDB is not available');
	}
	const useStore = createStore(options.dbName ?? 'kizuna', STORE);
	try {
		// Opening the database and a transaction on the store is the whole check: a request's
		// answer would wait for the main thread (busy parsing the bank) before the load could start.
		await useStore('readonly', async () => undefined);
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		throw new StorageUnavailableError(`IndexedDB could not be opened: ${detail}`, { cause: error });
	}
	return new IdbStorage(useStore, createNotifier(options.channelName ?? 'kizuna'));
}

class IdbStorage implements ReviewStorage {
	readonly saving = true;
	readonly #useStore: UseStore;
	readonly #notifier: Notifier;

	constructor(useStore: UseStore, notifier: Notifier) {
		this.#useStore = useStore;
		this.#notifier = notifier;
	}

	/**
	 * Runs `body` in one transaction. `body` issues requests and returns a getter for the result,
	 * read after the commit; an exception in `body` or a guarded callback aborts everything.
	 */
	async #transact<T>(
		mode: IDBTransactionMode,
		action: string,
		body: (store: IDBObjectStore, guard: Guard) => () => T
	): Promise<T> {
		try {
			return await this.#useStore(mode, async (store) => {
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
	}

	async load(now = Date.now()): Promise<LoadedData> {
		// One transaction reads everything start-up needs; only an old or missing meta (a
		// migration, once) costs a second read.
		const recentFrom = recentDayFrom(now);
		let read = await this.#readProgress(recentFrom);
		const meta = isMeta(read.meta) ? read.meta : null;
		const badMeta = read.meta !== undefined && meta === null;
		// No meta, or a meta that is unreadable, means the first schema: its migration leaves
		// current-shape records as they are, so guessing low is safe.
		const version = meta ? meta.schemaVersion : read.empty ? SCHEMA_VERSION : 1;
		if (version > SCHEMA_VERSION) throw new StorageSchemaTooNewError(version, SCHEMA_VERSION);

		const quarantined: QuarantinedRecord[] = [];
		let migratedFrom: number | null = null;
		if (read.empty) {
			// A first visit: nothing to migrate, so the full check (valibot) need not load.
			await this.#transact('readwrite', 'start your progress', (store) => {
				store.put({ schemaVersion: SCHEMA_VERSION, createdAt: Date.now() }, 'meta');
				return () => undefined;
			});
		} else if (version < SCHEMA_VERSION || meta === null) {
			quarantined.push(...(await this.#migrate(version, badMeta ? read.meta : undefined)));
			if (version < SCHEMA_VERSION) migratedFrom = version;
			read = await this.#readProgress(recentFrom);
		}

		const cards = await this.#valid<StoredCard>(read.cards, quarantined);
		const recentDays = await this.#checkDays(read.days, dayRange(recentFrom), quarantined);
		const [checkedSettings] = await this.#valid<Settings>(
			read.settings === undefined
				? { keys: [], values: [] }
				: { keys: ['settings'], values: [read.settings] },
			quarantined
		);
		const settings = checkedSettings ?? (structuredClone(DEFAULT_SETTINGS) as Settings);
		return { cards, settings, recentDays, recentFrom, quarantined, migratedFrom };
	}

	#readProgress(recentFrom: DayKey) {
		return this.#transact('readonly', 'read your progress', (store) => {
			const meta = store.get('meta');
			// Whether the store is empty, from its first key: count() would walk all the logs.
			const first = store.openKeyCursor();
			const cards = readAll(store, range('card'));
			const days = store.getAll(dayRange(recentFrom));
			const settings = store.get('settings');
			return () => ({
				meta: meta.result as unknown,
				empty: first.result === null,
				cards: cards(),
				days: days.result as unknown[],
				settings: settings.result as unknown
			});
		});
	}

	async readDays(): Promise<DayCount[]> {
		const values = await this.#transact('readonly', 'read your progress', (store) => {
			const request = store.getAll(range('day'));
			return () => request.result as unknown[];
		});
		return this.#checkDays(values, range('day'), []);
	}

	/**
	 * Day counters read as values only: a counter's key is not checked against it, and the keys
	 * would cost a second walk over years of days. They are read only if a counter is unreadable.
	 */
	async #checkDays(
		values: unknown[],
		query: IDBKeyRange,
		moved: QuarantinedRecord[]
	): Promise<DayCount[]> {
		if (values.every(isDayCount)) return values as DayCount[];
		const entries = await this.#transact('readonly', 'read your progress', (store) =>
			readAll(store, query)
		);
		return this.#valid<DayCount>(entries, moved);
	}

	/**
	 * The values of `records` that pass their check; the others are moved to quarantine (and
	 * added to `moved`) unless the full check accepts them.
	 */
	async #valid<T>(records: Columns, moved: QuarantinedRecord[]): Promise<T[]> {
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
		const checkRecord = await fullCheck();
		const bad: { entry: Entry; reason: string }[] = [];
		for (const entry of failed) {
			const checked = checkRecord(entry.key, entry.value);
			if (checked?.ok) values.push(checked.value as T);
			else if (checked) bad.push({ entry, reason: checked.reason });
		}
		moved.push(...(await this.#quarantine(bad)));
		return values;
	}

	/** Brings every record to the current schema in one transaction, then writes meta. */
	async #migrate(from: number, badMeta: unknown): Promise<QuarantinedRecord[]> {
		const checkRecord = await fullCheck();
		return this.#transact('readwrite', 'update your saved progress', (store, guard) => {
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

	/** Moves records that failed validation aside, unless another tab has fixed them meanwhile. */
	async #quarantine(bad: { entry: Entry; reason: string }[]): Promise<QuarantinedRecord[]> {
		if (bad.length === 0) return [];
		const checkRecord = await fullCheck();
		return this.#transact('readwrite', 'set aside unreadable records', (store, guard) => {
			const moved: QuarantinedRecord[] = [];
			for (const { entry } of bad) {
				const request = store.get(entry.key);
				request.onsuccess = guard(() => {
					const checked = checkRecord(entry.key, request.result);
					if (request.result !== undefined && checked && !checked.ok) {
						moved.push(
							quarantine(store, { key: entry.key, value: request.result }, checked.reason)
						);
					}
				});
			}
			return () => moved;
		});
	}

	readCard(id: string): Promise<StoredCard | null> {
		return this.#readOne<StoredCard>(['card', id]);
	}

	readDay(day: string): Promise<DayCount | null> {
		return this.#readOne<DayCount>(['day', day]);
	}

	async #readOne<T>(key: IDBValidKey): Promise<T | null> {
		const value = await this.#transact('readonly', 'read your progress', (store) => {
			const request = store.get(key);
			return () => request.result as unknown;
		});
		if (value === undefined) return null;
		const quarantined: QuarantinedRecord[] = [];
		const [checked] = await this.#valid<T>({ keys: [key], values: [value] }, quarantined);
		return checked ?? null;
	}

	async saveRating(input: Parameters<ReviewStorage['saveRating']>[0]) {
		const card = plainCard(input.card);
		const log = plainLog(input.log);
		const previous = input.previous === null ? null : plainCard(input.previous);
		const day = plainDay(input.day);
		const cardKey = ['card', card.id];
		const logKey = ['log', log.review, randomSuffix()];
		const kind = ratingKind(log.state);
		const conflict = await this.#transact('readwrite', 'save the rating', (store, guard) => {
			let stale = false;
			const current = store.get(cardKey);
			current.onsuccess = guard(() => {
				stale = !sameCard(current.result as StoredCard | undefined, previous);
				store.put(card, cardKey);
			});
			store.put(log, logKey);
			bumpDay(store, guard, day, kind, 1);
			return () => stale;
		});
		this.#notifier.post({ type: 'rating', cardId: card.id });
		const undo: UndoToken = {
			cardId: card.id,
			previous,
			logKey,
			review: log.review,
			day,
			kind
		};
		return { undo, conflict };
	}

	async undoRating(token: UndoToken): Promise<UndoResult> {
		const cardKey = ['card', token.cardId];
		const result = await this.#transact('readwrite', 'undo the rating', (store, guard) => {
			let outcome: UndoResult = { ok: false, reason: 'missing' };
			const current = store.get(cardKey);
			const log = store.get([...token.logKey]);
			// Requests complete in the order issued, so `current` is ready here.
			log.onsuccess = guard(() => {
				if (log.result === undefined) return;
				if ((current.result as StoredCard | undefined)?.last_review !== token.review) {
					outcome = { ok: false, reason: 'changed' };
					return;
				}
				if (token.previous) store.put(plainCard(token.previous), cardKey);
				else store.delete(cardKey);
				store.delete([...token.logKey]);
				bumpDay(store, guard, token.day, token.kind, -1);
				outcome = { ok: true, card: token.previous };
			});
			return () => outcome;
		});
		if (result.ok) this.#notifier.post({ type: 'undo', cardId: token.cardId });
		return result;
	}

	async saveSettings(settings: Settings): Promise<void> {
		const value = plainSettings(settings);
		await this.#transact('readwrite', 'save the settings', (store) => {
			store.put(value, 'settings');
			return () => undefined;
		});
		this.#notifier.post({ type: 'settings' });
	}

	async #readChecked<T>(tag: 'log' | 'quiz'): Promise<T[]> {
		const entries = await this.#transact('readonly', 'read the history', (store) =>
			readAll(store, range(tag))
		);
		return this.#valid<T>(entries, []);
	}

	readLogs(): Promise<ReviewRecord[]> {
		return this.#readChecked<ReviewRecord>('log');
	}

	async appendQuizAnswer(answer: QuizAnswerRecord): Promise<void> {
		const { plainQuiz } = await import('./plain-checked');
		const value = plainQuiz(answer);
		await this.#transact('readwrite', 'save the quiz answer', (store) => {
			store.put(value, ['quiz', value.answeredAt, randomSuffix()]);
			return () => undefined;
		});
		this.#notifier.post({ type: 'quiz' });
	}

	readQuizAnswers(): Promise<QuizAnswerRecord[]> {
		return this.#readChecked<QuizAnswerRecord>('quiz');
	}

	readQuarantine(): Promise<QuarantinedRecord[]> {
		return this.#transact('readonly', 'read the set-aside records', (store) => {
			const request = store.getAll(range('quarantine'));
			return () => request.result as QuarantinedRecord[];
		});
	}

	async resetProgress(): Promise<void> {
		await this.#transact('readwrite', 'reset your progress', (store) => {
			for (const tag of ['card', 'log', 'day', 'quiz']) store.delete(range(tag));
			return () => undefined;
		});
		this.#notifier.post({ type: 'reset' });
	}

	async replaceAll(data: ImportData): Promise<void> {
		const { plainImport } = await import('./plain-checked');
		const plain = plainImport(data);
		await this.#transact('readwrite', 'import the backup', (store) => {
			for (const tag of ['card', 'log', 'day', 'quiz']) store.delete(range(tag));
			store.put(plain.settings, 'settings');
			for (const card of plain.cards) store.put(card, ['card', card.id]);
			for (const log of plain.logs) store.put(log, ['log', log.review, randomSuffix()]);
			for (const day of plain.days) store.put(day, ['day', day.day]);
			for (const answer of plain.quiz) {
				store.put(answer, ['quiz', answer.answeredAt, randomSuffix()]);
			}
			if (plain.backupMark) store.put(plain.backupMark, 'backup');
			return () => undefined;
		});
		this.#notifier.post({ type: 'import' });
	}

	async readBackupMark(): Promise<BackupMark | null> {
		const value = await this.#transact('readonly', 'read your progress', (store) => {
			const request = store.get('backup');
			return () => request.result as unknown;
		});
		return readMark(value);
	}

	async saveBackupMark(mark: BackupMark): Promise<void> {
		const value = plainMark(mark);
		await this.#transact('readwrite', 'note the backup', (store) => {
			store.put(value, 'backup');
			return () => undefined;
		});
	}

	onChange(listener: (change: StorageChange) => void): () => void {
		return this.#notifier.subscribe(listener);
	}

	close(): void {
		this.#notifier.close();
	}
}

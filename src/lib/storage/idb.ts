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
 * quiz answers and settings in one transaction, so a failure midway leaves the old data whole.
 *
 * This file holds what the review needs (open, load, ratings, undo, settings); the rest loads on
 * first use: idb-repair.ts (migration, full check, quarantine writer) and idb-cold.ts (history,
 * set-aside records, reset, import). idb-core.ts has the transaction helper.
 *
 * Writes resolve only when their transaction has committed: the data is then with the operating
 * system, so closing the tab or killing the browser loses nothing (idb-keyval opens transactions
 * with the default durability; only a power cut right after a write could lose it where the
 * browser's default is "relaxed").
 */
import { createStore } from 'idb-keyval';
import type { ProgressData } from '../domain/backup-merge';
import type { ReviewRecord, StoredCard } from '../domain/scheduler';
import { DEFAULT_SETTINGS, type Settings } from '../domain/settings';
import { recentDayFrom, type DayCount, type DayKey } from '../domain/study-day';
import { isDayCount, isStoredCard } from '../domain/record-guards';
import { StorageSchemaTooNewError, StorageUnavailableError } from './errors';
import { isMeta, quickCheck, SCHEMA_VERSION, type QuarantinedRecord } from './guards';
import {
	dayRange,
	loadPart,
	range,
	readAll,
	transactor,
	type Columns,
	type Entry,
	type IdbContext,
	type Transact
} from './idb-core';
import { createNotifier, type Notifier } from './notify';
import { saveRating, undoRating } from './idb-rating';
import { plainSettings } from './plain';
import { plainMark, readMark } from './plain-mark';
import type { QuizAnswerRecord } from './records';
import type {
	BackupMark,
	ImportData,
	LoadedData,
	RatingInput,
	ReviewStorage,
	SavedRating,
	StorageChange,
	UndoResult,
	UndoToken
} from './types';

const repair = () => import('./idb-repair');
const cold = () => import('./idb-cold');

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
	const useStore = createStore(options.dbName ?? 'kizuna', 'kizuna');
	try {
		// Opening the database and a transaction on the store is the whole check: a request's
		// answer would wait for the main thread (busy parsing the bank) before the load could start.
		await useStore('readonly', async () => undefined);
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		throw new StorageUnavailableError(`IndexedDB could not be opened: ${detail}`, { cause: error });
	}
	// `??` would turn the null that means "no notifications" into the default channel.
	const channel = options.channelName === undefined ? 'kizuna' : options.channelName;
	return new IdbStorage(transactor(useStore), createNotifier(channel));
}

function daysReadable(values: unknown[]): values is DayCount[] {
	return values.every(isDayCount);
}

/**
 * Valid cards with no id twice. A card stored under another question's key is then taken as the
 * card its id names: the next rating of it finds no card under its own key (a conflict, so progress
 * is read again) and writes it there, and from then on its id is there twice, so the stray copy
 * is set aside at the next start-up.
 */
function cardsReadable(values: unknown[]): values is StoredCard[] {
	const ids = new Set<string>();
	for (const value of values) {
		if (!isStoredCard(value) || ids.has(value.id)) return false;
		ids.add(value.id);
	}
	return true;
}

class IdbStorage implements ReviewStorage {
	readonly saving = true;
	readonly #transact: Transact;
	readonly #notifier: Notifier;
	readonly #setAsideListeners = new Set<(records: QuarantinedRecord[]) => void>();
	/** Handed to the parts loaded on first use. */
	readonly #ctx: IdbContext;

	constructor(transact: Transact, notifier: Notifier) {
		this.#transact = transact;
		this.#notifier = notifier;
		this.#ctx = {
			transact,
			notifier,
			valid: (records, moved) => this.#valid(records, moved),
			report: (moved) => this.#report(moved)
		};
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
			const { migrate } = await loadPart(repair, 'update your saved progress');
			quarantined.push(
				...(await migrate(this.#transact, version, badMeta ? read.meta : undefined))
			);
			if (version < SCHEMA_VERSION) migratedFrom = version;
			read = await this.#readProgress(recentFrom);
		}

		const cards = await this.#checkValues(read.cards, range('card'), cardsReadable, quarantined);
		const recentDays = await this.#checkValues(
			read.days,
			dayRange(recentFrom),
			daysReadable,
			quarantined
		);
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
			const cards = store.getAll(range('card'));
			const days = store.getAll(dayRange(recentFrom));
			const settings = store.get('settings');
			return () => ({
				meta: meta.result as unknown,
				empty: first.result === null,
				cards: cards.result as unknown[],
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
		return this.#checkValues(values, range('day'), daysReadable, []);
	}

	/**
	 * Cards and day counters are read as values only: their keys would cost another walk over
	 * thousands of records (a third of the main thread's share of reading 10,000 cards). The keys
	 * are read, and every record checked against its key, only when `readable` finds a value that
	 * is invalid or not where its own key would put it.
	 */
	async #checkValues<T>(
		values: unknown[],
		query: IDBKeyRange,
		readable: (values: unknown[]) => values is T[],
		moved: QuarantinedRecord[]
	): Promise<T[]> {
		if (readable(values)) return values;
		const entries = await this.#transact('readonly', 'read your progress', (store) =>
			readAll(store, query)
		);
		return this.#valid<T>(entries, moved);
	}

	/**
	 * The values of `records` that pass their check; the others are moved to quarantine (and
	 * added to `moved`) unless the full check, loaded only then, accepts them.
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
		const { checkFailed } = await loadPart(repair, 'set aside unreadable records');
		const before = moved.length;
		await checkFailed(this.#transact, failed, values, moved);
		this.#report(moved.slice(before));
		return values;
	}

	#report(moved: QuarantinedRecord[]) {
		if (moved.length === 0) return;
		for (const listener of this.#setAsideListeners) listener(moved);
	}

	onSetAside(listener: (records: QuarantinedRecord[]) => void): () => void {
		this.#setAsideListeners.add(listener);
		return () => this.#setAsideListeners.delete(listener);
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
		const [checked] = await this.#valid<T>({ keys: [key], values: [value] }, []);
		return checked ?? null;
	}

	saveRating(input: RatingInput): Promise<SavedRating> {
		return saveRating(this.#ctx, input);
	}

	undoRating(token: UndoToken): Promise<UndoResult> {
		return undoRating(this.#ctx, token);
	}

	async saveSettings(settings: Settings): Promise<void> {
		const value = plainSettings(settings);
		await this.#transact('readwrite', 'save the settings', (store) => {
			store.put(value, 'settings');
			return () => undefined;
		});
		this.#notifier.post({ type: 'settings' });
	}

	// Seldom used: loaded on first call (idb-cold.ts).
	readLogs(): Promise<ReviewRecord[]> {
		return loadPart(cold, 'read the history').then((m) => m.readLogs(this.#ctx));
	}

	appendQuizAnswer(answer: QuizAnswerRecord): Promise<void> {
		return loadPart(cold, 'save the quiz answer').then((m) =>
			m.appendQuizAnswer(this.#ctx, answer)
		);
	}

	readQuizAnswers(): Promise<QuizAnswerRecord[]> {
		return loadPart(cold, 'read the history').then((m) => m.readQuizAnswers(this.#ctx));
	}

	readQuarantine(): Promise<QuarantinedRecord[]> {
		return loadPart(cold, 'read the set-aside records').then((m) => m.readQuarantine(this.#ctx));
	}

	resetProgress(): Promise<void> {
		return loadPart(cold, 'reset your progress').then((m) => m.resetProgress(this.#ctx));
	}

	replaceAll(data: ImportData): Promise<void> {
		return loadPart(cold, 'import the backup').then((m) => m.replaceAll(this.#ctx, data));
	}

	mergeAll(merge: (current: ProgressData) => ImportData): Promise<void> {
		return loadPart(cold, 'merge the backup').then((m) => m.mergeAll(this.#ctx, merge));
	}

	// Read by the backup reminder on the home page, so not with the seldom-used parts.
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
		this.#setAsideListeners.clear();
		this.#notifier.close();
	}
}

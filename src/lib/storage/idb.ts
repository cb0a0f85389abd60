/**
 * The IndexedDB store, the only code that touches IndexedDB. One database ('kizuna'), one object
 * store ('kizuna'), one record per key, so every change is a small atomic transaction and two
 * tabs never overwrite each other's lists:
 *
 *   'meta'                             { schemaVersion, createdAt }
 *   'settings'                         Settings
 *   ['card', questionId]               StoredCard (one FSRS card per question id)
 *   ['log', reviewTimeMs, random]      ReviewRecord, append-only, in review-time order
 *   ['day', 'YYYY-MM-DD']              DayCount, updated in the same transaction as the rating
 *   ['quiz', answeredAtMs, random]     QuizAnswerRecord, append-only but for "I was right",
 *                                      which marks the answer where it is (`amendQuizAnswer`)
 *   'openQuiz'                         OpenQuiz: the quiz under way, until it ends (to resume it)
 *   'quizChoice'                       QuizChoice: the quiz set-up form's last choice
 *   ['quarantine', movedAtMs, random]  QuarantinedRecord: a record that failed validation
 *   'backup'                           BackupMark { at, reviews }: the last export, for the reminder
 *
 * Where each part lives, every file used downwards only:
 *   index.ts     `openStorage`: this store, or the in-memory fallback with the warning to show;
 *                persistent storage (so the browser does not evict it)
 *   contract.ts  what storage promises: the interface both stores implement, its records, errors
 *   idb.ts       this class: open, start-up load, reads, the writes' entry points, and the
 *                messages to other tabs (BroadcastChannel 'kizuna') after each write
 *   records.ts   under the store and its later parts: the transaction helper, key ranges, the
 *                checks every read passes and the quarantine of what fails them
 *   rating.ts    the write half: the checked plain copies writes make, and the rating and its
 *                undo (card, log record and day counter in one transaction)
 *   quiz.ts      the quiz's part: its answers' writes, the quiz under way and the quiz choice
 *   repair.ts    migrations and the full check (valibot) that quarantines with a reason
 *   import.ts    import, merge and reset
 *   memory.ts    the same interface in memory: the fallback when IndexedDB is missing or full
 *
 * The lazy boundaries are the seams: a visit that only reads, as Today's, loads index, contract,
 * idb and records. rating.ts loads at the first write (`loadWrites`; a page that rates asks for
 * it ahead), quiz.ts with the quiz (`loadQuizPart`, asked for ahead too), repair.ts only for an
 * old schema or a record that fails its read check, import.ts at the first import, merge or
 * reset, memory.ts only when IndexedDB fails. So a record is checked in three places, one per
 * boundary: on reading (records.ts, quick, always loaded), in the full check (repair.ts, which
 * migrates and words the reason) and on writing (rating.ts); the quiz's own records, read by the
 * quiz alone, on reading and writing in quiz.ts. The rules themselves are the domain's: one field
 * table per record (record-guards.ts), and the quiz's. One file would put the write checks, the
 * migrations and the quiz's code on every page's first load.
 *
 * idb-keyval supplies only `createStore` (open the database and its store) and `promisifyRequest`
 * (a transaction as a promise): its one-key `get`/`set`/`update` each run their own transaction,
 * and a rating's card, log record and day counter must change in one, as must an import's
 * records; reads check what they find inside the same transaction.
 *
 * Start-up reads meta, settings, cards and recent day counters through key ranges, never the
 * logs. Every read is checked; what fails is migrated or moved to 'quarantine' and reported,
 * never dropped.
 *
 * Writes resolve only when their transaction has committed: the data is then with the operating
 * system, so closing the tab or killing the browser loses nothing (idb-keyval opens transactions
 * with the default durability; only a power cut right after a write could lose it where the
 * browser's default is "relaxed").
 */
import { createStore } from 'idb-keyval';
import type { ProgressData } from '../domain/records/backup-merge';
import type { ReviewRecord } from '../domain/schedule/scheduler';
import { DEFAULT_SETTINGS, type Settings } from '../domain/records/settings';
import { recentDayFrom, type DayCount, type DayKey } from '../domain/study-day/study-day';
import {
	StorageSchemaTooNewError,
	StorageUnavailableError,
	loadPart,
	type BackupMark,
	type ImportData,
	type LoadedData,
	type OpenQuiz,
	type QuarantinedRecord,
	type QuizAnswerRecord,
	type QuizChoice,
	type RatingInput,
	type ReviewStorage,
	type SavedRating,
	type StorageChange,
	type UndoResult,
	type UndoToken
} from './contract';
import { loadQuizPart } from './quiz-part';
import { cardsReadable, checkValues, daysReadable, validRecords } from './read-checks';
import {
	dayRange,
	isMeta,
	range,
	readAll,
	readMark,
	SCHEMA_VERSION,
	transactor,
	type Transact
} from './records';
import { errorMessage } from '../error-message';

const repair = () => import('./repair');
const importing = () => import('./import');

type Writes = typeof import('./rating');
let writes: Writes | undefined;

/**
 * Loads the writes' half of storage once; a page that rates loads it ahead (with the scheduler),
 * so its first rating does not wait for it. Each write then finds it already there.
 */
export async function loadWrites(action = 'save your progress'): Promise<Writes> {
	writes ??= await loadPart(() => import('./rating'), action);
	return writes;
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
	const useStore = createStore(options.dbName ?? 'kizuna', 'kizuna');
	try {
		// Opening the database and a transaction on the store is the whole check: a request's
		// answer would wait for the main thread (busy parsing the bank) before the load could start.
		await useStore('readonly', async () => undefined);
	} catch (error) {
		const detail = errorMessage(error);
		throw new StorageUnavailableError(`IndexedDB could not be opened: ${detail}`, { cause: error });
	}
	// `??` would turn the null that means "no notifications" into the default channel.
	const channel = options.channelName === undefined ? 'kizuna' : options.channelName;
	return new IdbStorage(transactor(useStore), createNotifier(channel));
}

interface Notifier {
	post(change: StorageChange): void;
	subscribe(listener: (change: StorageChange) => void): () => void;
	close(): void;
}

const SILENT: Notifier = { post() {}, subscribe: () => () => {}, close() {} };

/**
 * Tells other tabs that storage changed, over a BroadcastChannel, so they rebuild their queue
 * instead of showing a card another tab just rated. A channel never delivers to its sender;
 * silent when `name` is null or BroadcastChannel is missing.
 */
function createNotifier(name: string | null): Notifier {
	if (name === null || typeof BroadcastChannel === 'undefined') return SILENT;
	const channel = new BroadcastChannel(name);
	const listeners = new Set<(change: StorageChange) => void>();
	channel.onmessage = (event: MessageEvent<StorageChange>) => {
		for (const listener of listeners) listener(event.data);
	};
	return {
		post: (change) => channel.postMessage(change),
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		close() {
			listeners.clear();
			channel.close();
		}
	};
}

class IdbStorage implements ReviewStorage {
	readonly saving = true;
	readonly #transact: Transact;
	readonly #notifier: Notifier;
	readonly #setAsideListeners = new Set<(records: QuarantinedRecord[]) => void>();

	constructor(transact: Transact, notifier: Notifier) {
		this.#transact = transact;
		this.#notifier = notifier;
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
			await this.#put('start your progress', 'meta', {
				schemaVersion: SCHEMA_VERSION,
				createdAt: Date.now()
			});
		} else if (version < SCHEMA_VERSION || meta === null) {
			const { migrate } = await loadPart(repair, 'update your saved progress');
			quarantined.push(
				...(await migrate(this.#transact, version, badMeta ? read.meta : undefined))
			);
			if (version < SCHEMA_VERSION) migratedFrom = version;
			read = await this.#readProgress(recentFrom);
		}

		const cards = await checkValues(
			this.#transact,
			read.cards,
			range('card'),
			cardsReadable,
			quarantined
		);
		const recentDays = await checkValues(
			this.#transact,
			read.days,
			dayRange(recentFrom),
			daysReadable,
			quarantined
		);
		const [checkedSettings] = await validRecords<Settings>(
			this.#transact,
			read.settings === undefined
				? { keys: [], values: [] }
				: { keys: ['settings'], values: [read.settings] },
			quarantined
		);
		const settings = checkedSettings ?? (structuredClone(DEFAULT_SETTINGS) as Settings);
		// Told to listeners too: a reload after another tab wrote may find what the first load did not.
		this.#report(quarantined);
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
		const moved: QuarantinedRecord[] = [];
		const days = await checkValues(this.#transact, values, range('day'), daysReadable, moved);
		this.#report(moved);
		return days;
	}

	#report(moved: QuarantinedRecord[]) {
		if (moved.length === 0) return;
		for (const listener of this.#setAsideListeners) listener(moved);
	}

	onSetAside(listener: (records: QuarantinedRecord[]) => void): () => void {
		this.#setAsideListeners.add(listener);
		return () => this.#setAsideListeners.delete(listener);
	}

	async saveRating(input: RatingInput): Promise<SavedRating> {
		const { plainRating, writeRating } = writes ?? (await loadWrites('save the rating'));
		const rating = plainRating(input);
		const moved: QuarantinedRecord[] = [];
		const conflict = await this.#transact('readwrite', 'save the rating', (store, guard) =>
			writeRating(store, guard, rating, moved)
		);
		this.#report(moved);
		this.#notifier.post({ type: 'rating', cardId: rating.card.id });
		return { undo: rating.undo, conflict };
	}

	async undoRating(token: UndoToken): Promise<UndoResult> {
		const { writeUndo } = writes ?? (await loadWrites('undo the rating'));
		const moved: QuarantinedRecord[] = [];
		const result = await this.#transact('readwrite', 'undo the rating', (store, guard) =>
			writeUndo(store, guard, token, moved)
		);
		this.#report(moved);
		if (result.ok) this.#notifier.post({ type: 'undo', cardId: token.cardId });
		return result;
	}

	/** Stores `value` under `key` in a transaction of its own; `action` names it in an error. */
	#put(action: string, key: string, value: unknown): Promise<void> {
		return this.#transact('readwrite', action, (store) => {
			store.put(value, key);
			return () => undefined;
		});
	}

	async saveSettings(settings: Settings): Promise<void> {
		const { plainSettings } = writes ?? (await loadWrites('save the settings'));
		const value = plainSettings(settings);
		await this.#put('save the settings', 'settings', value);
		this.#notifier.post({ type: 'settings' });
	}

	/** The review log or the quiz answers, checked: the history, read by Stats and backups. */
	async #readHistory<T>(tag: 'log' | 'quiz'): Promise<T[]> {
		const entries = await this.#transact('readonly', 'read the history', (store) =>
			readAll(store, range(tag))
		);
		const moved: QuarantinedRecord[] = [];
		const values = await validRecords<T>(this.#transact, entries, moved);
		this.#report(moved);
		return values;
	}

	readLogs(): Promise<ReviewRecord[]> {
		return this.#readHistory<ReviewRecord>('log');
	}

	readQuizAnswers(): Promise<QuizAnswerRecord[]> {
		return this.#readHistory<QuizAnswerRecord>('quiz');
	}

	// The quiz's own writes and records load with the quiz (./quiz.ts), as their checks do.
	async appendQuizAnswer(answer: QuizAnswerRecord): Promise<void> {
		const { appendQuizAnswer } = await loadQuizPart('save the quiz answer');
		await appendQuizAnswer(this.#transact, answer);
		this.#notifier.post({ type: 'quiz' });
	}

	async amendQuizAnswer(answer: QuizAnswerRecord): Promise<void> {
		const { amendQuizAnswer } = await loadQuizPart('save the quiz answer');
		await amendQuizAnswer(this.#transact, answer);
		this.#notifier.post({ type: 'quiz' });
	}

	readOpenQuiz(): Promise<OpenQuiz | null> {
		return this.#readKept<OpenQuiz>('openQuiz', 'read the quiz under way');
	}

	async saveOpenQuiz(quiz: OpenQuiz | null): Promise<void> {
		const { saveOpenQuiz } = await loadQuizPart('keep the quiz under way');
		await saveOpenQuiz(this.#transact, quiz);
	}

	readQuizChoice(): Promise<QuizChoice | null> {
		return this.#readKept<QuizChoice>('quizChoice', 'read the quiz choice');
	}

	async #readKept<T>(key: 'openQuiz' | 'quizChoice', action: string): Promise<T | null> {
		const { readKept } = await loadQuizPart(action);
		const moved: QuarantinedRecord[] = [];
		const kept = await readKept<T>(this.#transact, key, moved);
		this.#report(moved);
		return kept;
	}

	async saveQuizChoice(choice: QuizChoice): Promise<void> {
		const { saveQuizChoice } = await loadQuizPart('remember the quiz choice');
		await saveQuizChoice(this.#transact, choice);
	}

	readQuarantine(): Promise<QuarantinedRecord[]> {
		return this.#transact('readonly', 'read the set-aside records', (store) => {
			const request = store.getAll(range('quarantine'));
			return () => request.result as QuarantinedRecord[];
		});
	}

	// Import, merge and reset load on first use (./import.ts): no page needs them to start.
	async resetProgress(): Promise<void> {
		const { resetProgress } = await loadPart(importing, 'reset your progress');
		await resetProgress(this.#transact);
		this.#notifier.post({ type: 'reset' });
	}

	async replaceAll(data: ImportData): Promise<void> {
		const { replaceAll } = await loadPart(importing, 'import the backup');
		await replaceAll(this.#transact, data);
		this.#notifier.post({ type: 'import' });
	}

	async mergeAll(merge: (current: ProgressData) => ImportData): Promise<void> {
		const { mergeAll } = await loadPart(importing, 'merge the backup');
		const moved: QuarantinedRecord[] = [];
		try {
			await mergeAll(this.#transact, merge, moved);
		} finally {
			this.#report(moved);
		}
		this.#notifier.post({ type: 'import' });
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
		const { plainMark } = writes ?? (await loadWrites('note the backup'));
		const value = plainMark(mark);
		await this.#put('note the backup', 'backup', value);
	}

	onChange(listener: (change: StorageChange) => void): () => void {
		return this.#notifier.subscribe(listener);
	}

	close(): void {
		this.#setAsideListeners.clear();
		this.#notifier.close();
	}
}

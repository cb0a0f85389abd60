/**
 * What storage promises the rest of the app: the interface shared by the IndexedDB store and the
 * in-memory fallback (so the review keeps working, unsaved, when IndexedDB is unavailable or
 * full), the records it hands out, and its errors, each with a message a user can act on. The UI
 * shows `error.message` in its one error area; `NOT_SAVING_WARNING` is the banner while the
 * in-memory fallback is in use.
 */
import type { BackupMark } from '../domain/records/backup-reminder';
import type { ProgressData } from '../domain/records/backup-merge';
import type { QuizChoice } from '../domain/quiz/quiz-config';
import type { QuizAnswerRecord } from '../domain/quiz/quiz-record';
import type { OpenQuiz } from '../domain/quiz/quiz-resume';
import type { ReviewRecord, StoredCard } from '../domain/schedule/scheduler';
import type { Settings } from '../domain/records/settings';
import type { DayCount, DayKey, RatingKind } from '../domain/study-day/study-day';

export type { BackupMark, OpenQuiz, QuizAnswerRecord, QuizChoice };

export interface Meta {
	schemaVersion: number;
	/** When this database was first written (epoch ms). */
	createdAt: number;
}

/** A record that failed validation, kept aside instead of being dropped. */
export interface QuarantinedRecord {
	/** The original key, as JSON (e.g. `["card","q1"]`). */
	key: string;
	value: unknown;
	reason: string;
	at: number;
}

/** Everything start-up needs; deliberately not the review log. */
export interface LoadedData {
	cards: StoredCard[];
	settings: Settings;
	/**
	 * The counters of the recent study days (from `recentFrom` on), enough for "reviewed today"
	 * and the daily limits whatever hour the day starts. Years of days would cost the first card
	 * a read of every counter: the rest come from `readDays()` when a page needs them.
	 */
	recentDays: DayCount[];
	/** The first day key `recentDays` covers; older counters are only in `readDays()`. */
	recentFrom: DayKey;
	/** Records that failed validation during this load, now kept under 'quarantine'. */
	quarantined: QuarantinedRecord[];
	/** The schema version the data was migrated from during this load, else null. */
	migratedFrom: number | null;
}

export interface RatingInput {
	/** The card as it was shown (null if it had no record yet). */
	previous: StoredCard | null;
	card: StoredCard;
	log: ReviewRecord;
	/** The study day the rating counts for. */
	day: DayKey;
}

/** What `undoRating` needs; keep a stack of these for several steps of undo. */
export interface UndoToken {
	cardId: string;
	/** What undo restores: the card stored before this rating (another tab's, after a conflict). */
	previous: StoredCard | null;
	/** The log record's key, opaque. */
	logKey: readonly (string | number)[];
	/** The log record itself: sync deletes its event everywhere when the rating is undone. */
	log: ReviewRecord;
	/** `last_review` of the card this rating wrote, to detect a later rating from another tab. */
	review: number;
	day: DayKey;
	kind: RatingKind;
}

export interface SavedRating {
	undo: UndoToken;
	/**
	 * True when the stored card was not the one this tab rated (another tab rated it first).
	 * Both ratings are in the log and the newer card was written; refresh the queue.
	 */
	conflict: boolean;
}

export type UndoResult =
	{ ok: true; card: StoredCard | null } | { ok: false; reason: 'changed' | 'missing' };

/** What `replaceAll` writes: a checked backup, as it is or merged with the device's data. */
export interface ImportData extends ProgressData {
	/** Written in the same transaction when given; otherwise the stored mark is kept. */
	backupMark?: BackupMark;
}

/** Sent to other tabs (BroadcastChannel 'kizuna') after each write. */
export type StorageChange =
	{ type: 'rating' | 'undo'; cardId: string } | { type: 'settings' | 'reset' | 'quiz' | 'import' };

export interface ReviewStorage {
	/** False for the in-memory fallback: show `NOT_SAVING_WARNING`. */
	readonly saving: boolean;
	/**
	 * Cards, settings and the recent day counters (`now` sets what is recent); migrates old data
	 * and quarantines invalid records.
	 */
	load(now?: number): Promise<LoadedData>;
	/** Every day counter (the streak, totals): the part of the start-up data left out of `load`. */
	readDays(): Promise<DayCount[]>;
	/** Writes the card, its log record and the day counter in one transaction. */
	saveRating(input: RatingInput): Promise<SavedRating>;
	/** Restores the previous card, deletes the log record, decrements the day counter: atomic. */
	undoRating(token: UndoToken): Promise<UndoResult>;
	saveSettings(settings: Settings): Promise<void>;
	/** The whole review log in review order (stats, export, replay); never read at start-up. */
	readLogs(): Promise<ReviewRecord[]>;
	appendQuizAnswer(answer: QuizAnswerRecord): Promise<void>;
	/**
	 * Replaces the stored answer to the same question at the same time with `answer` (marked
	 * "I was right"), or adds it when none is stored (e.g. lost to a reset since).
	 */
	amendQuizAnswer(answer: QuizAnswerRecord): Promise<void>;
	readQuizAnswers(): Promise<QuizAnswerRecord[]>;
	/** The quiz left mid-way, to resume; null when there is none (or it was unreadable). */
	readOpenQuiz(): Promise<OpenQuiz | null>;
	/** Keeps the quiz under way after each step; null once it has ended. */
	saveOpenQuiz(quiz: OpenQuiz | null): Promise<void>;
	/** The quiz set-up form's last choice; null before the first quiz. */
	readQuizChoice(): Promise<QuizChoice | null>;
	saveQuizChoice(choice: QuizChoice): Promise<void>;
	readQuarantine(): Promise<QuarantinedRecord[]>;
	/**
	 * Deletes cards, review log, day counters, quiz answers and the quiz under way; keeps settings,
	 * the quiz choice and quarantine.
	 */
	resetProgress(): Promise<void>;
	/**
	 * Replaces cards, review log, quiz answers and settings with `data`, and rebuilds the day
	 * counters from the log (study days starting at `data.settings.dayStartHour`), all in one
	 * transaction: on any failure nothing changes. Quarantine and meta are kept.
	 */
	replaceAll(data: ImportData): Promise<void>;
	/**
	 * Reads cards, review log, quiz answers and settings, and replaces them with `merge(current)`
	 * (synchronous) as `replaceAll` does, as one step: a write from another tab in between makes it
	 * read and merge again, so nothing written meanwhile is lost.
	 */
	mergeAll(merge: (current: ProgressData) => ImportData): Promise<void>;
	/** When the last backup was exported; null if never (or unreadable). */
	readBackupMark(): Promise<BackupMark | null>;
	saveBackupMark(mark: BackupMark): Promise<void>;
	/** Calls `listener` when another tab wrote; returns the unsubscribe function. */
	onChange(listener: (change: StorageChange) => void): () => void;
	/**
	 * Records found unreadable and set aside after the first load (reading the history or every
	 * day, a reload, a rating), so the user is told of them too; the first load returns its own.
	 */
	onSetAside(listener: (records: QuarantinedRecord[]) => void): () => void;
	close(): void;
}

export const NOT_SAVING_WARNING =
	'Progress is not being saved: you can keep reviewing, but this session is lost when the tab closes.';

/** The banner once a full disk has sent the session to memory (state/progress.svelte.ts). */
export const STORAGE_FULL_WARNING =
	'The storage for Kizuna on this device is full. What was saved before is intact; free some ' +
	'space (or clear other sites’ data) and reload to save again. ' +
	NOT_SAVING_WARNING;

/** IndexedDB is missing (some private modes) or refuses to open. */
export class StorageUnavailableError extends Error {
	override name = 'StorageUnavailableError';
	constructor(detail: string, options?: ErrorOptions) {
		super(
			`This browser does not let Kizuna store data (${detail}). ${NOT_SAVING_WARNING}`,
			options
		);
	}
}

/** The browser's storage quota for the site is used up; the write did not happen. */
export class StorageQuotaError extends Error {
	override name = 'StorageQuotaError';
	constructor(options?: ErrorOptions) {
		super(
			'The storage for Kizuna on this device is full, so the last change was not saved. ' +
				'Free some space (or clear other sites’ data) and reload; earlier progress is intact.',
			options
		);
	}
}

/** A read or write failed for another reason; a write's transaction was rolled back. */
export class StorageWriteError extends Error {
	override name = 'StorageWriteError';
	/** `action` completes "Kizuna could not …", e.g. 'save the rating'. */
	constructor(action: string, detail: string, options?: ErrorOptions) {
		super(`Kizuna could not ${action} (${detail}). Earlier progress is intact.`, options);
	}
}

/** The stored data was written by a newer Kizuna (another tab updated); this tab must reload. */
export class StorageSchemaTooNewError extends Error {
	override name = 'StorageSchemaTooNewError';
	constructor(found: number, supported: number) {
		super(
			`Your progress was saved by a newer version of Kizuna (data version ${found}, this page ` +
				`understands ${supported}). Reload the page to use the new version.`
		);
	}
}

/** Maps whatever IndexedDB threw or aborted with to one of the errors above. */
export function toStorageError(error: unknown, action: string): Error {
	if (
		error instanceof StorageQuotaError ||
		error instanceof StorageWriteError ||
		error instanceof StorageUnavailableError
	) {
		return error;
	}
	const name = (error as { name?: unknown } | null)?.name;
	if (name === 'QuotaExceededError') return new StorageQuotaError({ cause: error });
	const detail =
		error instanceof Error || error instanceof DOMException
			? `${error.name}: ${error.message}`
			: 'the browser aborted the transaction';
	return new StorageWriteError(action, detail, { cause: error });
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

import type { QuizAnswerRecord } from '$lib/domain/quiz/quiz-record';
import type { StoredCard } from '$lib/domain/schedule/card';
import type { Settings } from '$lib/domain/records/settings';
import type { DayKey } from '$lib/domain/study-day/study-day';
import {
	StorageQuotaError,
	type ReviewStorage,
	type SavedRating,
	type UndoToken
} from '$lib/storage';
import { progress as sharedProgress, type Progress } from './progress.svelte';
import { toSync } from './sync-hooks';

/**
 * A rating as stored (its log record is `undo.log`): the card as it left it, and the study day
 * whose counter it counts in.
 */
export interface Rated extends SavedRating {
	type: 'rated';
	card: StoredCard;
	day: DayKey;
}

/** What one stored write changed, as its subscribers (the progress shown, sync) hear of it. */
export type Change =
	| Rated
	/** `card`: the card as the undo left it (null: none). */
	| { type: 'undone'; undo: UndoToken; card: StoredCard | null }
	/** A quiz answer saved, or marked "I was right". */
	| { type: 'answered'; answer: QuizAnswerRecord }
	/** The quiz under way or the set-up's last choice: nothing any page shows from progress. */
	| { type: 'quiz-kept' }
	/** `cardsRebuilt`: personal FSRS parameters rebuilt every card with the settings. */
	| { type: 'settings'; settings: Settings; cardsRebuilt: boolean }
	/** Rewritten by a backup (replace or merge): read again. */
	| { type: 'imported' }
	/** Other devices' events, written by sync: read again, never sent back. */
	| { type: 'synced' }
	| { type: 'reset' };

/**
 * What a full disk does to a write. 'memory': the session carries on in memory under the "not
 * being saved" warning, as when IndexedDB is unavailable, and the write is done there (what
 * IndexedDB holds stays as it was): a rating or a quiz answer must not stop the study. 'refuse':
 * the StorageQuotaError is thrown for the caller to report, and nothing changes. Other failures
 * are shown in the status banner and thrown, whichever the policy.
 */
export type WhenFull = 'memory' | 'refuse';

export interface WriteOptions<T> {
	whenFull: WhenFull;
	/** The change `result` made, for the subscribers; null when nothing was written. */
	change: (result: T) => Change | null;
	/**
	 * Runs in the same turn as the subscribers, before the write resolves: a caller's own state
	 * then changes in the same render as the progress shown.
	 */
	then?: (result: T) => void;
}

/**
 * The one way progress changes: every write (rating, undo, quiz, settings, FSRS parameters,
 * import, sync's replay, reset) goes through `write`, which applies the write's full-disk policy
 * and then publishes one `Change`. The progress shown hears first (a rating in the same turn,
 * a rewrite by reading storage again, awaited by the write); sync hears through ./sync-hooks.ts.
 */
export class Writer {
	readonly #listeners: ((change: Change) => unknown)[] = [];

	constructor(readonly progress: Progress) {
		this.subscribe((change) => progress.take(change));
	}

	/** `listener` hears of every stored change from now on; a promise it returns is awaited. */
	subscribe(listener: (change: Change) => unknown) {
		this.#listeners.push(listener);
	}

	/** Runs `run` on the storage in use under `whenFull`, then publishes its change. */
	async write<T>(
		run: (storage: ReviewStorage) => Promise<T>,
		{ whenFull, change, then }: WriteOptions<T>
	): Promise<T> {
		const result = await this.#store(run, whenFull);
		const stored = change(result);
		const pending = stored ? this.#listeners.map((listener) => listener(stored)) : [];
		then?.(result);
		await Promise.all(pending);
		return result;
	}

	async #store<T>(run: (storage: ReviewStorage) => Promise<T>, whenFull: WhenFull): Promise<T> {
		const progress: Progress = this.progress;
		try {
			return await run(await progress.storage());
		} catch (error) {
			if (!(error instanceof StorageQuotaError)) progress.status.fail(error);
			if (whenFull === 'refuse') throw error;
			await progress.continueInMemory();
			try {
				return await run(await progress.storage());
			} catch (retryError) {
				progress.status.fail(retryError);
			}
		}
	}

	/**
	 * Saves the settings, or throws with nothing changed. A full disk refuses them rather than
	 * keeping them in memory: the setting stays as saved, which is what the next visit shows, and
	 * the caller (Settings) says why beside it.
	 */
	async saveSettings(settings: Settings) {
		await this.write((storage) => storage.saveSettings(settings), {
			whenFull: 'refuse',
			change: () => ({ type: 'settings', settings, cardsRebuilt: false })
		});
	}
}

export const writer = new Writer(sharedProgress);
// Sync hears of every write; a no-op while it is off (its own code loads only while it is on).
writer.subscribe(toSync);

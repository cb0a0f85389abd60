import { createRecall, DEFAULT_DECAY, type Recall } from '$lib/domain/schedule/recall';
import type { StoredCard } from '$lib/domain/schedule/scheduler';
import { DEFAULT_SETTINGS, type Settings } from '$lib/domain/records/settings';
import {
	countRating,
	dayKey,
	type DayCount,
	type DayKey,
	type RatingKind
} from '$lib/domain/study-day/study-day';
import {
	openStorage,
	STORAGE_FULL_WARNING,
	type BackupMark,
	type IdbOptions,
	type LoadedData,
	type ReviewStorage,
	type StorageChange
} from '$lib/storage';
import { storageAsked } from './startup';
import { StorageStatus } from './storage-status.svelte';
import type { Change } from './writer';

/**
 * The user's progress as the UI sees it: cards, day counters and settings, loaded once per tab
 * and kept in step with storage: with this tab's writes through the changes ./writer.ts
 * publishes, with other tabs' through storage's change events. It writes nothing itself.
 */
export class Progress {
	readonly status: StorageStatus;
	readonly #options: IdbOptions;
	// Raw state: `saving` changes when a full disk sends the session to memory.
	#storage = $state.raw<ReviewStorage | undefined>(undefined);
	#loading: Promise<void> | undefined;
	// Plain maps changed in place, with one version read by the getters: copying 10,000 cards
	// after every rating would cost the review its frame. Cards and counters are never mutated.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- observed through #version
	#cards = new Map<string, StoredCard>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- observed through #version
	#days = new Map<DayKey, DayCount>();
	/** Counters from this day on are always in `#days`; older ones once `loadAllDays()` ran. */
	#recentFrom: DayKey = '';
	#allDays = $state(false);
	#allDaysLoading: Promise<void> | undefined;
	#version = $state(0);
	#settings = $state.raw<Settings>({ ...DEFAULT_SETTINGS });
	#loaded = $state(false);
	/** Bumped when another tab wrote, so open pages rebuild what they show. */
	#revision = $state(0);

	/**
	 * `options` name the database (tests use their own); `status` hears of every problem; `clock`
	 * is what the state reads the time from (a rating's time, the study day, the queue's "now"),
	 * so a test passes its own instead of faking the global one.
	 */
	constructor(
		options: IdbOptions = {},
		status = new StorageStatus(),
		readonly clock: () => number = Date.now
	) {
		this.#options = options;
		this.status = status;
	}

	get loaded() {
		return this.#loaded;
	}
	get cards(): ReadonlyMap<string, StoredCard> {
		void this.#version;
		return this.#cards;
	}
	/** The recent study days' counters, and every day's once `loadAllDays()` has resolved. */
	get days(): ReadonlyMap<DayKey, DayCount> {
		void this.#version;
		return this.#days;
	}
	/** Whether `days` holds every study day (for the streak and totals), not only recent ones. */
	get allDays() {
		return this.#allDays;
	}
	get settings(): Settings {
		return this.#settings;
	}
	get revision() {
		return this.#revision;
	}
	/** False while progress lives in memory only (no IndexedDB, or a full disk). */
	get saving() {
		return this.#storage?.saving ?? false;
	}

	/**
	 * Cards' probability of recall (the queue's order, the progress shown), without ts-fsrs; with
	 * personal FSRS parameters, under their decay (w20).
	 */
	readonly recall: Recall = $derived(
		createRecall(this.#settings.fsrsParameters?.[20] ?? DEFAULT_DECAY)
	);

	today(now = this.clock()): DayKey {
		return dayKey(now, this.#settings.dayStartHour);
	}

	/** Opens storage and loads progress once per tab; later calls share the first. */
	load(): Promise<void> {
		this.#loading ??= this.#open();
		return this.#loading;
	}

	async #open() {
		const opened = await openStorage(this.#options, storageAsked);
		this.#storage = opened.storage;
		this.#apply(opened.data);
		this.status.warning = opened.warning;
		this.status.setAside(opened.data.quarantined);
		this.#loaded = true;
		opened.storage.onChange((change) => void this.#reload(change.type));
		opened.storage.onSetAside((records) => this.status.setAside(records));
		// Not awaited: the first card need not wait for the storage manager.
		void this.status.checkPersistence();
	}

	/** `olderKept`: whether counters older than the recent ones stay (false after an import or reset). */
	#apply(data: LoadedData, olderKept = true) {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- observed through #version
		const cards = new Map<string, StoredCard>();
		for (const card of data.cards) cards.set(card.id, card);
		this.#cards = cards;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- observed through #version
		const days = new Map<DayKey, DayCount>();
		// A rating (or undo) changes only a recent counter, so older ones already read stay right.
		if (olderKept)
			for (const [day, count] of this.#days) if (day < data.recentFrom) days.set(day, count);
		for (const count of data.recentDays) days.set(count.day, count);
		this.#days = days;
		this.#recentFrom = data.recentFrom;
		this.#version += 1;
		this.#settings = data.settings;
	}

	async #reload(change: StorageChange['type']) {
		try {
			await this.#reread(change);
		} catch (error) {
			this.status.fail(error);
		}
	}

	/** Reloads after a write; an import or a reset rewrote old days too, so those are read again. */
	async #reread(change: StorageChange['type']) {
		if (!this.#storage) return;
		const rewritten = change === 'import' || change === 'reset';
		this.#apply(await this.#storage.load(), !rewritten);
		if (rewritten && this.#allDays) await this.#readAllDays();
		this.#revision += 1;
	}

	/** Reloads everything from storage, as when another tab wrote (after a rating's conflict). */
	refresh(): Promise<void> {
		return this.#reload('rating');
	}

	/**
	 * Reads every day counter once; the review never needs them, so the first card does not wait
	 * for years of days. Pages showing the streak or totals await this.
	 */
	loadAllDays(): Promise<void> {
		this.#allDaysLoading ??= this.load()
			.then(() => this.#readAllDays())
			.catch((error: unknown) => {
				this.#allDaysLoading = undefined;
				this.status.fail(error);
			});
		return this.#allDaysLoading;
	}

	async #readAllDays() {
		const all = await (await this.storage()).readDays();
		// Recent counters in memory may be newer than the read (a rating saved meanwhile).
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- observed through #version
		const days = new Map<DayKey, DayCount>();
		for (const count of all) if (count.day < this.#recentFrom) days.set(count.day, count);
		for (const [day, count] of this.#days) if (day >= this.#recentFrom) days.set(day, count);
		this.#days = days;
		this.#allDays = true;
		this.#version += 1;
	}

	/** The open storage, for reads and for the backup steps; waits for the load. */
	async storage(): Promise<ReviewStorage> {
		await this.load();
		if (!this.#storage) throw new Error('Progress is not loaded yet.');
		return this.#storage;
	}

	/**
	 * Moves the session to memory, for ./writer.ts when the disk is full: it carries on under the
	 * "not being saved" warning, as when IndexedDB is unavailable, and what IndexedDB already
	 * holds stays as it was.
	 */
	async continueInMemory() {
		// Two writes may meet a full disk at once: the second finds the move made.
		if (!this.saving) return;
		// Every day counter, while they can still be read, so the streak stays right.
		if (!this.#allDays) await this.#readAllDays().catch(() => undefined);
		if (!this.saving) return;
		const { createMemoryStorage } = await import('$lib/storage/memory');
		if (!this.saving) return;
		this.#storage?.close();
		this.#storage = createMemoryStorage({
			cards: this.#cards.values(),
			days: this.#days.values(),
			settings: this.#settings
		});
		this.status.warning = STORAGE_FULL_WARNING;
	}

	/**
	 * Puts a stored change (./writer.ts publishes it) into memory. A rating or an undo is applied
	 * synchronously, so a caller that updates its own state in the same turn gets one render; a
	 * rewrite is read again from storage (the promise, which throws on failure).
	 */
	take(change: Change): Promise<void> | undefined {
		switch (change.type) {
			case 'rated':
				this.#count(change.card.id, change.card, change.day, change.undo.kind, 1);
				// Another tab rated the card first: both ratings are stored, read them.
				return change.conflict ? this.refresh() : undefined;
			case 'undone':
				this.#count(change.undo.cardId, change.card, change.undo.day, change.undo.kind, -1);
				return;
			case 'settings':
				if (change.cardsRebuilt) return this.#rewritten();
				this.#settings = change.settings;
				return;
			case 'imported':
			case 'synced':
				return this.#rewritten();
			case 'reset':
				this.#cards.clear();
				this.#days.clear();
				this.#version += 1;
		}
	}

	/** The card as it now is (null: none) and its day counter, after a rating (`by` 1) or undo (-1). */
	#count(id: string, card: StoredCard | null, day: DayKey, kind: RatingKind, by: 1 | -1) {
		this.status.error = null;
		if (card) this.#cards.set(id, card);
		else this.#cards.delete(id);
		this.#days.set(day, countRating(this.#days.get(day), day, kind, by));
		this.#version += 1;
	}

	/** After an import, a sync or new FSRS parameters: everything is read again; throws on failure. */
	async #rewritten() {
		await this.load();
		await this.#reread('import');
	}

	async readLogs() {
		return (await this.storage()).readLogs();
	}

	async readQuizAnswers() {
		return (await this.storage()).readQuizAnswers();
	}

	async readBackupMark(): Promise<BackupMark | null> {
		return (await this.storage()).readBackupMark();
	}
}

/** The app's progress; src/hooks.client.ts starts its load. */
export const progress = new Progress();

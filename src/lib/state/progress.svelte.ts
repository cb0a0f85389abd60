import { browser } from '$app/environment';
import type { QuizAnswerRecord } from '$lib/domain/quiz-record';
import { scheduleEffect } from '$lib/domain/quiz-schedule';
import { createScheduler, newCard, type Scheduler, type StoredCard } from '$lib/domain/scheduler';
import { DEFAULT_SETTINGS, schedulerParams, type Settings } from '$lib/domain/settings';
import { dayKey, type DayCount, type DayKey } from '$lib/domain/study-day';
import {
	describeQuarantine,
	openStorage,
	persistenceStatus,
	requestPersistence,
	STORAGE_FULL_WARNING,
	StorageQuotaError,
	type PersistenceStatus,
	type QuarantinedRecord,
	type ReviewStorage,
	type SavedRating,
	type UndoResult,
	type UndoToken
} from '$lib/storage';
import type { BackupMark, LoadedData, RatingInput, StorageChange } from '$lib/storage';
import type { Backup } from '$lib/domain/backup-schema';
import type { ExportInfo, ImportMode } from './backup';
import { storageAsked } from './startup';

// Backups are made in Settings only: their code (file schema, merge, CSV) loads on first use.
const backupSteps = () => import('./backup');

/**
 * The user's progress as the UI sees it: cards, settings and day counters, loaded once per tab
 * and kept in step with storage (and with other tabs through storage's change events).
 */
class ProgressState {
	// Raw state: `saving` changes when a full disk sends the session to memory.
	#storage = $state.raw<ReviewStorage | undefined>(undefined);
	#loading: Promise<void> | undefined;
	// Plain maps changed in place, with one version read by the getters: copying 10,000 cards
	// after every rating would cost the review its frame. Cards and counters are never mutated.
	#cards = new Map<string, StoredCard>();
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
	/** Records set aside this session, for `notice`. */
	#setAside: QuarantinedRecord[] = [];
	warning = $state<string | null>(null);
	notice = $state<string | null>(null);
	error = $state<string | null>(null);
	persistence = $state<PersistenceStatus | 'unknown'>('unknown');

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
	get saving() {
		return this.#storage?.saving ?? false;
	}

	scheduler: Scheduler = $derived(createScheduler(schedulerParams(this.#settings)));

	today(now = Date.now()): DayKey {
		return dayKey(now, this.#settings.dayStartHour);
	}

	/** Opens storage and loads progress once per tab; later calls share the first. */
	load(): Promise<void> {
		this.#loading ??= this.#open();
		return this.#loading;
	}

	async #open() {
		const opened = await openStorage({}, storageAsked);
		this.#storage = opened.storage;
		this.#apply(opened.data);
		this.warning = opened.warning;
		this.#setAside = opened.data.quarantined;
		this.notice = describeQuarantine(opened.data);
		this.#loaded = true;
		opened.storage.onChange((change) => void this.#reload(change.type));
		opened.storage.onSetAside((records) => {
			this.#setAside = [...this.#setAside, ...records];
			this.notice = describeQuarantine({ quarantined: this.#setAside });
		});
		// Not awaited: the first card need not wait for the storage manager.
		void persistenceStatus().then((status) => (this.persistence = status));
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
			this.#fail(error);
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

	/**
	 * Reads every day counter once; the review never needs them, so the first card does not wait
	 * for years of days. Pages showing the streak or totals await this.
	 */
	loadAllDays(): Promise<void> {
		this.#allDaysLoading ??= this.load()
			.then(() => this.#readAllDays())
			.catch((error: unknown) => {
				this.#allDaysLoading = undefined;
				this.#fail(error);
			});
		return this.#allDaysLoading;
	}

	async #readAllDays() {
		const all = await this.#store().readDays();
		// Recent counters in memory may be newer than the read (a rating saved meanwhile).
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- observed through #version
		const days = new Map<DayKey, DayCount>();
		for (const count of all) if (count.day < this.#recentFrom) days.set(count.day, count);
		for (const [day, count] of this.#days) if (day >= this.#recentFrom) days.set(day, count);
		this.#days = days;
		this.#allDays = true;
		this.#version += 1;
	}

	#fail(error: unknown): never {
		this.error = error instanceof Error ? error.message : String(error);
		throw error;
	}

	#store(): ReviewStorage {
		if (!this.#storage) throw new Error('Progress is not loaded yet.');
		return this.#storage;
	}

	/** Saves one rating (awaited before the caller moves on) and updates the in-memory state. */
	async saveRating(input: RatingInput): Promise<SavedRating> {
		const saved = await this.writeRating(input);
		this.applyRating(input, saved);
		if (saved.conflict) await this.refresh();
		return saved;
	}

	/** Stores one rating, leaving the in-memory state as it is until `applyRating`. */
	writeRating(input: RatingInput): Promise<SavedRating> {
		return this.#write((storage) => storage.saveRating(input));
	}

	/**
	 * Runs a write. When the device's storage is full, the session carries on in memory under
	 * the "not being saved" warning, as when IndexedDB is unavailable: the write is done there,
	 * and what IndexedDB already holds stays as it was.
	 */
	async #write<T>(write: (storage: ReviewStorage) => Promise<T>): Promise<T> {
		try {
			return await write(this.#store());
		} catch (error) {
			if (!(error instanceof StorageQuotaError)) this.#fail(error);
			await this.#continueInMemory();
			try {
				return await write(this.#store());
			} catch (retryError) {
				this.#fail(retryError);
			}
		}
	}

	async #continueInMemory() {
		// Every day counter, while they can still be read, so the streak stays right.
		if (!this.#allDays) await this.#readAllDays().catch(() => undefined);
		const { createMemoryStorage } = await import('$lib/storage/memory');
		this.#storage?.close();
		this.#storage = createMemoryStorage({
			cards: this.#cards.values(),
			days: this.#days.values(),
			settings: this.#settings
		});
		this.warning = STORAGE_FULL_WARNING;
	}

	/**
	 * Puts a stored rating into the in-memory state. Synchronous, so a caller that updates its own
	 * state in the same turn gets one render; after a conflict the caller should `refresh()`.
	 */
	applyRating(input: RatingInput, saved: SavedRating) {
		this.error = null;
		this.#cards.set(input.card.id, input.card);
		this.#bumpDay(input.day, saved.undo.kind, 1);
	}

	/** Reloads everything from storage, as when another tab wrote. */
	refresh(): Promise<void> {
		return this.#reload('rating');
	}

	async undoRating(token: UndoToken): Promise<UndoResult> {
		const result = await this.#write((storage) => storage.undoRating(token));
		if (result.ok) {
			if (result.card) this.#cards.set(token.cardId, result.card);
			else this.#cards.delete(token.cardId);
			this.#bumpDay(token.day, token.kind, -1);
		}
		return result;
	}

	#bumpDay(day: DayKey, kind: 'new' | 'review' | 'learning', by: 1 | -1) {
		const current = this.#days.get(day) ?? { day, new: 0, review: 0, learning: 0 };
		this.#days.set(day, { ...current, [kind]: Math.max(0, current[kind] + by) });
		this.#version += 1;
	}

	async saveSettings(settings: Settings) {
		await this.#write((storage) => storage.saveSettings(settings));
		this.#settings = settings;
	}

	async resetProgress() {
		try {
			await this.#store().resetProgress();
		} catch (error) {
			this.#fail(error);
		}
		this.#cards.clear();
		this.#days.clear();
		this.#version += 1;
	}

	/** Called at the first rating of a session; Chromium grants silently, Firefox may ask. */
	async askPersistence() {
		if (this.persistence === 'granted' || !this.saving) return;
		this.persistence = await requestPersistence();
	}

	/**
	 * Saves a quiz answer and, when the setting is on, grades the fact's flashcard (`cardId`) Good or Again
	 * where that card is new or due: practice must not inflate intervals.
	 */
	async recordQuizAnswer(record: QuizAnswerRecord, cardId: string | undefined) {
		await this.load();
		await this.#write((storage) => storage.appendQuizAnswer(record));
		if (!this.#settings.quizCountsTowardSchedule) return;
		if (!cardId) return;
		const now = Date.now();
		const card = this.#cards.get(cardId) ?? null;
		const status = !card || card.state === 'new' ? 'new' : card.due <= now ? 'due' : 'not-due';
		const effect = scheduleEffect(true, record.correct, status);
		if (!effect) return;
		const base = card ?? newCard(cardId, now);
		const rated = this.scheduler.rate(base, effect, now, record.durationMs);
		await this.saveRating({
			previous: card,
			card: rated.card,
			log: rated.log,
			day: this.today(now)
		});
	}

	async readLogs() {
		return this.#store().readLogs();
	}

	async readQuizAnswers() {
		return this.#store().readQuizAnswers();
	}

	/** Reloads cards, day counters and settings from storage (after an import); throws on failure. */
	async reload() {
		await this.load();
		await this.#reread('import');
	}

	// Backup: the panel reports failures itself, so these throw without setting `error`.
	async exportBackup(info: ExportInfo): Promise<string> {
		const [{ exportBackup }] = await Promise.all([backupSteps(), this.load()]);
		return exportBackup(this.#store(), info);
	}

	async exportReviewLogCsv(): Promise<string> {
		const [{ exportReviewLogCsv }] = await Promise.all([backupSteps(), this.load()]);
		return exportReviewLogCsv(this.#store());
	}

	/** Writes a checked backup (all or nothing), then reloads. */
	async importBackup(backup: Backup, mode: ImportMode) {
		const [{ importBackup }] = await Promise.all([backupSteps(), this.load()]);
		await importBackup(this.#store(), backup, mode, this.scheduler);
		await this.reload();
	}

	/**
	 * Uses fitted FSRS parameters (null: the defaults again): stored with the settings, every card
	 * rebuilt from its log in one write (due dates kept unless `reschedule`), then reloaded.
	 */
	async useParameters(parameters: readonly number[] | null, reschedule: boolean) {
		const [{ applyParameters }] = await Promise.all([import('./fsrs-parameters'), this.load()]);
		await applyParameters(this.#store(), parameters, reschedule);
		await this.reload();
	}

	async readBackupMark(): Promise<BackupMark | null> {
		await this.load();
		return this.#store().readBackupMark();
	}
}

export const progress = new ProgressState();

// IndexedDB opens as soon as this module runs, alongside the bank's fetch; pages await the same
// load, and a failure is in `error`.
if (browser) progress.load().catch(() => undefined);

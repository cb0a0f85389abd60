import { newCard, type Rating, type StoredCard } from '$lib/domain/schedule/card';
import { isDue, type Queue } from '$lib/domain/schedule/queue';
import { ratingsLeft } from '$lib/domain/schedule/session-estimate';
import type { UndoToken } from '$lib/storage';
import type { Progress } from './progress.svelte';
import type { Ratings } from './ratings.svelte';
import type { BankQuestions } from '$lib/domain/bank/bank';
import { ReviewQueue } from './review-queue.svelte';

/** How long a write may take before the buttons show it (a wait this short reads as instant). */
const SLOW_WRITE_MS = 100;

interface SessionStats {
	reviewed: number;
	again: number;
	timeMs: number;
	/** Of `reviewed`, the practice ratings of chosen cards that were not due: not stored. */
	practice: number;
}

/** A stored rating (`token`), or a practice rating of a chosen card that was not due (`cardId`). */
type UndoStep = { rating: Rating; durationMs: number } & (
	{ token: UndoToken } | { token?: undefined; cardId: string }
);

/**
 * One review session: the queue, the card shown, and the undo stack. Ratings go through
 * `ratings`, the app's one rating entry point, which a test gives its own.
 *
 * A session of chosen cards (`cards`, the Source page's "Review these") shows each of them once,
 * due or not. A new or due card is rated as in any review (daily limits aside: the learner chose
 * it); any other is practice: shown and self-graded, its rating not stored, so studying one
 * sentence never moves a schedule early.
 */
export class ReviewSession {
	readonly #progress: Progress;
	readonly #ratings: Ratings;
	readonly #queue: ReviewQueue;
	/**
	 * The card whose answer is showing. Held by id, so a card that takes its place (another tab's
	 * rating, a new study day) comes up with its answer hidden.
	 */
	#revealedId = $state<string | undefined>(undefined);
	#shownAt = performance.now();
	/** A rating or an undo is being stored: another waits for it. */
	#busy = false;
	/** Whether the buttons show that wait: only once it lasts `SLOW_WRITE_MS` (see `#begin`). */
	#waiting = $state(false);
	#waitTimer: ReturnType<typeof setTimeout> | undefined;
	#undo = $state.raw<UndoStep[]>([]);
	#stats = $state<SessionStats>({ reviewed: 0, again: 0, timeMs: 0, practice: 0 });
	/** A card brought back by undo is shown next, wherever the queue would place it. */
	#front = $state<string | undefined>(undefined);
	/**
	 * The chosen cards of a "Review these" session, and those of them rated so far: a few, so a
	 * list replaced at each change (a SvelteSet's runtime would load with every review).
	 */
	#chosen = $state.raw<readonly string[] | undefined>(undefined);
	#chosenDone = $state.raw<readonly string[]>([]);

	constructor(ratings: Ratings, bank: BankQuestions) {
		this.#ratings = ratings;
		this.#progress = ratings.progress;
		this.#queue = new ReviewQueue(ratings.progress, bank);
	}

	/** Loads what the queue needs first (with an exam date, its plan). */
	prepare(): Promise<void> {
		return this.#queue.prepare();
	}
	/** Whether the queue is the day's (see `ReviewQueue.ready`). */
	get ready(): boolean {
		return this.#queue.ready;
	}

	/**
	 * When set, only this framework's cards are reviewed, its new ones all offered (Browse's
	 * "Review this framework").
	 */
	get framework() {
		return this.#queue.framework;
	}
	set framework(id: string | undefined) {
		this.#queue.framework = id;
	}
	/** "Study more": new cards beyond the day's limit or plan (see `ReviewQueue.extraNew`). */
	get extraNew() {
		return this.#queue.extraNew;
	}
	set extraNew(count: number) {
		this.#queue.extraNew = count;
	}
	/** "Study more": the reviews due tomorrow come today too. */
	get ahead() {
		return this.#queue.ahead;
	}
	set ahead(on: boolean) {
		this.#queue.ahead = on;
	}
	/** When set, only these cards, each once, due or not (see the class comment). */
	get cards(): readonly string[] | undefined {
		return this.#chosen;
	}
	set cards(ids: readonly string[] | undefined) {
		this.#chosen = ids;
		this.#chosenDone = [];
	}

	#chosenQueue = $derived.by((): Queue | undefined => {
		if (!this.#chosen) return undefined;
		const ids = this.#chosen.filter((id) => !this.#chosenDone.includes(id));
		const counts = { learning: 0, review: 0, new: 0 };
		const learning: StoredCard[] = [];
		for (const id of ids) {
			const card = this.#progress.cards.get(id);
			const state = card?.state ?? 'new';
			counts[state === 'relearning' ? 'learning' : state] += 1;
			if (card && (state === 'learning' || state === 'relearning')) learning.push(card);
		}
		return { ids, first: ids[0], counts, learning };
	});

	get queue(): Queue {
		return this.#chosenQueue ?? this.#queue.queue;
	}

	/** Whether rating the card shown is stored: always, but for a chosen card that is not due. */
	get graded(): boolean {
		const id = this.currentId;
		if (id === undefined) return false;
		const { dayStartHour } = this.#progress.settings;
		return !this.#chosen || isDue(this.#progress.cards.get(id), this.#queue.now, dayStartHour);
	}
	get nextDue() {
		return this.#queue.nextDue;
	}

	get currentId(): string | undefined {
		const front = this.#front;
		if (front && this.queue.ids.includes(front)) return front;
		return this.queue.first;
	}
	get card(): StoredCard | undefined {
		const id = this.currentId;
		if (!id) return undefined;
		return this.#progress.cards.get(id) ?? newCard(id, this.#queue.now);
	}
	get revealed() {
		return this.#revealedId !== undefined && this.#revealedId === this.currentId;
	}
	/** Whether a rating or an undo is being stored (for guards; not tracked by the page). */
	get busy() {
		return this.#busy;
	}
	/** Whether a write has taken long enough that the buttons say so (disabled). */
	get waiting() {
		return this.#waiting;
	}
	get stats(): Readonly<SessionStats> {
		return this.#stats;
	}
	get canUndo() {
		return this.#undo.length > 0 && !this.#waiting;
	}

	/**
	 * The session's length for its progress bar: the ratings given so far, and those plus an
	 * estimate of the ratings left (each chosen card once; otherwise see session-estimate.ts).
	 */
	progress = $derived.by(() => {
		const done = this.#stats.reviewed;
		const queue = this.queue;
		const left = this.#chosen ? queue.ids.length : ratingsLeft(queue, this.#progress.settings);
		return { done, total: done + left };
	});

	/** What each rating would give the card shown, for the buttons. */
	previews = $derived.by(() => {
		const card = this.card;
		return card ? this.#ratings.loadedScheduler?.preview(card, this.#queue.now) : undefined;
	});

	reveal() {
		this.#revealedId = this.currentId;
		// The buttons' intervals need the scheduler; it loads now, not with the first card.
		void this.#ratings.scheduler().catch(() => undefined);
	}

	/** Refreshes "now": learning steps that fell due come back into the queue. */
	tick(now = this.#ratings.progress.clock()) {
		if (!this.#busy) this.#queue.tick(now);
	}

	/**
	 * A write starts. The buttons turn disabled only if it is still going after `SLOW_WRITE_MS`:
	 * most take a few milliseconds, and disabling them at once cost every rating a render and a
	 * frame of its own before its write even started (a second press is ignored meanwhile anyway).
	 */
	#begin() {
		this.#busy = true;
		this.#waitTimer = setTimeout(() => (this.#waiting = true), SLOW_WRITE_MS);
	}

	#end() {
		clearTimeout(this.#waitTimer);
		this.#busy = false;
		this.#waiting = false;
	}

	#show() {
		this.#revealedId = undefined;
		this.#shownAt = performance.now();
	}

	/** Rates the current card; resolves once the rating is stored, then shows the next card. */
	async rate(rating: Rating) {
		const id = this.currentId;
		if (!id || !this.revealed || this.#busy) return;
		const durationMs = Math.round(performance.now() - this.#shownAt);
		if (!this.graded) {
			this.#step({ cardId: id, rating, durationMs }, id);
			return;
		}
		this.#begin();
		const now = this.#ratings.progress.clock();
		try {
			// Everything in `applied` changes in the turn the rating is stored: one render.
			await this.#ratings.rate(id, rating, { now, durationMs }, (rated) => {
				this.#queue.rated(rated.card, now, rated.day);
				this.#step({ token: rated.undo, rating, durationMs }, id);
				// Here, not after the await: a later turn would cost the next card a second render.
				if (!rated.conflict) this.#end();
				if (this.#stats.reviewed === 1) {
					void this.#progress.status.askPersistence(this.#progress.saving);
				}
			});
		} catch {
			// progress.status.error says what went wrong; the card stays so the rating can be retried.
		} finally {
			this.#end();
		}
	}

	/** What every rating does to the session: its undo step, the stats, the next card. */
	#step(step: UndoStep, id: string) {
		this.#undo = [...this.#undo, step];
		if (this.#chosen) this.#chosenDone = [...this.#chosenDone, id];
		this.#stats.reviewed += 1;
		if (!step.token) this.#stats.practice += 1;
		if (step.rating === 'again') this.#stats.again += 1;
		this.#stats.timeMs += step.durationMs;
		this.#front = undefined;
		this.#show();
	}

	/** Undoes a step's effect on the session, and brings its card back to the front. */
	#unstep(step: UndoStep, id: string) {
		this.#stats.reviewed = Math.max(0, this.#stats.reviewed - 1);
		if (!step.token) this.#stats.practice = Math.max(0, this.#stats.practice - 1);
		if (step.rating === 'again') this.#stats.again = Math.max(0, this.#stats.again - 1);
		this.#stats.timeMs = Math.max(0, this.#stats.timeMs - step.durationMs);
		this.#chosenDone = this.#chosenDone.filter((done) => done !== id);
		this.#front = id;
	}

	/** Takes back the last rating: the card's previous state returns and its log record goes. */
	async undo() {
		const step = this.#undo.at(-1);
		if (!step || this.#busy) return;
		if (!step.token) {
			this.#undo = this.#undo.slice(0, -1);
			this.#unstep(step, step.cardId);
			this.#show();
			return;
		}
		this.#begin();
		try {
			const result = await this.#ratings.undo(step.token);
			this.#undo = this.#undo.slice(0, -1);
			if (result.ok) {
				this.#unstep(step, step.token.cardId);
				this.#queue.rebuild();
			} else {
				this.#progress.status.error =
					result.reason === 'changed'
						? 'That card was rated again in another tab, so its rating cannot be undone here.'
						: 'That rating is no longer stored, so there is nothing to undo.';
			}
			this.#show();
		} catch {
			// progress.status.error says why.
		} finally {
			this.#end();
		}
	}
}

import { newCard, type Rating, type StoredCard } from '$lib/domain/card';
import type { UndoToken } from '$lib/storage';
import type { Progress } from './progress.svelte';
import type { Ratings } from './ratings.svelte';
import { ReviewQueue } from './review-queue.svelte';

interface SessionStats {
	reviewed: number;
	again: number;
	timeMs: number;
}

interface UndoStep {
	token: UndoToken;
	rating: Rating;
	durationMs: number;
}

/**
 * One review session: the queue, the card shown, and the undo stack. Ratings go through
 * `ratings`, the app's one rating entry point, which a test gives its own.
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
	#busy = $state(false);
	#undo = $state.raw<UndoStep[]>([]);
	#stats = $state<SessionStats>({ reviewed: 0, again: 0, timeMs: 0 });
	/** A card brought back by undo is shown next, wherever the queue would place it. */
	#front = $state<string | undefined>(undefined);

	constructor(ratings: Ratings) {
		this.#ratings = ratings;
		this.#progress = ratings.progress;
		this.#queue = new ReviewQueue(ratings.progress);
	}

	/** When set, only this framework's cards are reviewed (Browse's "Review this framework"). */
	get framework() {
		return this.#queue.framework;
	}
	set framework(id: string | undefined) {
		this.#queue.framework = id;
	}
	get queue() {
		return this.#queue.queue;
	}
	get nextDue() {
		return this.#queue.nextDue;
	}

	get currentId(): string | undefined {
		const front = this.#front;
		if (front && this.queue.ids.includes(front)) return front;
		return this.queue.ids[0];
	}
	get card(): StoredCard | undefined {
		const id = this.currentId;
		if (!id) return undefined;
		return this.#progress.cards.get(id) ?? newCard(id, this.#queue.now);
	}
	get revealed() {
		return this.#revealedId !== undefined && this.#revealedId === this.currentId;
	}
	get busy() {
		return this.#busy;
	}
	get stats(): Readonly<SessionStats> {
		return this.#stats;
	}
	get canUndo() {
		return this.#undo.length > 0 && !this.#busy;
	}

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
	tick(now = Date.now()) {
		if (!this.#busy) this.#queue.tick(now);
	}

	#show() {
		this.#revealedId = undefined;
		this.#shownAt = performance.now();
	}

	/** Rates the current card; resolves once the rating is stored, then shows the next card. */
	async rate(rating: Rating) {
		const id = this.currentId;
		if (!id || !this.revealed || this.#busy) return;
		this.#busy = true;
		const now = Date.now();
		const durationMs = Math.round(performance.now() - this.#shownAt);
		try {
			// Everything in `applied` changes in the turn the rating is stored: one render.
			await this.#ratings.rate(id, rating, { now, durationMs }, (rated) => {
				this.#queue.rated(rated.card, now, rated.day);
				this.#undo = [...this.#undo, { token: rated.undo, rating, durationMs }];
				this.#stats.reviewed += 1;
				if (rating === 'again') this.#stats.again += 1;
				this.#stats.timeMs += durationMs;
				this.#front = undefined;
				this.#show();
				// Here, not after the await: a later turn would cost the next card a second render.
				if (!rated.conflict) this.#busy = false;
				if (this.#stats.reviewed === 1) {
					void this.#progress.status.askPersistence(this.#progress.saving);
				}
			});
		} catch {
			// progress.status.error says what went wrong; the card stays so the rating can be retried.
		} finally {
			this.#busy = false;
		}
	}

	/** Takes back the last rating: the card's previous state returns and its log record goes. */
	async undo() {
		const step = this.#undo.at(-1);
		if (!step || this.#busy) return;
		this.#busy = true;
		try {
			const result = await this.#ratings.undo(step.token);
			this.#undo = this.#undo.slice(0, -1);
			if (result.ok) {
				this.#stats.reviewed = Math.max(0, this.#stats.reviewed - 1);
				if (step.rating === 'again') this.#stats.again = Math.max(0, this.#stats.again - 1);
				this.#stats.timeMs = Math.max(0, this.#stats.timeMs - step.durationMs);
				this.#front = step.token.cardId;
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
			this.#busy = false;
		}
	}
}

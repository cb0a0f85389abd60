import { untrack } from 'svelte';
import {
	doneOn,
	QueueState,
	reviewQuestionIds,
	reviewSiblings,
	type Queue
} from '$lib/domain/queue';
import { nextCardDue } from '$lib/domain/next-due';
import { newCard, type Rating, type StoredCard } from '$lib/domain/scheduler';
import type { UndoToken } from '$lib/storage';
import { bankState } from './bank.svelte';
import { progress } from './progress.svelte';

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
 * One review session: the queue, the card shown, and the undo stack. The queue is built in full
 * from stored progress on load, after another tab's writes, a settings change, undo and at a new
 * study day; a rating only moves the rated card in it, and a tick only moves the clock.
 */
export class ReviewSession {
	#now = $state(Date.now());
	/**
	 * The card whose answer is showing. Held by id, so a card that takes its place (another tab's
	 * rating, a new study day) comes up with its answer hidden.
	 */
	#revealedId = $state<string | undefined>(undefined);
	#shownAt = performance.now();
	#busy = $state(false);
	#undo = $state.raw<UndoStep[]>([]);
	#stats = $state<SessionStats>({ reviewed: 0, again: 0, timeMs: 0 });

	/** When set, only this framework's cards are reviewed (Browse's "Review this framework"). */
	framework = $state<string | undefined>(undefined);

	#order = $derived(
		reviewQuestionIds(
			this.framework === undefined
				? bankState.questions
				: bankState.questions.filter((q) => q.framework === this.framework)
		)
	);

	/** Which review cards ask the same fact: one is reviewed per study day (see queue.ts). */
	#siblings = $derived(reviewSiblings(bankState.questions));

	/** Bumped to build the queue anew from all cards (tick, undo, a new study day). */
	#rebuilds = $state(0);
	/** Bumped when a rating moved a card in the built queue state. */
	#updates = $state(0);

	#built = $derived.by(() => {
		void progress.revision;
		void progress.loaded;
		void this.#rebuilds;
		const input = {
			questionOrder: this.#order,
			siblings: this.#siblings,
			settings: progress.settings,
			scheduler: progress.scheduler
		};
		// Cards, counters and the time are read untracked: a rating updates the state in place.
		return untrack(
			() =>
				new QueueState({
					...input,
					cards: progress.cards,
					now: this.#now,
					doneToday: doneOn(progress.days.get(progress.today(this.#now)))
				})
		);
	});

	queue: Queue = $derived.by(() => {
		void this.#updates;
		return this.#built.queue;
	});

	/** A card brought back by undo is shown next, wherever the queue would place it. */
	#front = $state<string | undefined>(undefined);

	get currentId(): string | undefined {
		const front = this.#front;
		if (front && this.queue.ids.includes(front)) return front;
		return this.queue.ids[0];
	}
	get card(): StoredCard | undefined {
		const id = this.currentId;
		if (!id) return undefined;
		return progress.cards.get(id) ?? newCard(id, this.#now);
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

	previews = $derived.by(() => {
		const card = this.card;
		return card ? progress.scheduler.preview(card, this.#now) : undefined;
	});

	/** When a card can next be reviewed after this session, for the "come back" message. */
	get nextDue(): number | null {
		return nextCardDue({
			cards: progress.cards,
			questionOrder: this.#order,
			now: this.#now,
			settings: progress.settings
		});
	}

	reveal() {
		this.#revealedId = this.currentId;
	}

	/** Refreshes "now": learning steps that fell due come back into the queue. */
	tick(now = Date.now()) {
		if (this.#busy) return;
		this.#now = now;
		// In place, like a rating; a new study day (or a clock set back) builds the queue anew.
		if (this.#built.advance(now)) this.#updates += 1;
		else this.#rebuilds += 1;
	}

	#show() {
		this.#revealedId = undefined;
		this.#shownAt = performance.now();
	}

	/** Rates the current card; resolves once the rating is stored, then shows the next card. */
	async rate(rating: Rating) {
		const card = this.card;
		if (!card || !this.revealed || this.#busy) return;
		this.#busy = true;
		const now = Date.now();
		const durationMs = Math.round(performance.now() - this.#shownAt);
		try {
			const rated = progress.scheduler.rate(card, rating, now, durationMs);
			const previous = progress.cards.get(card.id) ?? null;
			const input = { previous, card: rated.card, log: rated.log, day: progress.today(now) };
			const saved = await progress.writeRating(input);
			// Everything below changes in one turn, so the queue is updated and the page drawn once.
			progress.applyRating(input, saved);
			const doneToday = doneOn(progress.days.get(input.day));
			if (this.#built.update(rated.card, now, doneToday)) this.#updates += 1;
			else this.#rebuilds += 1;
			this.#undo = [...this.#undo, { token: saved.undo, rating, durationMs }];
			this.#stats.reviewed += 1;
			if (rating === 'again') this.#stats.again += 1;
			this.#stats.timeMs += durationMs;
			if (this.#stats.reviewed === 1) void progress.askPersistence();
			this.#front = undefined;
			this.#now = now;
			this.#show();
			if (saved.conflict) await progress.refresh();
		} catch {
			// progress.error already says what went wrong; the card stays so the rating can be retried.
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
			const result = await progress.undoRating(step.token);
			this.#undo = this.#undo.slice(0, -1);
			if (result.ok) {
				this.#stats.reviewed = Math.max(0, this.#stats.reviewed - 1);
				if (step.rating === 'again') this.#stats.again = Math.max(0, this.#stats.again - 1);
				this.#stats.timeMs = Math.max(0, this.#stats.timeMs - step.durationMs);
				this.#front = step.token.cardId;
				this.#now = Date.now();
				this.#rebuilds += 1;
			} else {
				progress.error =
					result.reason === 'changed'
						? 'That card was rated again in another tab, so its rating cannot be undone here.'
						: 'That rating is no longer stored, so there is nothing to undo.';
			}
			this.#show();
		} catch {
			// progress.error says why.
		} finally {
			this.#busy = false;
		}
	}
}

import { buildQueue, doneOn, reviewQuestionIds, type Queue } from '$lib/domain/queue';
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
 * One review session: the queue rebuilt from stored progress after every rating, the card shown,
 * and the undo stack. The queue is derived, so another tab's writes and the day boundary are
 * picked up without any bookkeeping here.
 */
export class ReviewSession {
	#now = $state(Date.now());
	#revealed = $state(false);
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

	queue: Queue = $derived.by(() => {
		void progress.revision;
		return buildQueue({
			cards: progress.cards,
			questionOrder: this.#order,
			now: this.#now,
			settings: progress.settings,
			doneToday: doneOn(progress.days.get(progress.today(this.#now))),
			scheduler: progress.scheduler
		});
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
		return this.#revealed;
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

	/** When the next card falls due after this session, for the "come back" message. */
	get nextDue(): number | null {
		let next: number | null = this.queue.nextLearningDue;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, never observed
		const ids = new Set(this.#order);
		for (const card of progress.cards.values()) {
			if (!ids.has(card.id) || card.state === 'new' || card.due <= this.#now) continue;
			if (next === null || card.due < next) next = card.due;
		}
		return next;
	}

	reveal() {
		if (this.currentId) this.#revealed = true;
	}

	/** Refreshes "now": learning steps that fell due come back into the queue. */
	tick(now = Date.now()) {
		if (!this.#busy) this.#now = now;
	}

	#show() {
		this.#revealed = false;
		this.#shownAt = performance.now();
	}

	/** Rates the current card; resolves once the rating is stored, then shows the next card. */
	async rate(rating: Rating) {
		const card = this.card;
		if (!card || !this.#revealed || this.#busy) return;
		this.#busy = true;
		const now = Date.now();
		const durationMs = Math.round(performance.now() - this.#shownAt);
		try {
			const rated = progress.scheduler.rate(card, rating, now, durationMs);
			const previous = progress.cards.get(card.id) ?? null;
			const input = { previous, card: rated.card, log: rated.log, day: progress.today(now) };
			const saved = await progress.writeRating(input);
			// Everything below changes in one turn, so the queue is rebuilt and the page drawn once.
			progress.applyRating(input, saved);
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

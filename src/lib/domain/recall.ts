/**
 * Probability of recall from ts-fsrs's own forgetting curve (`forgetting_curve`, imported alone so
 * that pages which only show progress — Today, Stats, Browse — and the review queue's order pull in
 * about 1 KB of ts-fsrs, not the scheduler). FSRS is never reimplemented here: this module only
 * counts the days as the scheduler does and caches the value until the day changes; a unit test
 * keeps it equal to the scheduler's `get_retrievability`.
 */
import { forgetting_curve, FSRS6_DEFAULT_DECAY } from 'ts-fsrs';
import type { StoredCard } from './scheduler';

/** FSRS-6's default decay (ts-fsrs's `default_w[20]`); personal parameters may change it. */
export const DEFAULT_DECAY = FSRS6_DEFAULT_DECAY;

const DAY = 86_400_000;

export interface Recall {
	/** Probability of recall now, 0–1; 0 for a card never reviewed. */
	recallProbability(card: StoredCard, now: number): number;
	/**
	 * The time until which `recallProbability(card, t)` stays what it is at `now` (Infinity when
	 * it never changes), so a queue can re-sort only the cards whose recall moved.
	 */
	recallStableUntil(card: StoredCard, now: number): number;
}

/** The recall of cards under FSRS parameters whose decay is `decay` (w[20]). */
export function createRecall(decay = DEFAULT_DECAY): Recall {
	// Keyed by the card object: a rating makes a new one, so a stale entry is never looked up.
	const cache = new WeakMap<StoredCard, { days: number; stability: number; value: number }>();
	return {
		recallProbability(card, now) {
			if (card.state === 'new' || card.last_review === null) return 0;
			// ts-fsrs counts whole days elapsed, so a card's recall changes once a day: the queue,
			// rebuilt over thousands of cards, reuses it until then.
			const days = Math.max(Math.floor((now - card.last_review) / DAY), 0);
			const known = cache.get(card);
			if (known && known.days === days && known.stability === card.stability) return known.value;
			// Stability rounded to 8 places, as the scheduler's get_retrievability passes it.
			const value = forgetting_curve(decay, days, +card.stability.toFixed(8));
			cache.set(card, { days, stability: card.stability, value });
			return value;
		},
		recallStableUntil(card, now) {
			if (card.state === 'new' || card.last_review === null) return Infinity;
			// The whole days elapsed, as recallProbability counts them, go up one at this time.
			const days = Math.max(Math.floor((now - card.last_review) / DAY), 0);
			return card.last_review + (days + 1) * DAY;
		}
	};
}

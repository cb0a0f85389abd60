/**
 * Probability of recall: FSRS's forgetting curve, as ts-fsrs computes it (`forgetting_curve`),
 * without ts-fsrs. Pages that only show progress (Today, Stats, Browse) and the review queue's
 * order need this and nothing else of the scheduler, so they load no ts-fsrs; a unit test keeps
 * it equal to ts-fsrs's own value.
 */
import type { StoredCard } from './scheduler';
import { DAY_MS } from '../study-day/study-day';

/** FSRS-6's default decay (ts-fsrs's `default_w[20]`); personal parameters may change it. */
export const DEFAULT_DECAY = 0.1542;

export interface Recall {
	/** Probability of recall now, 0–1; 0 for a card never reviewed. */
	recallProbability(card: StoredCard, now: number): number;
	/**
	 * The time until which `recallProbability(card, t)` stays what it is at `now` (Infinity when
	 * it never changes), so a queue can re-sort only the cards whose recall moved.
	 */
	recallStableUntil(card: StoredCard, now: number): number;
}

/** Rounded as ts-fsrs rounds (`roundTo(x, 8)`), so both give the same number. */
function round8(value: number): number {
	return Math.round(value * 1e8) / 1e8;
}

/** The recall of cards under FSRS parameters whose decay is `decay` (w[20]). */
export function createRecall(decay = DEFAULT_DECAY): Recall {
	const exponent = -decay;
	const factor = round8(Math.exp(Math.pow(exponent, -1) * Math.log(0.9)) - 1);
	// Keyed by the card object: a rating makes a new one, so a stale entry is never looked up.
	const cache = new WeakMap<StoredCard, { days: number; stability: number; value: number }>();
	return {
		recallProbability(card, now) {
			if (card.state === 'new' || card.last_review === null) return 0;
			// ts-fsrs counts whole days elapsed, so a card's recall changes once a day: the queue,
			// rebuilt over thousands of cards, reuses it until then.
			const days = Math.max(Math.floor((now - card.last_review) / DAY_MS), 0);
			const known = cache.get(card);
			if (known && known.days === days && known.stability === card.stability) return known.value;
			const stability = +card.stability.toFixed(8);
			const value = round8(Math.pow(1 + (factor * days) / stability, exponent));
			cache.set(card, { days, stability: card.stability, value });
			return value;
		},
		recallStableUntil(card, now) {
			if (card.state === 'new' || card.last_review === null) return Infinity;
			// The whole days elapsed, as recallProbability counts them, go up one at this time.
			const days = Math.max(Math.floor((now - card.last_review) / DAY_MS), 0);
			return card.last_review + (days + 1) * DAY_MS;
		}
	};
}

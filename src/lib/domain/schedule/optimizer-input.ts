/**
 * The review log as the FSRS optimizer and its evaluation read it: each card's ratings with the
 * whole study days between them, as Anki converts its revlog for fsrs-rs (`convert_to_fsrs_items`).
 * Pure, so the worker runs it and Node tests check it. Undone ratings are not in the log at all
 * (undo deletes the record), so they never reach here.
 */
import { RATINGS, type ReviewRecord } from './scheduler';
import { dayKey, dayNumber } from '../study-day/study-day';

/** The log in columns, cheap to send to a worker (typed arrays are transferred, not copied). */
export interface ReviewColumns {
	/** Index of the card, the same number for every rating of one card. */
	cards: Uint32Array;
	/** 1 Again, 2 Hard, 3 Good, 4 Easy. */
	ratings: Uint8Array;
	/** 1 when the card was new before the rating (its first learning), else 0. */
	first: Uint8Array;
	/** When each rating was given (epoch ms). */
	times: Float64Array;
}

/** One rating in a card's history: `delta_t` is whole study days since the previous rating. */
export interface HistoryReview {
	rating: number;
	delta_t: number;
	/** When it was given (epoch ms), to order the items as fsrs-rs does (by review time). */
	at: number;
}

export interface OptimizerInput {
	/** Each card's history from its first learning on, in review order. */
	histories: HistoryReview[][];
	/** Ratings in those histories. */
	reviews: number;
	/** Cards left out because their log has no first learning (a new card's first rating). */
	droppedCards: number;
	/** Items for `Fsrs.computeParameters`: one per review on a later day than the one before. */
	items: { ratings: Uint32Array; deltaTs: Uint32Array; lengths: Uint32Array };
}

/** Puts the log into columns (ratings of one card share a number). */
export function reviewColumns(logs: readonly ReviewRecord[]): ReviewColumns {
	const ids = new Map<string, number>();
	const columns: ReviewColumns = {
		cards: new Uint32Array(logs.length),
		ratings: new Uint8Array(logs.length),
		first: new Uint8Array(logs.length),
		times: new Float64Array(logs.length)
	};
	logs.forEach((log, i) => {
		let id = ids.get(log.card_id);
		if (id === undefined) ids.set(log.card_id, (id = ids.size));
		columns.cards[i] = id;
		columns.ratings[i] = RATINGS.indexOf(log.rating) + 1;
		columns.first[i] = log.state === 'new' ? 1 : 0;
		columns.times[i] = log.review;
	});
	return columns;
}

/**
 * Builds each card's history with study days starting at `startHour` (local time): two ratings
 * on one study day are 0 days apart, 23:00 and 05:00 the next morning are 1 day apart when the
 * day starts at 4. As Anki does, a card's history starts at its last first learning, and a card
 * with none is dropped (fsrs-rs would drop it silently; here it is counted).
 */
export function optimizerInput(columns: ReviewColumns, startHour: number): OptimizerInput {
	const byCard = new Map<number, number[]>();
	for (let i = 0; i < columns.cards.length; i++) {
		const card = columns.cards[i] as number;
		const list = byCard.get(card);
		if (list) list.push(i);
		else byCard.set(card, [i]);
	}
	const histories: HistoryReview[][] = [];
	let droppedCards = 0;
	let reviews = 0;
	for (const indices of byCard.values()) {
		indices.sort((a, b) => (columns.times[a] as number) - (columns.times[b] as number));
		let start = -1;
		for (let k = indices.length - 1; k >= 0; k--) {
			if (columns.first[indices[k] as number] === 1) {
				start = k;
				break;
			}
		}
		if (start < 0) {
			droppedCards += 1;
			continue;
		}
		const history: HistoryReview[] = [];
		let previousDay = 0;
		for (const i of indices.slice(start)) {
			const at = columns.times[i] as number;
			const day = dayNumber(dayKey(at, startHour));
			const delta_t = history.length === 0 ? 0 : Math.max(0, day - previousDay);
			history.push({ rating: columns.ratings[i] as number, delta_t, at });
			previousDay = day;
		}
		histories.push(history);
		reviews += history.length;
	}
	return { histories, reviews, droppedCards, items: flatItems(histories) };
}

/** One item to predict: the history before `index` in `history`, and the review at `index`. */
export interface ItemRef {
	history: HistoryReview[];
	index: number;
}

/**
 * The items fsrs-rs trains and evaluates on, ordered by review time: every review after the first
 * that came on a later study day than the one before (same-day reviews stay in the histories).
 */
export function itemRefs(histories: readonly HistoryReview[][]): ItemRef[] {
	const refs: ItemRef[] = [];
	for (const history of histories)
		for (let index = 1; index < history.length; index++)
			if ((history[index] as HistoryReview).delta_t > 0) refs.push({ history, index });
	return refs.sort((a, b) => at(a) - at(b));
}

function at(ref: ItemRef): number {
	return (ref.history[ref.index] as HistoryReview).at;
}

function flatItems(histories: readonly HistoryReview[][]): OptimizerInput['items'] {
	const refs = itemRefs(histories);
	const total = refs.reduce((sum, ref) => sum + ref.index + 1, 0);
	const ratings = new Uint32Array(total);
	const deltaTs = new Uint32Array(total);
	const lengths = new Uint32Array(refs.length);
	let offset = 0;
	refs.forEach((ref, n) => {
		for (let k = 0; k <= ref.index; k++) {
			const review = ref.history[k] as HistoryReview;
			ratings[offset] = review.rating;
			deltaTs[offset] = review.delta_t;
			offset += 1;
		}
		lengths[n] = ref.index + 1;
	});
	return { ratings, deltaTs, lengths };
}

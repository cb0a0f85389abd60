/**
 * The review queue as a state that follows each rating without rebuilding: the sorted lists of a
 * full build are kept, the rated card is taken out and put back where a full build would
 * put it (binary search), and only reviews whose recall probability moved since the last step are
 * re-placed. A rating costs O(n) copying at most, no sort over thousands of reviews.
 * The order itself is described in ./queue.ts.
 */
import type { DoneToday, Queue, QueueInput } from './queue';
import type { StoredCard } from './scheduler';
import { startOfNextStudyDay, startOfStudyDay } from '../study-day/study-day';

/** Anki's default "learn ahead limit". */
export const LEARN_AHEAD_MS = 20 * 60_000;

interface ReviewEntry {
	card: StoredCard;
	recall: number;
	/** Until this time `recall` is what `Recall` would say. */
	until: number;
}

const idOf = (card: StoredCard) => card.id;
const byDue = (a: StoredCard, b: StoredCard) => a.due - b.due || compareIds(a.id, b.id);
const byRecall = (a: ReviewEntry, b: ReviewEntry) => a.recall - b.recall || byDue(a.card, b.card);

export class QueueState {
	readonly #settings: QueueInput['settings'];
	readonly #recall: QueueInput['recall'];
	readonly #learnAhead: number;
	/** Question id → position in the bank's order; ids not here are not reviewed. */
	readonly #position = new Map<string, number>();
	readonly #dayStart: number;
	readonly #dayEnd: number;
	/**
	 * The groups a rated card buries, for siblings (by fact) and burial groups (`QueueInput`): each
	 * card's group, each group's cards, and the groups with a card rated this study day, whose
	 * other new and review cards are buried.
	 */
	readonly #groupings: {
		of: ReadonlyMap<string, string>;
		members: Map<string, string[]>;
		seen: Set<string>;
	}[];
	#now: number;
	#doneToday: DoneToday;
	/** Learning and relearning cards, whenever due, by due. */
	#learning: StoredCard[] = [];
	/** Reviews due this study day, by recall probability, then due. */
	#reviews: ReviewEntry[] = [];
	#reviewOf = new Map<string, ReviewEntry>();
	/**
	 * No review's recall moves before this time: the earliest `until` (after a removal, a time at
	 * or before it). With thousands of reviews due, a rating then looks at none of them.
	 */
	#stableUntil = Infinity;
	/** New cards' ids in the bank's order. */
	#fresh: string[] = [];
	/** The exam plan's reviews (see `QueueInput.plan`). */
	readonly #planned: ReadonlySet<string> | undefined;
	readonly #aheadUntil: number;
	/** How many new cards (counting those rated today) and reviews the day takes. */
	readonly #newLimit: number;
	readonly #reviewLimit: number;

	/** Builds the state from all cards: the full build the module comment of ./queue.ts describes. */
	constructor(input: QueueInput) {
		this.#settings = input.settings;
		this.#recall = input.recall;
		this.#learnAhead = input.learnAheadMs ?? LEARN_AHEAD_MS;
		this.#now = input.now;
		this.#doneToday = input.doneToday;
		this.#dayStart = startOfStudyDay(input.now, input.settings.dayStartHour);
		this.#dayEnd = startOfNextStudyDay(input.now, input.settings.dayStartHour);
		this.#groupings = [input.siblings, input.burialGroups].flatMap((of) =>
			of ? [{ of, members: new Map<string, string[]>(), seen: new Set<string>() }] : []
		);
		const { plan, settings } = input;
		this.#planned = plan?.reviews;
		this.#aheadUntil = input.aheadUntil ?? 0;
		this.#newLimit =
			(plan ? input.doneToday.newCount + plan.newCards : settings.newPerDay) +
			(input.extraNew ?? 0);
		this.#reviewLimit = plan ? Infinity : settings.reviewsPerDay;
		const byId = byQuestionId(input.cards);
		for (const { of, members, seen } of this.#groupings) {
			for (const id of input.questionOrder) {
				const group = of.get(id);
				if (group === undefined) continue;
				const ids = members.get(group);
				if (ids) ids.push(id);
				else members.set(group, [id]);
				if (this.#ratedToday(byId.get(id))) seen.add(group);
			}
		}
		input.questionOrder.forEach((id, index) => {
			this.#position.set(id, index);
			const card = byId.get(id);
			if (this.#buried(id, card)) return;
			if (!card || card.state === 'new') this.#fresh.push(id);
			else if (card.state === 'review') {
				if (this.#reviewToday(card)) this.#reviews.push(this.#entry(card));
			} else this.#learning.push(card);
		});
		this.#learning.sort(byDue);
		this.#reviews.sort(byRecall);
		for (const entry of this.#reviews) this.#reviewOf.set(entry.card.id, entry);
		this.#stableUntil = earliestUntil(this.#reviews);
	}

	/**
	 * Puts a rated card (its state after the rating) into the queue at `now`, with the day's
	 * counts after the rating. Returns false, changing nothing, when `now` is in another study day
	 * or earlier than the last step: the caller must build a new state then.
	 */
	update(card: StoredCard, now: number, doneToday: DoneToday): boolean {
		if (now < this.#now) return false;
		if (startOfNextStudyDay(now, this.#settings.dayStartHour) !== this.#dayEnd) return false;
		this.#now = now;
		this.#doneToday = doneToday;
		this.#refreshRecall();
		if (!this.#position.has(card.id)) return true;
		this.#remove(card.id);
		const buried = new Set<string>();
		for (const { of, members, seen } of this.#groupings) {
			const group = of.get(card.id);
			if (group === undefined || !this.#ratedToday(card) || seen.has(group)) continue;
			seen.add(group);
			for (const sibling of members.get(group) ?? []) if (sibling !== card.id) buried.add(sibling);
		}
		this.#bury(buried);
		if (card.state === 'new') insertSorted(this.#fresh, card.id, this.#byPosition);
		else if (card.state === 'review') {
			if (this.#reviewToday(card)) this.#place(this.#entry(card));
		} else insertSorted(this.#learning, card, byDue);
		return true;
	}

	/**
	 * Moves the queue to `now` with no rating (learning cards fall due, recall probabilities
	 * drift). Returns false, changing nothing, when `now` is in another study day or earlier than
	 * the last step: the caller must build a new state then.
	 */
	advance(now: number): boolean {
		if (now < this.#now) return false;
		if (startOfNextStudyDay(now, this.#settings.dayStartHour) !== this.#dayEnd) return false;
		this.#now = now;
		this.#refreshRecall();
		return true;
	}

	/**
	 * The queue at the last step's time. Its `ids` are put in order when first read: a rating needs
	 * only `first`, `counts` and `learning`, and ordering thousands of reviews per rating was most
	 * of the main thread's work between a rating's write and the next card.
	 */
	get queue(): Queue {
		const now = this.#now;
		const learningNow: StoredCard[] = [];
		const learningSoon: StoredCard[] = [];
		for (const card of this.#learning) {
			if (card.due <= now) learningNow.push(card);
			else if (card.due <= now + this.#learnAhead) learningSoon.push(card);
			// Sorted by due: the rest are past the window too.
			else break;
		}
		const { reviewCount, newCount } = this.#doneToday;
		// Copies, so the order stays this step's after the lists change in place.
		const reviews = this.#reviews.slice(0, Math.max(0, this.#reviewLimit - reviewCount));
		const fresh = this.#fresh.slice(0, Math.max(0, this.#newLimit - newCount));
		const middle = () => interleave(reviews, reviewCount, fresh, newCount);
		let ids: string[] | undefined;
		return {
			get ids() {
				ids ??= [...learningNow.map(idOf), ...middle(), ...learningSoon.map(idOf)];
				return ids;
			},
			first: learningNow[0]?.id ?? middle().next().value ?? learningSoon[0]?.id,
			counts: {
				learning: learningNow.length + learningSoon.length,
				review: reviews.length,
				new: fresh.length
			},
			learning: [...learningNow, ...learningSoon]
		};
	}

	/**
	 * Whether a card in review comes today: due this study day (with a plan: planned), or due
	 * before `aheadUntil`; not twice in a day.
	 */
	#reviewToday(card: StoredCard): boolean {
		if (!this.#planned && card.due < this.#dayEnd) return true;
		if (this.#ratedToday(card)) return false;
		return !!this.#planned?.has(card.id) || card.due < this.#aheadUntil;
	}

	#ratedToday(card: StoredCard | undefined): boolean {
		return card?.last_review != null && card.last_review >= this.#dayStart;
	}

	/**
	 * A new or review card waiting for the next study day because a sibling, or a card of its
	 * burial group, was rated today.
	 */
	#buried(id: string, card: StoredCard | undefined): boolean {
		const seen = this.#groupings.some(({ of, seen }) => seen.has(of.get(id) ?? ''));
		if (!seen || this.#ratedToday(card)) return false;
		return !card || card.state === 'new' || card.state === 'review';
	}

	#entry(card: StoredCard): ReviewEntry {
		const now = this.#now;
		return {
			card,
			recall: this.#recall.recallProbability(card, now),
			until: this.#recall.recallStableUntil(card, now)
		};
	}

	#byPosition = (a: string, b: string) =>
		(this.#position.get(a) ?? Infinity) - (this.#position.get(b) ?? Infinity);

	#place(entry: ReviewEntry) {
		insertSorted(this.#reviews, entry, byRecall);
		this.#reviewOf.set(entry.card.id, entry);
		this.#stableUntil = Math.min(this.#stableUntil, entry.until);
	}

	/** Re-places the reviews whose recall probability changed since the last step. */
	#refreshRecall() {
		const now = this.#now;
		if (now < this.#stableUntil) return;
		const moved: ReviewEntry[] = [];
		this.#reviews = this.#reviews.filter((r) => {
			if (r.until > now) return true;
			moved.push(r);
			return false;
		});
		this.#stableUntil = earliestUntil(this.#reviews);
		for (const old of moved) this.#place(this.#entry(old.card));
	}

	/**
	 * Takes `ids` out of the new cards and reviews (one in learning goes on), in one pass over each
	 * list: a burial group can hold hundreds of cards, and removing them one by one moved the
	 * thousands of reviews after each of them.
	 */
	#bury(ids: ReadonlySet<string>) {
		if (ids.size === 0) return;
		this.#reviews = this.#reviews.filter((r) => !ids.has(r.card.id));
		for (const id of ids) this.#reviewOf.delete(id);
		this.#fresh = this.#fresh.filter((id) => !ids.has(id));
	}

	#remove(id: string) {
		const review = this.#reviewOf.get(id);
		if (review) {
			this.#reviewOf.delete(id);
			removeSorted(this.#reviews, review, byRecall);
			return;
		}
		const learning = this.#learning.findIndex((c) => c.id === id);
		if (learning >= 0) {
			this.#learning.splice(learning, 1);
			return;
		}
		const fresh = lowerBound(this.#fresh, id, this.#byPosition);
		if (this.#fresh[fresh] === id) this.#fresh.splice(fresh, 1);
	}
}

function earliestUntil(reviews: readonly ReviewEntry[]): number {
	let earliest = Infinity;
	for (const review of reviews) earliest = Math.min(earliest, review.until);
	return earliest;
}

/** The first index whose item is not before `item`. */
function lowerBound<T>(items: readonly T[], item: T, compare: (a: T, b: T) => number): number {
	let low = 0;
	let high = items.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (compare(items[mid] as T, item) < 0) low = mid + 1;
		else high = mid;
	}
	return low;
}

function insertSorted<T>(items: T[], item: T, compare: (a: T, b: T) => number) {
	items.splice(lowerBound(items, item, compare), 0, item);
}

function removeSorted<T>(items: T[], item: T, compare: (a: T, b: T) => number) {
	const index = lowerBound(items, item, compare);
	if (items[index] === item) items.splice(index, 1);
}

/**
 * Spreads new cards evenly among reviews over the whole day: each item gets a position
 * (done + index + 0.5) / (done + remaining) in its own list, and the lower goes first. Counting
 * what was done today keeps the mix stable when the queue is rebuilt after every rating.
 */
function* interleave(
	reviews: readonly ReviewEntry[],
	reviewsDone: number,
	fresh: readonly string[],
	freshDone: number
): Generator<string, undefined> {
	const reviewTotal = reviewsDone + reviews.length;
	const freshTotal = freshDone + fresh.length;
	let r = 0;
	let n = 0;
	while (r < reviews.length || n < fresh.length) {
		const reviewPos = r < reviews.length ? (reviewsDone + r + 0.5) / reviewTotal : Infinity;
		const freshPos = n < fresh.length ? (freshDone + n + 0.5) / freshTotal : Infinity;
		if (reviewPos <= freshPos) yield (reviews[r++] as ReviewEntry).card.id;
		else yield fresh[n++] as string;
	}
	return undefined;
}

function byQuestionId(
	cards: ReadonlyMap<string, StoredCard> | Iterable<StoredCard>
): ReadonlyMap<string, StoredCard> {
	if (cards instanceof Map) return cards as ReadonlyMap<string, StoredCard>;
	const byId = new Map<string, StoredCard>();
	for (const card of cards as Iterable<StoredCard>) byId.set(card.id, card);
	return byId;
}

function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

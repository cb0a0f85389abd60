/**
 * The daily review queue. Pure: the caller passes the cards, the bank's order and what was done
 * today, and rebuilds the queue after every rating (it is cheap, and it keeps two tabs and a
 * day boundary consistent without any session state).
 *
 * Order, as in Anki:
 * 1. learning and relearning cards due now, earliest first;
 * 2. reviews due this study day, lowest recall probability first, up to the daily review limit,
 *    with new cards (in the bank's order, up to the daily new limit) spread evenly among them;
 * 3. when nothing else is left, learning cards due within the learn-ahead window (20 minutes),
 *    so a short session does not stall on a 10-minute step.
 * Learning cards due later than that end the session; `nextLearningDue` says when to come back.
 */
import type { Question, QuestionKind } from './bank';
import type { CardState, Scheduler, StoredCard } from './scheduler';
import type { Settings } from './settings';
import { startOfNextStudyDay, type DayCount } from './study-day';

/** The question kinds that become review cards: the bank's recall forms. */
export const REVIEW_KINDS: readonly QuestionKind[] = ['recall', 'cloze'];

/** Ids of the questions that are review cards, in the bank's order. */
export function reviewQuestionIds(questions: readonly Question[]): string[] {
	return questions.filter((q) => REVIEW_KINDS.includes(q.kind)).map((q) => q.id);
}

/** Anki's default "learn ahead limit". */
export const LEARN_AHEAD_MS = 20 * 60_000;

/** Which daily limit a rating counts against, from the card's state before the rating. */
export type RatingKind = 'new' | 'review' | 'learning';

export function ratingKind(stateBefore: CardState): RatingKind {
	if (stateBefore === 'new') return 'new';
	return stateBefore === 'review' ? 'review' : 'learning';
}

/** Ratings so far this study day that count against the limits. */
export interface DoneToday {
	newCount: number;
	reviewCount: number;
}

/** What a day's counter says about the limits; no counter means nothing done yet. */
export function doneOn(count: DayCount | undefined): DoneToday {
	return { newCount: count?.new ?? 0, reviewCount: count?.review ?? 0 };
}

export interface QueueInput {
	/**
	 * Stored cards, as a list or by question id (a map is used as it is, not copied); questions
	 * without a card are new. Cards not in `questionOrder` are skipped.
	 */
	cards: ReadonlyMap<string, StoredCard> | Iterable<StoredCard>;
	/** Review question ids in the bank's order (see `reviewQuestionIds`). */
	questionOrder: readonly string[];
	now: number;
	settings: Pick<Settings, 'newPerDay' | 'reviewsPerDay' | 'dayStartHour'>;
	doneToday: DoneToday;
	scheduler: Pick<Scheduler, 'recallProbability'>;
	learnAheadMs?: number;
}

export interface Queue {
	/** Question ids in the order to show them; the first is the current card. */
	ids: string[];
	counts: { learning: number; review: number; new: number };
	/** Earliest due of learning cards later today beyond the learn-ahead window, else null. */
	nextLearningDue: number | null;
}

/** Builds the queue for `now`; see the module comment for the order. */
export function buildQueue(input: QueueInput): Queue {
	const { now, settings, doneToday, scheduler } = input;
	const learnAhead = input.learnAheadMs ?? LEARN_AHEAD_MS;
	const dayEnd = startOfNextStudyDay(now, settings.dayStartHour);
	const byId = byQuestionId(input.cards);

	const learningNow: StoredCard[] = [];
	const learningSoon: StoredCard[] = [];
	const reviews: { card: StoredCard; recall: number }[] = [];
	const fresh: string[] = [];
	let nextLearningDue: number | null = null;

	for (const id of input.questionOrder) {
		const card = byId.get(id);
		if (!card || card.state === 'new') {
			fresh.push(id);
		} else if (card.state === 'review') {
			if (card.due < dayEnd) reviews.push({ card, recall: scheduler.recallProbability(card, now) });
		} else if (card.due <= now) {
			learningNow.push(card);
		} else if (card.due <= now + learnAhead) {
			learningSoon.push(card);
		} else if (card.due < dayEnd) {
			nextLearningDue = Math.min(nextLearningDue ?? Infinity, card.due);
		}
	}

	const byDue = (a: StoredCard, b: StoredCard) => a.due - b.due || compareIds(a.id, b.id);
	learningNow.sort(byDue);
	learningSoon.sort(byDue);
	reviews.sort((a, b) => a.recall - b.recall || byDue(a.card, b.card));

	const reviewIds = reviews
		.slice(0, Math.max(0, settings.reviewsPerDay - doneToday.reviewCount))
		.map((r) => r.card.id);
	const newIds = fresh.slice(0, Math.max(0, settings.newPerDay - doneToday.newCount));

	return {
		ids: [
			...learningNow.map((c) => c.id),
			...interleave(reviewIds, doneToday.reviewCount, newIds, doneToday.newCount),
			...learningSoon.map((c) => c.id)
		],
		counts: {
			learning: learningNow.length + learningSoon.length,
			review: reviewIds.length,
			new: newIds.length
		},
		nextLearningDue
	};
}

/**
 * Spreads new cards evenly among reviews over the whole day: each item gets a position
 * (done + index + 0.5) / (done + remaining) in its own list, and the lower goes first. Counting
 * what was done today keeps the mix stable when the queue is rebuilt after every rating.
 */
function interleave(
	reviews: readonly string[],
	reviewsDone: number,
	fresh: readonly string[],
	freshDone: number
): string[] {
	const out: string[] = [];
	const reviewTotal = reviewsDone + reviews.length;
	const freshTotal = freshDone + fresh.length;
	let r = 0;
	let n = 0;
	while (r < reviews.length || n < fresh.length) {
		const reviewPos = r < reviews.length ? (reviewsDone + r + 0.5) / reviewTotal : Infinity;
		const freshPos = n < fresh.length ? (freshDone + n + 0.5) / freshTotal : Infinity;
		if (reviewPos <= freshPos) out.push(reviews[r++] as string);
		else out.push(fresh[n++] as string);
	}
	return out;
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

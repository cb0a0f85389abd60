/**
 * The daily review queue. Pure: the caller passes the cards, the bank's order and what was done
 * today. A full build sorts every due review; between ratings `QueueState.update` (./queue-state)
 * moves only the rated card and the reviews whose recall changed, giving the same queue.
 *
 * Order, as in Anki:
 * 1. learning and relearning cards due now, earliest first;
 * 2. reviews due this study day, lowest recall probability first, up to the daily review limit,
 *    with new cards (in the bank's order, up to the daily new limit) spread evenly among them;
 * 3. when nothing else is left, learning cards due within the learn-ahead window (20 minutes),
 *    so a short session does not stall on a 10-minute step.
 * Siblings (the recall and cloze cards of one fact) are buried, as Anki's "bury siblings": once
 * one of them is rated this study day, the others' new and review cards wait for the next day,
 * so one sentence does not come up twice in a day.
 * Learning cards due later than that end the session; ./next-due.ts says when to come back.
 */
import type { Question, QuestionKind } from './bank';
import type { CardState, Scheduler, StoredCard } from './scheduler';
import type { Settings } from './settings';
import { QueueState } from './queue-state';
import type { DayCount } from './study-day';

export { LEARN_AHEAD_MS, QueueState } from './queue-state';

/** The question kinds that become review cards: the bank's recall forms. */
export const REVIEW_KINDS: readonly QuestionKind[] = ['recall', 'cloze'];

/** Ids of the questions that are review cards, in the bank's order. */
export function reviewQuestionIds(questions: readonly Question[]): string[] {
	return questions.filter((q) => REVIEW_KINDS.includes(q.kind)).map((q) => q.id);
}

/** Review question id → its fact: cards of one fact are siblings (see `QueueInput.siblings`). */
export function reviewSiblings(questions: readonly Question[]): Map<string, string> {
	return new Map(questions.filter((q) => REVIEW_KINDS.includes(q.kind)).map((q) => [q.id, q.fact]));
}

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
	/**
	 * Question id → the fact it asks (see `reviewSiblings`); a new or review card whose sibling
	 * was rated this study day is left out until the next. Without it nothing is buried.
	 */
	siblings?: ReadonlyMap<string, string>;
	now: number;
	settings: Pick<Settings, 'newPerDay' | 'reviewsPerDay' | 'dayStartHour'>;
	doneToday: DoneToday;
	scheduler: Pick<Scheduler, 'recallProbability' | 'recallStableUntil'>;
	learnAheadMs?: number;
}

export interface Queue {
	/** Question ids in the order to show them; the first is the current card. */
	ids: string[];
	counts: { learning: number; review: number; new: number };
}

/** Builds the queue for `now`; see the module comment for the order. */
export function buildQueue(input: QueueInput): Queue {
	return new QueueState(input).queue;
}

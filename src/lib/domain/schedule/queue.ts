/**
 * The daily review queue. Pure: the caller passes the cards, the bank's order and what was done
 * today; `new QueueState(input).queue` builds it (./queue-state), and between ratings
 * `QueueState.update` moves only the rated card and the reviews whose recall changed.
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
 * With an exam date the exam plan picks the day's reviews and new cards instead of the limits, and
 * "Study more" adds to either (`QueueInput`).
 */
import type { Question, QuestionKind } from '../bank/bank';
import type { Recall } from './recall';
import type { StoredCard } from './scheduler';
import type { Settings } from '../records/settings';
import { startOfNextStudyDay, type DayCount } from '../study-day/study-day';

export { QueueState } from './queue-state';

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

/**
 * Whether a card is due at `now` as the scheduler sees it, daily limits aside: never rated (new),
 * a review due this study day, or a learning step whose time has come.
 */
export function isDue(card: StoredCard | undefined, now: number, dayStartHour: number): boolean {
	if (!card || card.state === 'new') return true;
	if (card.state === 'review') return card.due < startOfNextStudyDay(now, dayStartHour);
	return card.due <= now;
}

export { ratingKind, type RatingKind } from '../study-day/study-day';

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
	recall: Recall;
	learnAheadMs?: number;
	/**
	 * With an exam date, today's cards from the exam plan (../exam/exam-plan.ts) in place of the daily
	 * limits: these review cards, due or not, and the first `newCards` new cards of
	 * `questionOrder` (which then interleaves the frameworks).
	 */
	plan?: { reviews: ReadonlySet<string>; newCards: number };
	/** Study more: new cards beyond today's limit or plan (Infinity: every one). */
	extraNew?: number;
	/** Study more: review cards due before this time come today too, once. */
	aheadUntil?: number;
}

export interface Queue {
	/** Question ids in the order to show them; the first is the current card. */
	ids: string[];
	counts: { learning: number; review: number; new: number };
}

/**
 * When the next card can be reviewed once today's queue is empty, for "the next card is due …".
 * The queue (./queue.ts) takes a study day's reviews all at once and holds back what is over the
 * daily limits, so a card's due time alone is not the answer:
 * - a learning or relearning card comes at its due time;
 * - a review comes when the study day it falls due in starts, or tomorrow if today's review
 *   limit held it back;
 * - an unseen card comes tomorrow, with the next day's new-card allowance.
 */
import type { StoredCard } from './scheduler';
import type { Settings } from '../records/settings';
import { startOfNextStudyDay, startOfStudyDay } from '../study-day/study-day';

export interface NextDueInput {
	cards: ReadonlyMap<string, StoredCard>;
	/** Review question ids in the bank's order: other cards are never shown. */
	questionOrder: readonly string[];
	now: number;
	settings: Pick<Settings, 'newPerDay' | 'reviewsPerDay' | 'dayStartHour'>;
}

/** The earliest time a card becomes available, or null when none ever will. */
export function nextCardDue({ cards, questionOrder, now, settings }: NextDueInput): number | null {
	const { dayStartHour, newPerDay, reviewsPerDay } = settings;
	const tomorrow = startOfNextStudyDay(now, dayStartHour);
	let next = Infinity;
	for (const id of questionOrder) {
		const card = cards.get(id);
		let at: number;
		if (!card || card.state === 'new') {
			if (newPerDay === 0) continue;
			at = tomorrow;
		} else if (card.state === 'review') {
			if (reviewsPerDay === 0) continue;
			at = card.due < tomorrow ? tomorrow : startOfStudyDay(card.due, dayStartHour);
		} else {
			at = card.due;
		}
		if (at < next) next = at;
	}
	return next === Infinity ? null : next;
}

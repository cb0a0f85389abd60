/**
 * Every card's memory state rebuilt from its review log under new FSRS parameters (personal ones,
 * or the defaults again). Pure; the caller writes the result in one transaction.
 */
import type { ReviewRecord, Scheduler, StoredCard } from './scheduler';

/**
 * Replays each card's log with `scheduler`. The due date (and the interval that set it) stays as
 * it was unless `reschedule`; a card with no log is kept as it is.
 */
export function rebuildCards(
	cards: readonly StoredCard[],
	logs: readonly ReviewRecord[],
	scheduler: Scheduler,
	reschedule: boolean
): StoredCard[] {
	const byCard = new Map<string, ReviewRecord[]>();
	for (const log of logs) {
		const list = byCard.get(log.card_id);
		if (list) list.push(log);
		else byCard.set(log.card_id, [log]);
	}
	return cards.map((card) => {
		const own = byCard.get(card.id);
		if (!own) return card;
		const rebuilt = scheduler.replay(card.id, own);
		return reschedule
			? rebuilt
			: { ...rebuilt, due: card.due, scheduled_days: card.scheduled_days };
	});
}

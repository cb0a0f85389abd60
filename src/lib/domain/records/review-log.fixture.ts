/**
 * A review log record for tests that set its card, time and the fields they look at (rating,
 * state, duration) and need no real memory state: the unit tests' and the browser tests' one
 * literal of a log record's fields.
 */
import type { ReviewRecord } from '../schedule/card';

export function logRecord(
	cardId: string,
	review: number,
	fields: Partial<ReviewRecord> = {}
): ReviewRecord {
	return {
		card_id: cardId,
		rating: 'good',
		state: 'review',
		due: review,
		stability: 1,
		difficulty: 5,
		elapsed_days: 0,
		last_elapsed_days: 0,
		scheduled_days: 0,
		learning_steps: 0,
		review,
		duration_ms: 4000,
		...fields
	};
}

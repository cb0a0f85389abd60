/**
 * The setting "Quiz answers count toward my schedule" (off by default). When on, a quiz answer
 * grades the question's flashcard — but only a card that is new or due, so a quiz never moves a
 * card that is waiting for its interval to pass.
 */

export type QuizCardStatus = 'new' | 'due' | 'not-due' | 'none';
export type QuizScheduleEffect = 'good' | 'again';

export const QUIZ_COUNTS_TOWARD_SCHEDULE_DEFAULT = false;

/**
 * How a quiz answer grades the question's card: Good when right, Again when wrong, or null for
 * no change (setting off, no card, or a card not yet due).
 */
export function scheduleEffect(
	countsTowardSchedule: boolean,
	correct: boolean,
	cardStatus: QuizCardStatus
): QuizScheduleEffect | null {
	if (!countsTowardSchedule) return null;
	if (cardStatus !== 'new' && cardStatus !== 'due') return null;
	return correct ? 'good' : 'again';
}

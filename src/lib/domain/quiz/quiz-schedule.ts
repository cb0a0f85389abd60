/**
 * The setting "Quiz answers count toward my schedule" (off by default). When on, a quiz answer
 * grades the question's flashcard — but only a card that is new or due, so a quiz never moves a
 * card that is waiting for its interval to pass.
 */
import type { StoredCard } from '../schedule/scheduler';

export type QuizScheduleEffect = 'good' | 'again';

/**
 * How a quiz answer grades its flashcard (`card`, undefined if never rated) at `now`: Good when
 * right, Again when wrong, or null for no change (a card not yet due). The caller checks the
 * setting.
 */
export function scheduleEffect(
	card: StoredCard | undefined,
	correct: boolean,
	now: number
): QuizScheduleEffect | null {
	const open = !card || card.state === 'new' || card.due <= now;
	if (!open) return null;
	return correct ? 'good' : 'again';
}

/**
 * How many more ratings a review session takes, for its progress bar ("12 of about 40"). Each
 * card left takes one rating, and a new or (re)learning card one more for each learning step that
 * rating Good would still bring it back for within the session: a step no longer than the
 * learn-ahead window (./queue-state.ts). A longer step sends the card to a later session. Again
 * and Hard add ratings the estimate cannot know, hence "about".
 */
import type { StoredCard } from './card';
import { LEARN_AHEAD_MS } from './queue-state';
import type { Step } from './scheduler';
import type { Settings } from '../records/settings';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../study-day/study-day';

const UNIT_MS = { m: MINUTE_MS, h: HOUR_MS, d: DAY_MS } as const;

/** A learning step's length ('10m' → 600000). */
export function stepMs(step: Step): number {
	return Number(step.slice(0, -1)) * UNIT_MS[step.slice(-1) as keyof typeof UNIT_MS];
}

/**
 * Ratings left for the cards `ids` (the queue), each rated Good from now on. `cardOf` gives a
 * card's stored state; none means new. As ts-fsrs does, Good moves a new or (re)learning card
 * from step k to step k + 1, and graduates it after the last step; a review card takes one.
 */
export function ratingsLeft(
	ids: readonly string[],
	cardOf: (id: string) => StoredCard | undefined,
	{ learningSteps, relearningSteps }: Pick<Settings, 'learningSteps' | 'relearningSteps'>,
	learnAheadMs = LEARN_AHEAD_MS
): number {
	let total = 0;
	for (const id of ids) {
		const card = cardOf(id);
		total += 1;
		if (card?.state === 'review') continue;
		const steps = card?.state === 'relearning' ? relearningSteps : learningSteps;
		let step = card && card.state !== 'new' ? card.learning_steps : 0;
		while (step + 1 < steps.length && stepMs(steps[step + 1] as Step) <= learnAheadMs) {
			total += 1;
			step += 1;
		}
	}
	return total;
}

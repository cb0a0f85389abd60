/**
 * How many more ratings a review session takes, for its progress bar ("12 of about 40"). Each
 * card left takes one rating, and a new or (re)learning card one more for each learning step that
 * rating Good would still bring it back for within the session: a step no longer than the
 * learn-ahead window (./queue-state.ts). A longer step sends the card to a later session. Again
 * and Hard add ratings the estimate cannot know, hence "about".
 */
import type { Queue } from './queue';
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
 * Ratings left for `queue`, each card rated Good from now on. As ts-fsrs does, Good moves a new
 * or (re)learning card from step k to step k + 1, and graduates it after the last step; a review
 * card takes one. So only its learning cards are looked at one by one: every new card takes the
 * same, and a rating costs no walk over thousands of reviews.
 */
export function ratingsLeft(
	queue: Pick<Queue, 'counts' | 'learning'>,
	{ learningSteps, relearningSteps }: Pick<Settings, 'learningSteps' | 'relearningSteps'>,
	learnAheadMs = LEARN_AHEAD_MS
): number {
	/** Ratings from step `step` of `steps` until the card leaves the session. */
	const from = (steps: readonly Step[], step: number) => {
		let total = 1;
		while (step + 1 < steps.length && stepMs(steps[step + 1] as Step) <= learnAheadMs) {
			total += 1;
			step += 1;
		}
		return total;
	};
	let total = queue.counts.review + queue.counts.new * from(learningSteps, 0);
	for (const card of queue.learning) {
		const steps = card.state === 'relearning' ? relearningSteps : learningSteps;
		total += from(steps, card.learning_steps);
	}
	return total;
}

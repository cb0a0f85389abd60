/**
 * The records the app keeps for scheduling, as plain data: the card of each question and the log
 * of its ratings. Apart from the scheduler adapter (./scheduler.ts, the one module that imports
 * ts-fsrs) so that code which only reads or checks cards loads no ts-fsrs.
 */

/** The four answer buttons, in their order on screen: keys 1–4 follow it. */
export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type Rating = (typeof RATINGS)[number];

export const CARD_STATES = ['new', 'learning', 'review', 'relearning'] as const;
export type CardState = (typeof CARD_STATES)[number];

/** One FSRS card per question id: ts-fsrs's `Card` fields, dates as epoch ms. */
export interface StoredCard {
	/** The question id. */
	id: string;
	due: number;
	stability: number;
	difficulty: number;
	elapsed_days: number;
	scheduled_days: number;
	learning_steps: number;
	reps: number;
	lapses: number;
	state: CardState;
	/** Null until the first rating. */
	last_review: number | null;
}

/**
 * One rating, as appended to the review log. Like ts-fsrs's `ReviewLog`, `state`, `due`,
 * `stability`, `difficulty` and `learning_steps` are the card's values BEFORE the rating.
 */
export interface ReviewRecord {
	card_id: string;
	rating: Rating;
	state: CardState;
	due: number;
	stability: number;
	difficulty: number;
	elapsed_days: number;
	last_elapsed_days: number;
	scheduled_days: number;
	learning_steps: number;
	/** When the rating was given (epoch ms). */
	review: number;
	/** Time from showing the card to the rating, in ms. */
	duration_ms: number;
}

/**
 * A card never reviewed, due at `now`: what ts-fsrs's `createEmptyCard` gives (a unit test keeps
 * them equal), made here so that showing a new card loads no ts-fsrs.
 */
export function newCard(questionId: string, now: number): StoredCard {
	return {
		id: questionId,
		due: now,
		stability: 0,
		difficulty: 0,
		elapsed_days: 0,
		scheduled_days: 0,
		learning_steps: 0,
		reps: 0,
		lapses: 0,
		state: 'new',
		last_review: null
	};
}

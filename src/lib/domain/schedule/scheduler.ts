/**
 * The scheduling adapter: the app's one way to ts-fsrs's scheduler (./fsrs-evaluate.ts, which
 * replays logs to compare parameters, is the only other module that imports it). Everything
 * outside sees plain, structured-clone and JSON safe objects (dates as epoch milliseconds,
 * string-literal states and ratings), so cards and logs go to IndexedDB, backups and
 * `postMessage` unchanged. Predictions
 * (the exam plan, the simulator benchmark) go through `Scheduler.memory`, ts-fsrs's own memory
 * model: no FSRS formula is copied outside ts-fsrs (./recall.ts excepted, see there).
 */
import {
	forgetting_curve,
	fsrs,
	generatorParameters,
	GenSeedStrategyWithCardId,
	StrategyMode,
	Rating as FsrsRating,
	State as FsrsState,
	type Card,
	type FSRS,
	type Grade,
	type ReviewLog,
	type StepUnit
} from 'ts-fsrs';

import { examMaximumInterval } from '../exam/exam-date';
import type { Settings } from '../records/settings';

// The plain records live in ./card.ts (no ts-fsrs); what uses the scheduler gets them here too.
export * from './card';
import {
	newCard,
	RATINGS,
	type CardState,
	type Rating,
	type ReviewRecord,
	type StoredCard
} from './card';
import { DAY_MS } from '../study-day/study-day';

/** A learning step such as '1m', '10m', '1h', '1d'. */
export type Step = `${number}${'m' | 'h' | 'd'}`;

export interface SchedulerParams {
	/** Target probability of recall at the due date, 0.70–0.99. */
	desiredRetention: number;
	learningSteps: readonly Step[];
	relearningSteps: readonly Step[];
	/** Days. */
	maximumInterval: number;
	/** On in the app (spreads reviews), off in tests (exact dates). */
	enableFuzz: boolean;
	/** The 21 FSRS parameters fitted to the person's log; ts-fsrs's defaults when absent. */
	weights?: readonly number[];
	/** The longest interval for a rating at `now` when it changes with time (an exam date). */
	maximumIntervalAt?: (now: number) => number;
}

/**
 * The scheduler parameters these settings give (an exam date caps each interval at the days left
 * when it is given); fuzz is on in the app, off in tests. Here, beside what takes them, rather
 * than with the settings, whose check every page's first load runs.
 */
export function schedulerParams(settings: Settings, enableFuzz = true): SchedulerParams {
	const { examDate, maximumInterval, dayStartHour, fsrsParameters } = settings;
	return {
		desiredRetention: settings.desiredRetention,
		learningSteps: settings.learningSteps,
		relearningSteps: settings.relearningSteps,
		maximumInterval,
		enableFuzz,
		...(fsrsParameters ? { weights: fsrsParameters } : {}),
		...(examDate
			? {
					maximumIntervalAt: (now: number) =>
						examMaximumInterval(maximumInterval, examDate, now, dayStartHour)
				}
			: {})
	};
}

/** What one rating button would do. */
export interface IntervalPreview {
	due: number;
	intervalMs: number;
}

/** What FSRS knows of a card's memory. */
export interface Memory {
	stability: number;
	difficulty: number;
}

/**
 * FSRS's memory model under the scheduler's parameters, from ts-fsrs itself (its
 * `forgetting_curve` and `next_state`), for predicting what study does to recall.
 */
export interface MemoryModel {
	/** Probability of recall `days` whole days after the last review (`forgetting_curve`). */
	recall(stability: number, days: number): number;
	/**
	 * The memory after a rating `days` after the last review; null: a new card (`next_state`).
	 * `recall`, when the caller has it, is `recall(memory.stability, days)`, saving its work.
	 */
	next(memory: Memory | null, days: number, rating: Rating, recall?: number): Memory;
	/** A new card's memory once its learning steps are passed, each rated Good. */
	readonly learned: Memory;
	/** The memory after a lapse `days` after the last review, relearned with Good. */
	relearned(memory: Memory, days: number, recall?: number): Memory;
}

export interface Scheduler {
	readonly params: Readonly<SchedulerParams>;
	readonly memory: MemoryModel;
	/** What each rating would give the card if rated at `now`. */
	preview(card: StoredCard, now: number): Record<Rating, IntervalPreview>;
	/** Applies a rating; `log` is the record to append to the review log. */
	rate(
		card: StoredCard,
		rating: Rating,
		now: number,
		durationMs: number
	): { card: StoredCard; log: ReviewRecord };
	/**
	 * Rebuilds a card's state from its review log through ts-fsrs (for backup merge); the logs
	 * may come in any order and are replayed by review time. No logs gives a new card.
	 */
	replay(questionId: string, logs: readonly ReviewRecord[]): StoredCard;
}

export const DEFAULT_SCHEDULER_PARAMS: Readonly<SchedulerParams> = Object.freeze({
	desiredRetention: 0.9,
	learningSteps: ['1m', '10m'] as const,
	relearningSteps: ['10m'] as const,
	maximumInterval: 36500,
	enableFuzz: true
});

const RATING_TO_GRADE: Record<Rating, Grade> = {
	again: FsrsRating.Again,
	hard: FsrsRating.Hard,
	good: FsrsRating.Good,
	easy: FsrsRating.Easy
};
const STATE_TO_FSRS: Record<CardState, FsrsState> = {
	new: FsrsState.New,
	learning: FsrsState.Learning,
	review: FsrsState.Review,
	relearning: FsrsState.Relearning
};
const FSRS_TO_STATE: Record<FsrsState, CardState> = {
	[FsrsState.New]: 'new',
	[FsrsState.Learning]: 'learning',
	[FsrsState.Review]: 'review',
	[FsrsState.Relearning]: 'relearning'
};

/** The fields a stored card and ts-fsrs's `Card` hold alike: numbers, copied as they are. */
const SAME_FIELDS = [
	'stability',
	'difficulty',
	'elapsed_days',
	'scheduled_days',
	'learning_steps',
	'reps',
	'lapses'
] as const;
type SameFields = Pick<Card, (typeof SAME_FIELDS)[number]>;

function sameFields(from: SameFields): SameFields {
	return Object.fromEntries(SAME_FIELDS.map((field) => [field, from[field]])) as SameFields;
}

/** The ts-fsrs card, with the question id that seeds its fuzz. */
function toFsrs(card: StoredCard): Card & { card_id: string } {
	return {
		card_id: card.id,
		...sameFields(card),
		due: new Date(card.due),
		state: STATE_TO_FSRS[card.state],
		last_review: card.last_review === null ? undefined : new Date(card.last_review)
	};
}

function fromFsrs(id: string, card: Card): StoredCard {
	return {
		id,
		...sameFields(card),
		due: card.due.getTime(),
		state: FSRS_TO_STATE[card.state],
		last_review: card.last_review ? card.last_review.getTime() : null
	};
}

function logFromFsrs(id: string, rating: Rating, log: ReviewLog, durationMs: number): ReviewRecord {
	return {
		card_id: id,
		rating,
		state: FSRS_TO_STATE[log.state],
		due: log.due.getTime(),
		stability: log.stability,
		difficulty: log.difficulty,
		elapsed_days: log.elapsed_days,
		last_elapsed_days: log.last_elapsed_days,
		scheduled_days: log.scheduled_days,
		learning_steps: log.learning_steps,
		review: log.review.getTime(),
		duration_ms: Math.max(0, Math.round(durationMs))
	};
}

/**
 * Creates a scheduler for the given parameters. Parameters are validated by `validateSettings`
 * before they get here; ts-fsrs clamps what is out of its range.
 */

export function createScheduler(params: SchedulerParams): Scheduler {
	const frozen = Object.freeze({ ...params });
	const build = (maximumInterval: number): FSRS =>
		fsrs(
			generatorParameters({
				request_retention: params.desiredRetention,
				learning_steps: params.learningSteps as readonly StepUnit[],
				relearning_steps: params.relearningSteps as readonly StepUnit[],
				maximum_interval: maximumInterval,
				enable_fuzz: params.enableFuzz,
				...(params.weights ? { w: params.weights } : {})
			})
		)
			// ts-fsrs seeds the fuzz with the review time by default, so the interval on a rating
			// button (previewed when the answer shows) was often a day off the one the click gave.
			// Seeded by card and repetition, the click gives what the button said.
			.useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId('card_id'));
	const engine = build(params.maximumInterval);
	// An exam date makes the longest interval shrink day by day: one engine per cap in use.
	const capped = new Map<number, FSRS>([[params.maximumInterval, engine]]);
	const capAt = (now: number) => params.maximumIntervalAt?.(now) ?? params.maximumInterval;
	const engineAt = (now: number): FSRS => {
		const cap = capAt(now);
		let found = capped.get(cap);
		if (!found) capped.set(cap, (found = build(cap)));
		return found;
	};
	// ts-fsrs keeps Good a day past Hard and Easy a day past Good, which can take them one or two
	// days past maximum_interval: an exam date must hold for every button.
	const within = (card: Card, now: number): Card => {
		const cap = capAt(now);
		return card.scheduled_days > cap
			? { ...card, scheduled_days: cap, due: new Date(now + cap * DAY_MS) }
			: card;
	};

	const rate: Scheduler['rate'] = (card, rating, now, durationMs) => {
		const item = engineAt(now).next(toFsrs(card), new Date(now), RATING_TO_GRADE[rating]);
		return {
			card: fromFsrs(card.id, within(item.card, now)),
			log: logFromFsrs(card.id, rating, item.log, durationMs)
		};
	};

	let memory: MemoryModel | undefined;
	return {
		params: frozen,
		get memory() {
			return (memory ??= memoryModel(engine));
		},
		preview(card, now) {
			const preview = engineAt(now).repeat(toFsrs(card), new Date(now));
			const result = {} as Record<Rating, IntervalPreview>;
			for (const rating of RATINGS) {
				const due = within(preview[RATING_TO_GRADE[rating]].card, now).due.getTime();
				result[rating] = { due, intervalMs: due - now };
			}
			return result;
		},
		rate,
		replay(questionId, logs) {
			const ordered = logs
				.filter((log) => log.card_id === questionId)
				.sort((a, b) => a.review - b.review);
			const first = ordered[0];
			let card = newCard(questionId, first ? first.review : 0);
			for (const log of ordered) card = rate(card, log.rating, log.review, log.duration_ms).card;
			return card;
		}
	};
}

/**
 * The memory model of `engine`. How many Good ratings take a card through the learning and the
 * relearning steps is found by rating with ts-fsrs (the steps' lengths do not matter: FSRS counts
 * a same-day rating as 0 days).
 */
function memoryModel(engine: FSRS): MemoryModel {
	// Same-day ratings: recall 1, as ts-fsrs would work out for 0 days.
	const good = (memory: Memory, ratings: number): Memory => {
		for (let i = 0; i < ratings; i += 1) memory = engine.next_state(memory, 0, FsrsRating.Good, 1);
		return memory;
	};
	// The free function on a plain copy of the parameters: the engine's own goes through a Proxy
	// and took three times as long (0.9 against 0.3 µs), and a plan calls it for every card.
	const w = [...engine.parameters.w];
	let card: Card = toFsrs(newCard('memory-model', 0));
	const learnRatings = ratingsToReview(engine, card);
	for (let i = 0; i < learnRatings; i += 1)
		card = engine.next(card, card.due, FsrsRating.Good).card;
	const lapsed = engine.next(
		card,
		new Date(card.due.getTime() + 10 * DAY_MS),
		FsrsRating.Again
	).card;
	const relearnRatings = ratingsToReview(engine, lapsed);
	const learned = good(engine.next_state(null, 0, FsrsRating.Good), learnRatings - 1);
	return {
		recall: (stability, days) => forgetting_curve(w, days, stability),
		next: (memory, days, rating, recall) =>
			engine.next_state(memory, days, RATING_TO_GRADE[rating], recall),
		learned,
		relearned: (memory, days, recall) =>
			good(engine.next_state(memory, days, FsrsRating.Again, recall), relearnRatings)
	};
}

/** How many Good ratings, each when due, take `card` to the review state. */
function ratingsToReview(engine: FSRS, card: Card): number {
	let count = 0;
	for (; card.state !== FsrsState.Review && count < 20; count += 1) {
		card = engine.next(card, card.due, FsrsRating.Good).card;
	}
	return count;
}

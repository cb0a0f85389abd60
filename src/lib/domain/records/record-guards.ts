/**
 * The one definition of each record storage reads and writes (cards, the review log, day
 * counters, quiz answers): a field table of checks. From it come the guards here (start-up checks
 * 10,000 cards with them in a few milliseconds, and the review page loads no validation library),
 * the message of a broken rule (./record-problems.ts, for a refused write or a quarantined read),
 * the plain copy storage writes (storage/rating.ts) and the backup file's schema, which tightens
 * it (./backup-schema.ts).
 */
import type { QuizAnswerRecord } from '../quiz/quiz-record';
import { CARD_STATES, RATINGS, type ReviewRecord, type StoredCard } from '../schedule/card';
import type { DayCount } from '../study-day/study-day';

type Check = (value: unknown) => boolean;
/** Per field: its check, what it expects (for the message), and whether it may be left out. */
export type Fields = Readonly<Record<string, readonly [Check, string, optional?: boolean]>>;

const isTime: Check = (v) => Number.isInteger(v);
const isCount: Check = (v) => Number.isInteger(v) && (v as number) >= 0;
const isFinite: Check = (v) => Number.isFinite(v);
const isNonNegative: Check = (v) => Number.isFinite(v) && (v as number) >= 0;
const isId: Check = (v) => typeof v === 'string' && v.length > 0;
const isState: Check = (v) => (CARD_STATES as readonly unknown[]).includes(v);
const isRating: Check = (v) => (RATINGS as readonly unknown[]).includes(v);
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const TIME = [isTime, 'a whole number of ms'] as const;
const COUNT = [isCount, 'a whole number ≥ 0'] as const;
const FINITE = [isFinite, 'a finite number'] as const;
const NON_NEGATIVE = [isNonNegative, 'a finite number ≥ 0'] as const;
const ID = [isId, 'a non-empty string'] as const;
const STATE = [isState, `one of ${CARD_STATES.join(', ')}`] as const;

/** ts-fsrs's memory state, the same fields with the same rules on a card and on a log record. */
const MEMORY = {
	due: TIME,
	stability: NON_NEGATIVE,
	difficulty: NON_NEGATIVE,
	elapsed_days: FINITE
} as const;

const CARD: Fields = {
	id: ID,
	...MEMORY,
	scheduled_days: FINITE,
	learning_steps: COUNT,
	reps: COUNT,
	lapses: COUNT,
	state: STATE,
	last_review: [(v) => v === null || isTime(v), 'null or a whole number of ms']
};

const REVIEW: Fields = {
	card_id: ID,
	rating: [isRating, `one of ${RATINGS.join(', ')}`],
	state: STATE,
	...MEMORY,
	last_elapsed_days: FINITE,
	scheduled_days: FINITE,
	learning_steps: COUNT,
	review: TIME,
	duration_ms: COUNT
};

const DAY: Fields = {
	day: [(v) => typeof v === 'string' && DAY_PATTERN.test(v), 'a day like 2025-01-31'],
	new: COUNT,
	review: COUNT,
	learning: COUNT
};

const isText: Check = (v) => typeof v === 'string';
const isGiven: Check = (v) => isText(v) || (Array.isArray(v) && v.every(isText));
const GIVEN = [isGiven, 'a string or a list of strings'] as const;

const QUIZ: Fields = {
	questionId: ID,
	framework: [isText, 'a string'],
	given: GIVEN,
	correct: [(v) => typeof v === 'boolean', 'true or false'],
	typo: [
		(v) =>
			isRecord(v) &&
			Object.keys(v).every((key) => key === 'given' || key === 'expected') &&
			isText(v.given) &&
			isText(v.expected),
		'{ given, expected } strings',
		true
	],
	pickedDistractor: [GIVEN[0], GIVEN[1], true],
	overridden: [(v) => v === true, 'true', true],
	durationMs: COUNT,
	answeredAt: TIME
};

const CARD_KEYS = Object.keys(CARD);
const REVIEW_KEYS = Object.keys(REVIEW);
const DAY_KEYS = Object.keys(DAY);
const QUIZ_KEYS = Object.keys(QUIZ);

/** Each stored record's field table. */
export const RECORD_FIELDS = { card: CARD, review: REVIEW, day: DAY, quiz: QUIZ } as const;

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Exactly the fields of `fields` (as valibot's strictObject), each passing its check. */
function matches(value: unknown, fields: Fields, keys: readonly string[]): boolean {
	if (!isRecord(value)) return false;
	let required = 0;
	for (const key in value) {
		if (!Object.hasOwn(fields, key) || !Object.hasOwn(value, key)) return false;
		const [check, , optional] = fields[key] as Fields[string];
		if (optional && value[key] === undefined) continue;
		if (!check(value[key])) return false;
		if (!optional) required += 1;
	}
	return required === keys.filter((key) => !(fields[key] as Fields[string])[2]).length;
}

/** Whether `value` is a valid stored card . */
export function isStoredCard(value: unknown): value is StoredCard {
	return matches(value, CARD, CARD_KEYS);
}

/** Whether `value` is a valid review log record . */
export function isReviewRecord(value: unknown): value is ReviewRecord {
	return matches(value, REVIEW, REVIEW_KEYS);
}

/** Whether `value` is a valid day counter . */
export function isDayCount(value: unknown): value is DayCount {
	return matches(value, DAY, DAY_KEYS);
}

/** Whether `value` is a valid quiz answer . */
export function isQuizAnswer(value: unknown): value is QuizAnswerRecord {
	return matches(value, QUIZ, QUIZ_KEYS);
}

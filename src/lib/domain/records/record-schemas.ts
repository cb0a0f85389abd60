/**
 * The valibot schemas of the records the app keeps (cards, review log, day counters, quiz
 * answers). Pure, so storage validates every read with them and the backup import builds its
 * stricter file schema on top of them.
 */
import * as v from 'valibot';
import { CARD_STATES, RATINGS, type ReviewRecord, type StoredCard } from '../schedule/card';
import type { DayCount } from '../study-day/study-day';
import type { QuizAnswerRecord } from '../quiz/quiz-record';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const finite = v.pipe(v.number(), v.finite());
const time = v.pipe(v.number(), v.integer());
/** ts-fsrs's memory state, the same fields with the same rules on a card and on a log entry. */
const memory = {
	due: time,
	stability: v.pipe(finite, v.minValue(0)),
	difficulty: v.pipe(finite, v.minValue(0)),
	elapsed_days: finite
};

export const CardSchema = v.strictObject({
	id: v.pipe(v.string(), v.minLength(1)),
	...memory,
	scheduled_days: finite,
	learning_steps: count,
	reps: count,
	lapses: count,
	state: v.picklist(CARD_STATES),
	last_review: v.nullable(time)
}) satisfies v.GenericSchema<StoredCard>;

export const ReviewRecordSchema = v.strictObject({
	card_id: v.pipe(v.string(), v.minLength(1)),
	rating: v.picklist(RATINGS),
	state: v.picklist(CARD_STATES),
	...memory,
	last_elapsed_days: finite,
	scheduled_days: finite,
	learning_steps: count,
	review: time,
	duration_ms: count
}) satisfies v.GenericSchema<ReviewRecord>;

export const DayCountSchema = v.strictObject({
	day: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
	new: count,
	review: count,
	learning: count
}) satisfies v.GenericSchema<DayCount>;

const givenText = v.union([v.string(), v.array(v.string())]);

export const QuizAnswerSchema = v.strictObject({
	questionId: v.pipe(v.string(), v.minLength(1)),
	framework: v.string(),
	given: givenText,
	correct: v.boolean(),
	typo: v.optional(v.strictObject({ given: v.string(), expected: v.string() })),
	pickedDistractor: v.optional(givenText),
	overridden: v.optional(v.literal(true)),
	durationMs: count,
	answeredAt: time
}) satisfies v.GenericSchema<QuizAnswerRecord>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Validates `value` against `schema`; the reason names the field and quotes what was found. */
export function parse<T>(schema: v.GenericSchema<unknown, T>, value: unknown): Parsed<T> {
	const result = v.safeParse(schema, value);
	if (result.success) return { ok: true, value: result.output };
	const issue = result.issues[0];
	const path = v.getDotPath(issue) ?? '(record)';
	return { ok: false, reason: `${path}: ${issue.message}` };
}

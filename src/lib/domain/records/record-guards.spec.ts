import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { isDayCount, isQuizAnswer, isReviewRecord, isStoredCard } from './record-guards';
import {
	cardProblem,
	dayCountProblem,
	quizAnswerProblem,
	reviewRecordProblem
} from './record-problems';
import { CARD_STATES, RATINGS } from '../schedule/scheduler';

// The rules written out a second time, independently of the field tables, in valibot: the
// oracle the tables' guards and messages are held to.
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

const CardSchema = v.strictObject({
	id: v.pipe(v.string(), v.minLength(1)),
	...memory,
	scheduled_days: finite,
	learning_steps: count,
	reps: count,
	lapses: count,
	state: v.picklist(CARD_STATES),
	last_review: v.nullable(time)
});

const ReviewRecordSchema = v.strictObject({
	card_id: v.pipe(v.string(), v.minLength(1)),
	rating: v.picklist(RATINGS),
	state: v.picklist(CARD_STATES),
	...memory,
	last_elapsed_days: finite,
	scheduled_days: finite,
	learning_steps: count,
	review: time,
	duration_ms: count
});

const DayCountSchema = v.strictObject({
	day: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
	new: count,
	review: count,
	learning: count
});

const givenText = v.union([v.string(), v.array(v.string())]);

const QuizAnswerSchema = v.strictObject({
	questionId: v.pipe(v.string(), v.minLength(1)),
	framework: v.string(),
	given: givenText,
	correct: v.boolean(),
	typo: v.optional(v.strictObject({ given: v.string(), expected: v.string() })),
	pickedDistractor: v.optional(givenText),
	overridden: v.optional(v.literal(true)),
	durationMs: count,
	answeredAt: time
});

const card = {
	id: 'q1',
	due: 1_700_000_000_000,
	stability: 3.2,
	difficulty: 5.1,
	elapsed_days: 2,
	scheduled_days: 3,
	learning_steps: 0,
	reps: 4,
	lapses: 1,
	state: 'review',
	last_review: 1_699_900_000_000
};
const log = {
	card_id: 'q1',
	rating: 'good',
	state: 'review',
	due: 1_700_000_000_000,
	stability: 3.2,
	difficulty: 5.1,
	elapsed_days: 2,
	last_elapsed_days: 1,
	scheduled_days: 3,
	learning_steps: 0,
	review: 1_700_000_000_000,
	duration_ms: 5_000
};
const day = { day: '2025-01-31', new: 3, review: 10, learning: 2 };
const quiz = {
	questionId: 'eas.members.cloze',
	framework: 'eas',
	given: ['ASEAN', 'Japan'],
	correct: false,
	typo: { given: 'Japn', expected: 'Japan' },
	pickedDistractor: 'ARF',
	overridden: true,
	durationMs: 4_000,
	answeredAt: 1_700_000_000_000
};

// Values near every rule's edges, so a mutation breaks a rule as often as it keeps one.
const fieldValue = fc.oneof(
	fc.constantFrom(
		0,
		-0,
		-1,
		1.5,
		NaN,
		Infinity,
		-Infinity,
		null,
		undefined,
		'',
		'q2',
		'2025-02-01',
		'2025-2-1',
		true,
		['a', 'b'],
		['a', 1],
		{ given: 'a', expected: 'b' },
		{ given: 'a' },
		[],
		{},
		...CARD_STATES,
		...RATINGS
	),
	fc.integer(),
	fc.double(),
	fc.string()
);

/** A record with some fields replaced, removed or added. */
function mutated(base: Record<string, unknown>) {
	const keys = Object.keys(base);
	return fc
		.tuple(
			fc.array(fc.tuple(fc.constantFrom(...keys), fieldValue), { maxLength: 3 }),
			fc.subarray(keys, { maxLength: 2 }),
			fc.option(fc.tuple(fc.constantFrom('extra', 'toString', 'id', 'day'), fieldValue))
		)
		.map(([changes, removed, added]) => {
			const value: Record<string, unknown> = { ...base };
			for (const [key, next] of changes) value[key] = next;
			for (const key of removed) delete value[key];
			if (added) value[added[0]] = added[1];
			return value;
		});
}

const anything = fc.oneof(fc.anything(), fc.constantFrom(null, undefined, [], 'card', 3));

describe.each([
	['card', card, isStoredCard, cardProblem, CardSchema],
	['review record', log, isReviewRecord, reviewRecordProblem, ReviewRecordSchema],
	['day counter', day, isDayCount, dayCountProblem, DayCountSchema],
	['quiz answer', quiz, isQuizAnswer, quizAnswerProblem, QuizAnswerSchema]
] as const)('the %s guard', (_, valid, guard, problem, schema) => {
	it('accepts a valid record', () => {
		expect(guard(valid)).toBe(true);
		expect(problem(valid)).toBeNull();
	});

	it('agrees with the rules written out independently on mutated records and arbitrary values', () => {
		fc.assert(
			fc.property(fc.oneof(mutated(valid), anything), (value) => {
				const expected = v.safeParse(schema as v.GenericSchema, value).success;
				expect(guard(value)).toBe(expected);
				// The reason exists exactly when the record fails, and names a field.
				const reason = problem(value);
				expect(reason === null).toBe(expected);
				if (reason !== null) expect(reason).toMatch(/^[\w()]+: /);
			}),
			{ numRuns: 2_000 }
		);
	});
});

describe('guard messages', () => {
	it('name the field and quote the bad value', () => {
		expect(cardProblem({ ...card, due: '2025-01-01' })).toBe(
			'due: expected a whole number of ms, got "2025-01-01"'
		);
		expect(dayCountProblem({ ...day, review: -1 })).toBe(
			'review: expected a whole number ≥ 0, got -1'
		);
		expect(reviewRecordProblem({ ...log, mood: 'sad' })).toBe('mood: unexpected field');
		expect(cardProblem([card])).toMatch(/^\(record\): expected an object/);
	});
});

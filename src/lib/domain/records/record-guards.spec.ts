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
import { CardSchema, DayCountSchema, QuizAnswerSchema, ReviewRecordSchema } from './record-schemas';
import { CARD_STATES, RATINGS } from '../schedule/scheduler';

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

	it('agrees with the valibot schema on mutated records and arbitrary values', () => {
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

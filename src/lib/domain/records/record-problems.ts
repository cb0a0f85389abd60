/**
 * Why a record breaks its rules (the field tables of ./record-guards.ts), as "field: expected …,
 * got …": what a write refuses it with (storage's write half). Apart from the guards because only
 * writes need the messages, and every page's first load runs the guards.
 */
import { isRecord, RECORD_FIELDS, type Fields } from './record-guards';
import { quote } from './quote';

/** The first rule `value` breaks; null when it passes. */
function problem(value: unknown, fields: Fields): string | null {
	if (!isRecord(value)) return `(record): expected an object, got ${quote(value)}`;
	for (const [key, [check, expected, optional]] of Object.entries(fields)) {
		if (optional && value[key] === undefined) continue;
		if (!check(value[key])) return `${key}: expected ${expected}, got ${quote(value[key])}`;
	}
	const extra = Object.keys(value).find((key) => !Object.hasOwn(fields, key));
	return extra === undefined ? null : `${extra}: unexpected field`;
}

/** Why `value` is not a stored card, or null when it is. */
export function cardProblem(value: unknown): string | null {
	return problem(value, RECORD_FIELDS.card);
}

/** Why `value` is not a review log record, or null when it is. */
export function reviewRecordProblem(value: unknown): string | null {
	return problem(value, RECORD_FIELDS.review);
}

/** Why `value` is not a day counter, or null when it is. */
export function dayCountProblem(value: unknown): string | null {
	return problem(value, RECORD_FIELDS.day);
}

/** Why `value` is not a quiz answer, or null when it is. */
export function quizAnswerProblem(value: unknown): string | null {
	return problem(value, RECORD_FIELDS.quiz);
}

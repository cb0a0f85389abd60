/**
 * The shapes of stored records, their validation and their migrations. Pure (no IndexedDB), so
 * the IndexedDB module and the in-memory fallback share one definition (the record schemas
 * themselves are in ../domain/record-schemas.ts, shared with the backup import).
 *
 * Schema versions:
 * - 1: ts-fsrs's own JSON. Cards `{ due: ISO string, state: 0–3, last_review?: ISO string, … }`
 *      without `id` or `learning_steps`; logs with `rating` 1–4, `state` 0–3, ISO dates and no
 *      answer duration. Data without a meta record is version 1.
 * - 2: dates as epoch ms, string states and ratings, `id` in the card, `duration_ms` in the log,
 *      per-day counters, quiz answers.
 */
import * as v from 'valibot';
import type { QuizAnswerRecord } from '../domain/quiz-record';
import {
	CardSchema,
	DayCountSchema,
	parse,
	QuizAnswerSchema,
	ReviewRecordSchema,
	type Parsed
} from '../domain/record-schemas';
import { validateSettings } from '../domain/settings';

import { SCHEMA_VERSION } from './guards';

export { SCHEMA_VERSION, type Meta, type QuarantinedRecord } from './guards';
export type { QuizAnswerRecord };
// The record schemas live in the domain so the backup import can build on them.
export {
	CardSchema,
	DayCountSchema,
	parse,
	QuizAnswerSchema,
	ReviewRecordSchema,
	type Parsed
} from '../domain/record-schemas';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const time = v.pipe(v.number(), v.integer());

export const MetaSchema = v.object({ schemaVersion: count, createdAt: time });

const V1_STATES = ['new', 'learning', 'review', 'relearning'] as const;
const V1_RATINGS = [null, 'again', 'hard', 'good', 'easy'] as const;

function isoToMs(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? value : ms;
}
function at<T>(list: readonly T[], index: unknown): T | unknown {
	return typeof index === 'number' && Number.isInteger(index) ? (list[index] ?? index) : index;
}
function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Brings a card record from `fromVersion` to the current shape (not yet validated: the caller
 * validates, so a record that cannot be migrated ends in quarantine, not in the app).
 */
export function migrateCard(id: string, value: unknown, fromVersion: number): unknown {
	if (fromVersion >= 2 || !isObject(value)) return value;
	return {
		id,
		due: isoToMs(value.due),
		stability: value.stability,
		difficulty: value.difficulty,
		elapsed_days: value.elapsed_days,
		scheduled_days: value.scheduled_days,
		learning_steps: value.learning_steps ?? 0,
		reps: value.reps,
		lapses: value.lapses,
		state: at(V1_STATES, value.state),
		last_review: value.last_review == null ? null : isoToMs(value.last_review)
	};
}

/** Brings a review log record from `fromVersion` to the current shape (not yet validated). */
export function migrateReviewRecord(value: unknown, fromVersion: number): unknown {
	if (fromVersion >= 2 || !isObject(value)) return value;
	return {
		card_id: value.card_id,
		rating: at(V1_RATINGS, value.rating),
		state: at(V1_STATES, value.state),
		due: isoToMs(value.due),
		stability: value.stability,
		difficulty: value.difficulty,
		elapsed_days: value.elapsed_days,
		last_elapsed_days: value.last_elapsed_days ?? 0,
		scheduled_days: value.scheduled_days,
		learning_steps: value.learning_steps ?? 0,
		review: isoToMs(value.review),
		duration_ms: value.duration_ms ?? 0
	};
}

/**
 * Migrates (from `fromVersion`) and validates the record stored under `key`. Returns null for
 * keys that are not validated records (meta, quarantine, unknown), which are left alone.
 */
export function checkRecord(
	key: IDBValidKey,
	value: unknown,
	fromVersion: number = SCHEMA_VERSION
): Parsed<unknown> | null {
	if (key === 'settings') {
		const result = validateSettings(value);
		return result.ok
			? { ok: true, value: result.settings }
			: { ok: false, reason: result.errors.map((e) => e.message).join('; ') };
	}
	if (!Array.isArray(key)) return null;
	const [tag, id] = key;
	switch (tag) {
		case 'card': {
			const parsed = parse(CardSchema, migrateCard(String(id), value, fromVersion));
			if (parsed.ok && parsed.value.id !== id) {
				return {
					ok: false,
					reason: `id: expected ${JSON.stringify(id)}, got ${JSON.stringify(parsed.value.id)}`
				};
			}
			return parsed;
		}
		case 'log':
			return parse(ReviewRecordSchema, migrateReviewRecord(value, fromVersion));
		case 'day':
			return parse(DayCountSchema, value);
		case 'quiz':
			return parse(QuizAnswerSchema, value);
		default:
			return null;
	}
}

/**
 * Repairs, loaded only when needed: the schema migration (once per database) and the full check
 * of records that failed the quick one (./records.ts), which migrates what it can and moves the
 * rest to quarantine with the reason (the message of the rule it breaks, record-problems.ts).
 *
 * Schema versions:
 * - 1: ts-fsrs's own JSON. Cards `{ due: ISO string, state: 0–3, last_review?: ISO string, … }`
 *      without `id` or `learning_steps`; logs with `rating` 1–4, `state` 0–3, ISO dates and no
 *      answer duration. Data without a meta record is version 1.
 * - 2: dates as epoch ms, string states and ratings, `id` in the card, `duration_ms` in the log,
 *      per-day counters, quiz answers.
 * - 3: quiz answers may be marked `overridden` ("I was right"); the quiz under way ('openQuiz')
 *      and the quiz set-up's last choice ('quizChoice'). Every version 2 record is a version 3
 *      one, so the migration from 2 only writes meta; the new version keeps a tab still running
 *      version 2 from setting the marked answers aside as unreadable (it asks for a reload).
 */
import {
	cardProblem,
	dayCountProblem,
	quizAnswerProblem,
	reviewRecordProblem
} from '../domain/records/record-problems';
import { quizChoiceProblem } from '../domain/quiz/quiz-config';
import { openQuizProblem } from '../domain/quiz/quiz-resume';
import { validateSettings } from '../domain/records/settings';
import type { QuarantinedRecord } from './contract';
import { quarantine } from './rating';
import { readAll, SCHEMA_VERSION, type Entry, type Transact } from './records';

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
function migrateCard(id: string, value: unknown, fromVersion: number): unknown {
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
function migrateReviewRecord(value: unknown, fromVersion: number): unknown {
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

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** `value` when it keeps its field table's rules, else the first rule it breaks. */
function checked(value: unknown, problem: (value: unknown) => string | null): Parsed<unknown> {
	const reason = problem(value);
	return reason === null ? { ok: true, value } : { ok: false, reason };
}

/**
 * Migrates (from `fromVersion`) and validates the record stored under `key`. Returns null for
 * keys that are not validated records (meta, quarantine, unknown), which are left alone.
 */
function checkRecord(
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
	if (key === 'openQuiz' || key === 'quizChoice') {
		const reason = (key === 'openQuiz' ? openQuizProblem : quizChoiceProblem)(value);
		return reason === null ? { ok: true, value } : { ok: false, reason };
	}
	if (!Array.isArray(key)) return null;
	const [tag, id] = key;
	switch (tag) {
		case 'card': {
			const card = migrateCard(String(id), value, fromVersion);
			const parsed = checked(card, cardProblem);
			if (parsed.ok && (card as { id: unknown }).id !== id) {
				return {
					ok: false,
					reason: `id: expected ${JSON.stringify(id)}, got ${JSON.stringify((card as { id: unknown }).id)}`
				};
			}
			return parsed;
		}
		case 'log':
			return checked(migrateReviewRecord(value, fromVersion), reviewRecordProblem);
		case 'day':
			return checked(value, dayCountProblem);
		case 'quiz':
			return checked(value, quizAnswerProblem);
		default:
			return null;
	}
}

/** Brings every record to the current schema in one transaction, then writes meta. */
export function migrate(
	transact: Transact,
	from: number,
	badMeta: unknown
): Promise<QuarantinedRecord[]> {
	return transact('readwrite', 'update your saved progress', (store, guard) => {
		const moved: QuarantinedRecord[] = [];
		if (from >= 2 && badMeta === undefined) {
			// Nothing of version 2 changed shape: reading and writing every record would cost a
			// large history seconds for nothing.
			store.put({ schemaVersion: SCHEMA_VERSION, createdAt: Date.now() }, 'meta');
			return () => moved;
		}
		const all = readAll(store, null);
		const last = store.count();
		last.onsuccess = guard(() => {
			const { keys, values } = all();
			for (let i = 0; i < keys.length; i++) {
				const entry = { key: keys[i] as IDBValidKey, value: values[i] };
				const checked = checkRecord(entry.key, entry.value, from);
				if (checked?.ok) store.put(checked.value, entry.key);
				else if (checked) moved.push(quarantine(store, entry, checked.reason));
			}
			if (badMeta !== undefined) {
				moved.push(
					quarantine(store, { key: 'meta', value: badMeta }, 'unreadable meta record', true)
				);
			}
			store.put({ schemaVersion: SCHEMA_VERSION, createdAt: Date.now() }, 'meta');
		});
		return () => moved;
	});
}

/**
 * Runs the full check on records that failed the quick one: the values it accepts are added to
 * `values`, the others are moved to quarantine (and added to `moved`).
 */
export async function checkFailed<T>(
	transact: Transact,
	failed: Entry[],
	values: T[],
	moved: QuarantinedRecord[]
): Promise<void> {
	const bad: Entry[] = [];
	for (const entry of failed) {
		const checked = checkRecord(entry.key, entry.value);
		if (checked?.ok) values.push(checked.value as T);
		else if (checked) bad.push(entry);
	}
	moved.push(...(await setAside(transact, bad)));
}

/** Moves records that failed validation aside, unless another tab has fixed them meanwhile. */
async function setAside(transact: Transact, bad: Entry[]): Promise<QuarantinedRecord[]> {
	if (bad.length === 0) return [];
	return transact('readwrite', 'set aside unreadable records', (store, guard) => {
		const moved: QuarantinedRecord[] = [];
		for (const entry of bad) {
			const request = store.get(entry.key);
			request.onsuccess = guard(() => {
				const checked = checkRecord(entry.key, request.result);
				if (request.result !== undefined && checked && !checked.ok) {
					moved.push(quarantine(store, { key: entry.key, value: request.result }, checked.reason));
				}
			});
		}
		return () => moved;
	});
}

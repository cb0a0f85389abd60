/**
 * Plain copies of what goes into storage: checked, and free of Svelte `$state` proxies (which
 * IndexedDB cannot clone). A record that fails here is a bug in the caller, so it throws. These
 * run on every rating with the hand-written guards; quiz answers and imports, written seldom,
 * are checked with the valibot schemas in plain-checked.ts.
 */
import type { BackupMark } from '../domain/backup-reminder';
import { cardProblem, reviewRecordProblem } from '../domain/record-guards';
import type { ReviewRecord, StoredCard } from '../domain/scheduler';
import { validateSettings, type Settings } from '../domain/settings';
import { StorageWriteError } from './errors';

function invalid(what: string, reason: string): never {
	throw new StorageWriteError(`save the ${what}`, `invalid ${what}: ${reason}`);
}

export function plainCard(card: StoredCard): StoredCard {
	const reason = cardProblem(card);
	if (reason !== null) invalid('card', reason);
	return {
		id: card.id,
		due: card.due,
		stability: card.stability,
		difficulty: card.difficulty,
		elapsed_days: card.elapsed_days,
		scheduled_days: card.scheduled_days,
		learning_steps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state,
		last_review: card.last_review
	};
}

export function plainLog(log: ReviewRecord): ReviewRecord {
	const reason = reviewRecordProblem(log);
	if (reason !== null) invalid('rating', reason);
	return {
		card_id: log.card_id,
		rating: log.rating,
		state: log.state,
		due: log.due,
		stability: log.stability,
		difficulty: log.difficulty,
		elapsed_days: log.elapsed_days,
		last_elapsed_days: log.last_elapsed_days,
		scheduled_days: log.scheduled_days,
		learning_steps: log.learning_steps,
		review: log.review,
		duration_ms: log.duration_ms
	};
}

function markProblem(value: unknown): string | null {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
	const fields = Object.keys(value);
	const extra = fields.find((key) => key !== 'at' && key !== 'reviews');
	if (extra !== undefined) return `${extra}: unexpected field`;
	for (const key of ['at', 'reviews'] as const) {
		const field = (value as Record<string, unknown>)[key];
		if (!Number.isInteger(field) || (field as number) < 0) {
			return `${key}: expected a whole number ≥ 0, got ${JSON.stringify(field) ?? String(field)}`;
		}
	}
	return null;
}

/** A stored backup mark, or null when it is absent or unreadable (the reminder then shows). */
export function readMark(value: unknown): BackupMark | null {
	if (markProblem(value) !== null) return null;
	const { at, reviews } = value as BackupMark;
	return { at, reviews };
}

export function plainMark(mark: BackupMark): BackupMark {
	const reason = markProblem(mark);
	if (reason !== null) invalid('backup time', reason);
	return { at: mark.at, reviews: mark.reviews };
}

export function plainSettings(settings: Settings): Settings {
	const result = validateSettings(settings);
	if (!result.ok) {
		throw new StorageWriteError(
			'save the settings',
			result.errors.map((e) => e.message).join('; ')
		);
	}
	return result.settings;
}

/** A study day key ('YYYY-MM-DD'), checked before a counter is written under it. */
export function plainDay(day: string): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
		throw new StorageWriteError('save the rating', `invalid study day ${JSON.stringify(day)}`);
	}
	return day;
}

/** Keeps two records written in the same millisecond (two tabs) from sharing a key. */
export function randomSuffix(): string {
	return globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2);
}

/** Whether the stored card is the one the rating started from (no other tab rated it since). */
export function sameCard(stored: StoredCard | undefined, previous: StoredCard | null): boolean {
	const storedReps = stored?.reps ?? 0;
	const previousReps = previous?.reps ?? 0;
	return (
		storedReps === previousReps && (stored?.last_review ?? null) === (previous?.last_review ?? null)
	);
}

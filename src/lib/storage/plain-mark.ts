/**
 * The backup mark ('backup' in IndexedDB): checked by hand when read or written. Apart from
 * plain.ts because only the reminder and the backup panel use it, after start-up.
 */
import type { BackupMark } from '../domain/backup-reminder';
import { StorageWriteError } from './errors';

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
	if (reason !== null)
		throw new StorageWriteError('save the backup time', `invalid backup time: ${reason}`);
	return { at: mark.at, reviews: mark.reviews };
}

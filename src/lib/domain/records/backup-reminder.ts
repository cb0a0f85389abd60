/**
 * When to remind the user to make a backup. Apart from backup-export.ts so that Today, which
 * shows the reminder, loads neither the backup file's schema nor its validation library.
 */
import { DAY_MS } from '../study-day/study-day';

/** When the last backup was exported, and how many reviews there were then. */
export interface BackupMark {
	at: number;
	reviews: number;
}

export const REMIND_AFTER_DAYS = 14;
export const REMIND_AFTER_REVIEWS = 50;

/**
 * Whether to remind the user to export: no backup in 14 days and at least 50 reviews since the
 * last one (or since the start, when there never was one). Browsers may evict site data.
 */
export function backupReminderDue(
	mark: BackupMark | null,
	totalReviews: number,
	now: number
): boolean {
	const since = totalReviews - (mark?.reviews ?? 0);
	const old = mark === null || now - mark.at >= REMIND_AFTER_DAYS * DAY_MS;
	return old && since >= REMIND_AFTER_REVIEWS;
}

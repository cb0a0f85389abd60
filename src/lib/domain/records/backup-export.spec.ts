import { describe, expect, it } from 'vitest';
import { DAY_MS, history, T0 } from './backup.fixture';
import { backupFileName, reviewLogCsv } from './backup-export';
import { backupReminderDue } from './backup-reminder';

describe('reviewLogCsv', () => {
	it('writes the columns FSRS optimizers read, with their numbers for rating and state', () => {
		const h = history([
			['q1', 'good', T0],
			['q1', 'again', T0 + 10 * 60_000],
			['q2', 'easy', T0 + 60_000]
		]);
		expect(reviewLogCsv(h.logs).split('\r\n')).toEqual([
			'card_id,review_time,review_rating,review_state,review_duration',
			`q1,${T0},3,0,2500`,
			`q2,${T0 + 60_000},4,0,2500`,
			`q1,${T0 + 10 * 60_000},1,1,2500`,
			''
		]);
	});

	it('quotes commas and defuses spreadsheet formulas', () => {
		const [log] = history([['q1', 'good', T0]]).logs;
		const csv = reviewLogCsv([{ ...log!, card_id: '=cmd,1' }]);
		expect(csv.split('\r\n')[1]).toBe(`"'=cmd,1",${T0},3,0,2500`);
	});
});

describe('backupFileName', () => {
	it('names the file with the local date', () => {
		expect(backupFileName(new Date(2025, 2, 9, 23, 59).getTime())).toBe(
			'kizuna-backup-2025-03-09.json'
		);
		expect(backupFileName(new Date(2025, 2, 9).getTime(), 'review-log', 'csv')).toBe(
			'kizuna-review-log-2025-03-09.csv'
		);
	});
});

describe('backupReminderDue', () => {
	const now = T0 + 30 * DAY_MS;
	it('reminds after 14 days and 50 reviews since the last backup', () => {
		expect(backupReminderDue({ at: now - 14 * DAY_MS, reviews: 100 }, 150, now)).toBe(true);
		expect(backupReminderDue({ at: now - 13 * DAY_MS, reviews: 0 }, 500, now)).toBe(false);
		expect(backupReminderDue({ at: now - 60 * DAY_MS, reviews: 100 }, 149, now)).toBe(false);
	});
	it('counts from the start when there never was a backup', () => {
		expect(backupReminderDue(null, 49, now)).toBe(false);
		expect(backupReminderDue(null, 50, now)).toBe(true);
	});
});

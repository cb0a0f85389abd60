import { describe, expect, it } from 'vitest';
import { formatDue, formatShortDate } from './time-format';

describe('formatDue', () => {
	const now = Date.UTC(2026, 0, 5, 12);
	it('says minutes, then hours, then the date', () => {
		expect(formatDue(now + 60_000, now)).toBe('in 1 minute');
		expect(formatDue(now + 8 * 60_000, now)).toBe('in 8 minutes');
		expect(formatDue(now + 3 * 3_600_000, now)).toBe('in 3 hours');
		expect(formatDue(now + 3 * 86_400_000, now)).toMatch(/^on \w{3},? \d{1,2} Jan$/);
	});
});

describe('formatShortDate', () => {
	it('gives weekday, day and month in local time, as en-GB would', () => {
		for (const date of [
			new Date(2025, 0, 5),
			new Date(2025, 11, 31, 23, 59),
			new Date(2024, 1, 29)
		]) {
			const intl = date.toLocaleDateString('en-GB', {
				weekday: 'short',
				day: 'numeric',
				month: 'short'
			});
			expect(formatShortDate(date)).toBe(intl);
		}
	});
});

import { describe, expect, it } from 'vitest';
import { formatDue, formatDuration, formatInterval, formatShortDate } from './time-format';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('formatDuration', () => {
	it('shows seconds under a minute and minutes with seconds above', () => {
		expect(formatDuration(44_600)).toBe('45 s');
		expect(formatDuration(200_000)).toBe('3 min 20 s');
	});
});

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

describe('formatInterval', () => {
	it.each([
		[30_000, '1m'],
		[10 * MIN, '10m'],
		[59.7 * MIN, '1h'],
		[60 * MIN, '1h'],
		[5 * 60 * MIN, '5h'],
		[DAY, '1d'],
		[3 * DAY, '3d'],
		[60 * DAY, '2mo'],
		[350 * DAY, '1y'],
		[365 * DAY, '1y'],
		[548 * DAY, '1.5y']
	])('%d ms → %s', (ms, label) => {
		expect(formatInterval(ms)).toBe(label);
	});
});

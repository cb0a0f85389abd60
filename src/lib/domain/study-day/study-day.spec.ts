import { describe, expect, it } from 'vitest';
import { dayKey, previousDayKey, startOfNextStudyDay, startOfStudyDay, streak } from './study-day';

// Local-time constructors keep these tests right in any time zone.
const at = (d: number, h: number, m = 0) => new Date(2025, 2, d, h, m).getTime();

describe('the study day starting at 4 a.m.', () => {
	it('counts 3:59 a.m. as the previous day and 4:00 as the new one', () => {
		expect(dayKey(at(10, 3, 59), 4)).toBe('2025-03-09');
		expect(dayKey(at(10, 4, 0), 4)).toBe('2025-03-10');
		expect(dayKey(at(10, 23, 59), 4)).toBe('2025-03-10');
	});

	it('starts at 4:00 local time and ends at 4:00 the next calendar day', () => {
		expect(startOfStudyDay(at(10, 2), 4)).toBe(at(9, 4));
		expect(startOfStudyDay(at(10, 12), 4)).toBe(at(10, 4));
		expect(startOfNextStudyDay(at(10, 2), 4)).toBe(at(10, 4));
		expect(startOfNextStudyDay(at(10, 12), 4)).toBe(at(11, 4));
	});

	it('follows the configured hour (midnight)', () => {
		expect(dayKey(at(10, 0, 0), 0)).toBe('2025-03-10');
		expect(dayKey(at(1, 1), 4)).toBe('2025-02-28');
	});
});

describe('streak', () => {
	it('counts consecutive days up to today, or up to yesterday when today is not studied yet', () => {
		const days = ['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-03'];
		expect(streak(days, '2025-03-03')).toBe(1);
		expect(streak(days, '2025-03-02')).toBe(3);
		expect(streak(days, '2025-03-05')).toBe(0);
		expect(streak([], '2025-03-05')).toBe(0);
	});

	it('steps back over month and year ends', () => {
		expect(previousDayKey('2025-03-01')).toBe('2025-02-28');
		expect(previousDayKey('2024-03-01')).toBe('2024-02-29');
		expect(previousDayKey('2025-01-01')).toBe('2024-12-31');
	});
});

import { expect, it, vi } from 'vitest';
import { dayKey, startOfNextStudyDay, startOfStudyDay } from './study-day';

// Node reads TZ when it changes; this file runs in its own worker, so other tests are unaffected.
vi.stubEnv('TZ', 'Europe/Berlin');

it('a study day across the spring daylight-saving change lasts 23 hours, 4 a.m. to 4 a.m.', () => {
	const noon = Date.parse('2025-03-29T12:00:00+01:00');
	const start = startOfStudyDay(noon, 4);
	const end = startOfNextStudyDay(noon, 4);
	expect(start).toBe(Date.parse('2025-03-29T04:00:00+01:00'));
	expect(end).toBe(Date.parse('2025-03-30T04:00:00+02:00'));
	expect((end - start) / 3_600_000).toBe(23);
	expect(dayKey(Date.parse('2025-03-30T03:30:00+02:00'), 4)).toBe('2025-03-29');
});

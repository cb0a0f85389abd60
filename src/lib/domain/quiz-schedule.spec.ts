import { describe, expect, it } from 'vitest';
import { QUIZ_COUNTS_TOWARD_SCHEDULE_DEFAULT, scheduleEffect } from './quiz-schedule';

describe('scheduleEffect', () => {
	it('is off by default', () => {
		expect(QUIZ_COUNTS_TOWARD_SCHEDULE_DEFAULT).toBe(false);
	});

	it('changes nothing when the setting is off', () => {
		for (const status of ['new', 'due', 'not-due', 'none'] as const) {
			expect(scheduleEffect(false, true, status)).toBeNull();
			expect(scheduleEffect(false, false, status)).toBeNull();
		}
	});

	it('grades a new or due card Good when right, Again when wrong', () => {
		expect(scheduleEffect(true, true, 'new')).toBe('good');
		expect(scheduleEffect(true, true, 'due')).toBe('good');
		expect(scheduleEffect(true, false, 'new')).toBe('again');
		expect(scheduleEffect(true, false, 'due')).toBe('again');
	});

	it('leaves a card that is not due, or no card, alone', () => {
		expect(scheduleEffect(true, true, 'not-due')).toBeNull();
		expect(scheduleEffect(true, false, 'not-due')).toBeNull();
		expect(scheduleEffect(true, false, 'none')).toBeNull();
	});
});

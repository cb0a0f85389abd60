import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '$lib/domain/records/settings';
import { clearPassedExam, type ExamHolder } from './exam';
import type { Writer } from './writer';

/** Progress as the exam check sees it, at the time `now` is set to. */
function holder(examDate: string | null) {
	const saved: Settings[] = [];
	let settings: Settings = { ...DEFAULT_SETTINGS, examDate };
	const fake: ExamHolder & Pick<Writer, 'saveSettings'> & { saved: Settings[]; now: number } = {
		saved,
		now: 0,
		clock: () => fake.now,
		get settings() {
			return settings;
		},
		status: { notice: null },
		async saveSettings(next) {
			saved.push(next);
			settings = next;
		}
	};
	return fake;
}

const at = (d: number, h: number) => new Date(2026, 5, d, h).getTime();

/** Whether the check, run at `time`, cleared the exam date. */
function clearedAt(exam: ReturnType<typeof holder>, time: number) {
	exam.now = time;
	return clearPassedExam(exam, exam);
}

describe('an exam date that has passed', () => {
	it('stays through the exam day, until the next study day starts', async () => {
		const exam = holder('2026-06-15');
		expect(await clearedAt(exam, at(15, 23))).toBe(false);
		// 3 a.m. on the 16th is still the 15th's study day (days start at 4).
		expect(await clearedAt(exam, at(16, 3))).toBe(false);
		expect(exam.saved).toEqual([]);
	});

	it('is cleared the day after, with a one-line notice naming it', async () => {
		const exam = holder('2026-06-15');
		expect(await clearedAt(exam, at(16, 5))).toBe(true);
		expect(exam.saved).toEqual([{ ...DEFAULT_SETTINGS, examDate: null }]);
		expect(exam.status.notice).toMatch(
			/^Your exam day \(.*15.*\) has passed, so the exam date was cleared\.$/
		);
		expect(await clearedAt(holder(null), at(16, 5))).toBe(false);
	});
});

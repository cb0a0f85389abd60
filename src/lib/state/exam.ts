/** An exam date that has passed clears itself, with a one-line notice. */
import { examDayStart } from '$lib/domain/exam/exam';
import { examDaysLeft } from '$lib/domain/exam/exam-date';
import type { Settings } from '$lib/domain/records/settings';
import { formatShortDate } from '$lib/domain/study-day/time-format';
import type { Writer } from './writer';

/** What this needs of the progress state (passed in, so a test gives its own). */
export interface ExamHolder {
	readonly settings: Settings;
	readonly status: { notice: string | null };
	/** What the time is now (Progress's clock). */
	clock(): number;
}

/** Clears the exam date once its day is over by the holder's clock; returns whether it did. */
export async function clearPassedExam(
	holder: ExamHolder,
	writer: Pick<Writer, 'saveSettings'>
): Promise<boolean> {
	const now = holder.clock();
	const { examDate, dayStartHour } = holder.settings;
	if (examDate === null || examDaysLeft(examDate, now, dayStartHour) >= 0) return false;
	await writer.saveSettings({ ...holder.settings, examDate: null });
	const day = formatShortDate(new Date(examDayStart(examDate, dayStartHour)));
	holder.status.notice = `Your exam day (${day}) has passed, so the exam date was cleared.`;
	return true;
}

/**
 * Plain, checked copies of what is written seldom: quiz answers and imports, checked with the
 * valibot schemas. Storage loads this module when it first writes one, so the review page never
 * loads valibot. A record that fails here is a bug in the caller, so it throws.
 */
import { countDays } from '../domain/backup-merge';
import { parse, QuizAnswerSchema, type QuizAnswerRecord } from './records';
import { StorageWriteError } from './errors';
import { plainCard, plainLog, plainSettings } from './plain';
import { plainMark } from './plain-mark';
import type { ImportData } from './types';

export function plainQuiz(answer: QuizAnswerRecord): QuizAnswerRecord {
	const result = parse(QuizAnswerSchema, answer);
	if (!result.ok) {
		throw new StorageWriteError('save the quiz answer', `invalid quiz answer: ${result.reason}`);
	}
	return result.value;
}

/**
 * Plain, validated copies of everything an import writes, with the day counters its log gives.
 * Throws `StorageWriteError` before anything is written.
 */
export function plainImport(data: ImportData) {
	const settings = plainSettings(data.settings);
	const logs = data.logs.map(plainLog);
	return {
		cards: data.cards.map(plainCard),
		logs,
		quiz: data.quiz.map(plainQuiz),
		settings,
		days: countDays(logs, settings.dayStartHour),
		backupMark: data.backupMark === undefined ? undefined : plainMark(data.backupMark)
	};
}

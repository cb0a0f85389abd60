/** Review histories and a valid backup for the backup tests, built through the real scheduler. */
import { buildBackup } from './backup-export';
import type { Backup } from './backup-schema';
import type { QuizAnswerRecord } from '../quiz/quiz-record';
import { newCard, type Rating, type ReviewRecord, type StoredCard } from '../schedule/scheduler';
import { scheduler } from '../schedule/scheduler.fixture';
import { DEFAULT_SETTINGS, type Settings } from './settings';

// Local 9 a.m.: the histories' ratings an hour or two apart stay on one study day in any time zone.
export const T0 = new Date(2025, 0, 6, 9, 0).getTime();
export const NOW = Date.UTC(2025, 2, 1, 12, 0);
export const HOUR = 3_600_000;
export const DAY_MS = 24 * HOUR;

export interface History {
	cards: StoredCard[];
	logs: ReviewRecord[];
}

/** Rates each `[cardId, rating, at]` in time order, as the app would. */
export function history(ratings: readonly (readonly [string, Rating, number])[]): History {
	const cards = new Map<string, StoredCard>();
	const logs: ReviewRecord[] = [];
	for (const [id, rating, at] of [...ratings].sort((a, b) => a[2] - b[2])) {
		const result = scheduler.rate(cards.get(id) ?? newCard(id, at), rating, at, 2500);
		cards.set(id, result.card);
		logs.push(result.log);
	}
	return { cards: [...cards.values()], logs };
}

export function quizAnswer(questionId: string, at: number, correct = true): QuizAnswerRecord {
	return {
		questionId,
		framework: 'eas',
		given: correct ? 'East Asia Summit' : ['a', 'b'],
		correct,
		...(correct ? {} : { pickedDistractor: ['b'] }),
		durationMs: 4000,
		answeredAt: at
	};
}

export function sampleBackup(settings: Settings = DEFAULT_SETTINGS): Backup {
	const { cards, logs } = history([
		['eas.members.recall', 'good', T0],
		['eas.members.recall', 'good', T0 + 10 * 60_000],
		['arf.founded.cloze', 'again', T0 + HOUR],
		['arf.founded.cloze', 'easy', T0 + DAY_MS],
		['g7.summit.recall', 'easy', T0 + 2 * DAY_MS]
	]);
	return buildBackup({
		cards,
		logs,
		quiz: [
			quizAnswer('eas.members.choice', T0 + 3 * DAY_MS),
			quizAnswer('arf.x.choice', T0, false)
		],
		settings: { ...settings },
		appVersion: '0.1.0',
		bankVersion: '1c5ea118f7dd38',
		now: T0 + 4 * DAY_MS
	});
}

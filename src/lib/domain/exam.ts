/**
 * How much of what was studied is predicted to be recalled on the exam day (by FSRS's forgetting
 * curve, with no further reviews). Loaded by Today and Stats only when an exam date is set.
 */
import type { Recall } from './recall';
import type { StoredCard } from './card';
import { examDaysLeft } from './exam-date';
import { dayKey, type DayKey } from './study-day';

/** When the exam's study day starts (epoch ms, local time). */
export function examDayStart(examDate: DayKey, startHour: number): number {
	const [y, m, d] = examDate.split('-').map(Number) as [number, number, number];
	return new Date(y, m - 1, d, startHour).getTime();
}

export interface RecallOutlook {
	/** Cards reviewed at least once: the ones a prediction exists for. */
	studied: number;
	/** Their mean predicted probability of recall, 0–1 (null when none was studied). */
	recall: number | null;
	/** How many of them are predicted below the desired retention. */
	below: number;
}

/** The predicted recall at `at` of every studied card, if nothing is reviewed until then. */
export function recallOutlook(
	cards: Iterable<StoredCard>,
	recall: Recall,
	at: number,
	desiredRetention: number
): RecallOutlook {
	let studied = 0;
	let sum = 0;
	let below = 0;
	for (const card of cards) {
		if (card.state === 'new' || card.last_review === null) continue;
		const probability = recall.recallProbability(card, at);
		studied += 1;
		sum += probability;
		if (probability < desiredRetention) below += 1;
	}
	return { studied, recall: studied === 0 ? null : sum / studied, below };
}

export interface RecallPoint {
	day: DayKey;
	/** Mean predicted recall of the studied cards at the start of that study day, 0–1. */
	recall: number;
}

/**
 * Predicted recall from today to the exam day, a point per day (every few days when the exam is
 * far off, at most `maxPoints`, the exam day always last). Empty when nothing was studied.
 */
export function recallForecast(
	cards: readonly StoredCard[],
	recall: Recall,
	now: number,
	examDate: DayKey,
	startHour: number,
	maxPoints = 60
): RecallPoint[] {
	const daysLeft = examDaysLeft(examDate, now, startHour);
	if (daysLeft < 0) return [];
	const step = Math.max(1, Math.ceil(daysLeft / (maxPoints - 1)));
	const offsets: number[] = [];
	for (let offset = 0; offset < daysLeft; offset += step) offsets.push(offset);
	offsets.push(daysLeft);
	const [y, m, d] = examDate.split('-').map(Number) as [number, number, number];
	const points: RecallPoint[] = [];
	for (const offset of offsets) {
		// Today is now; a later day from its start, as the exam day itself is counted.
		const date = new Date(y, m - 1, d - (daysLeft - offset), startHour);
		const at = offset === 0 ? now : date.getTime();
		const outlook = recallOutlook(cards, recall, at, 0);
		if (outlook.recall === null) return [];
		points.push({ day: dayKey(at, startHour), recall: outlook.recall });
	}
	return points;
}

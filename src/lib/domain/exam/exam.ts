/**
 * How much of what was studied is predicted to be recalled on the exam day (by FSRS's forgetting
 * curve, with no further reviews). Loaded by Today only when an exam date is set; the plan to the
 * exam is ./exam-plan.ts.
 */
import type { Recall } from '../schedule/recall';
import type { StoredCard } from '../schedule/card';
import type { DayKey } from '../study-day/study-day';

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

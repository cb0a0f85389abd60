/** Quiz statistics from the saved answers: accuracy per framework and the most confused pairs. */
import type { Question } from '../bank/bank';
import type { QuizAnswerRecord } from '../quiz/quiz-record';

export interface QuizAccuracy {
	framework: string;
	answered: number;
	correct: number;
	/** correct / answered, 0–1. */
	accuracy: number;
}

/**
 * Accuracy per framework, in `frameworkOrder` (the bank's); frameworks the bank no longer has
 * follow in id order, so old answers are still counted somewhere visible.
 */
export function quizAccuracy(
	answers: Iterable<QuizAnswerRecord>,
	frameworkOrder: readonly string[]
): QuizAccuracy[] {
	const rows = new Map<string, { answered: number; correct: number }>();
	for (const answer of answers) {
		const row = rows.get(answer.framework) ?? { answered: 0, correct: 0 };
		row.answered += 1;
		if (answer.correct) row.correct += 1;
		rows.set(answer.framework, row);
	}
	const rank = new Map(frameworkOrder.map((id, i) => [id, i]));
	return [...rows.entries()]
		.sort(
			([a], [b]) =>
				(rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0)
		)
		.map(([framework, row]) => ({ framework, ...row, accuracy: row.correct / row.answered }));
}

export interface ConfusedPair {
	/** The right answer, as in the bank (several right answers joined with ', '). */
	answer: string;
	/** The distractor picked instead. */
	picked: string;
	count: number;
}

/** How many pairs the stats page lists. */
const CONFUSED_PAIRS_LIMIT = 10;

/**
 * The answer / picked-distractor pairs that came up most often in wrong quiz answers, most
 * frequent first (ties in alphabetical order), at most `limit`. True/false questions are left
 * out: "True instead of False" says nothing about what was confused. Answers to questions that
 * are no longer in the bank are skipped, as their right answer is unknown.
 */
export function confusedPairs(
	answers: Iterable<QuizAnswerRecord>,
	questionOf: (id: string) => Question | undefined,
	limit = CONFUSED_PAIRS_LIMIT
): ConfusedPair[] {
	const counts = new Map<string, ConfusedPair>();
	for (const record of answers) {
		if (record.correct || record.pickedDistractor === undefined) continue;
		const question = questionOf(record.questionId);
		if (!question || question.kind === 'truefalse') continue;
		const answer =
			typeof question.answer === 'string' ? question.answer : question.answer.join(', ');
		const picks =
			typeof record.pickedDistractor === 'string'
				? [record.pickedDistractor]
				: record.pickedDistractor;
		for (const picked of picks) {
			const key = JSON.stringify([answer, picked]);
			const pair = counts.get(key) ?? { answer, picked, count: 0 };
			pair.count += 1;
			counts.set(key, pair);
		}
	}
	return [...counts.values()]
		.sort(
			(a, b) =>
				b.count - a.count ||
				a.answer.localeCompare(b.answer, 'en') ||
				a.picked.localeCompare(b.picked, 'en')
		)
		.slice(0, limit);
}

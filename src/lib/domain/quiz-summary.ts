/**
 * The end-of-quiz summary: score, per-framework breakdown, time, and the missed questions with
 * their answers, from which "retry only the mistakes" starts.
 */
import type { Question } from './bank';
import type { QuizResult } from './quiz-record';

export interface Score {
	right: number;
	total: number;
}

export interface MissedQuestion {
	question: Question;
	given: QuizResult['response'];
	/** The correct answer, as in the bank. */
	answer: string | string[];
}

export interface QuizSummary extends Score {
	/** Framework id → score, in the order the frameworks first came up in the quiz. */
	byFramework: Map<string, Score>;
	/** Time spent answering: the sum of the answers' durations. */
	durationMs: number;
	missed: MissedQuestion[];
}

/** Summarizes the answered questions of one quiz, in the order they were answered. */
export function summarizeQuiz(results: readonly QuizResult[]): QuizSummary {
	const byFramework = new Map<string, Score>();
	let right = 0;
	let durationMs = 0;
	const missed: MissedQuestion[] = [];
	for (const result of results) {
		const { question, grade } = result;
		const score = byFramework.get(question.framework) ?? { right: 0, total: 0 };
		score.total += 1;
		if (grade.correct) {
			score.right += 1;
			right += 1;
		} else {
			missed.push({ question, given: result.response, answer: question.answer });
		}
		byFramework.set(question.framework, score);
		durationMs += result.durationMs;
	}
	return { right, total: results.length, byFramework, durationMs, missed };
}

/** The questions answered wrongly, once each, in quiz order: the input of "retry the mistakes". */
export function mistakesOf(results: readonly QuizResult[]): Question[] {
	const seen = new Set<string>();
	const mistakes: Question[] = [];
	for (const { question, grade } of results) {
		if (!grade.correct && !seen.has(question.id)) {
			seen.add(question.id);
			mistakes.push(question);
		}
	}
	return mistakes;
}

/**
 * The end-of-quiz summary: score, per-framework breakdown, time, the missed questions with the
 * answer given beside the right one, the skipped ones and how many a quit left unasked; from it
 * "retry the mistakes" starts.
 */
import type { Question } from '../bank/bank';
import type { QuizResponse } from './quiz-grade';
import type { QuizResult } from './quiz-record';
import type { QuizItem } from './quiz-sample';

export interface Score {
	right: number;
	total: number;
}

export interface MissedQuestion {
	question: Question;
	given: QuizResult['response'];
	/** "I don't know" rather than a wrong answer. */
	gaveUp: boolean;
	/** The correct answer, as in the bank. */
	answer: string | string[];
}

export interface QuizSummary extends Score {
	/** Framework id → score, in the order the frameworks first came up in the quiz. */
	byFramework: Map<string, Score>;
	/** Time spent answering: the sum of the answers' durations. */
	durationMs: number;
	missed: MissedQuestion[];
	/** Questions passed over with Skip, in quiz order. */
	skipped: Question[];
	/** Questions never asked because the quiz was quit before them. */
	notAsked: number;
}

/**
 * Summarizes the answered questions of one quiz (`results`, in the order answered) whose first
 * `asked` of `items` were asked: an asked item with no result was skipped.
 */
export function summarizeQuiz(
	results: readonly QuizResult[],
	items: readonly QuizItem[] = [],
	asked = items.length
): QuizSummary {
	const byFramework = new Map<string, Score>();
	let right = 0;
	let durationMs = 0;
	const missed: MissedQuestion[] = [];
	const answered = new Set<string>();
	for (const result of results) {
		const { question, grade } = result;
		answered.add(question.id);
		const score = byFramework.get(question.framework) ?? { right: 0, total: 0 };
		score.total += 1;
		if (grade.correct) {
			score.right += 1;
			right += 1;
		} else {
			missed.push({
				question,
				given: result.response,
				gaveUp: result.gaveUp === true,
				answer: question.answer
			});
		}
		byFramework.set(question.framework, score);
		durationMs += result.durationMs;
	}
	const skipped = items
		.slice(0, asked)
		.map((item) => item.question)
		.filter((question) => !answered.has(question.id));
	return {
		right,
		total: results.length,
		byFramework,
		durationMs,
		missed,
		skipped,
		notAsked: Math.max(0, items.length - asked)
	};
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

/** `question`'s right answer as one line: a matching pairs each item with its answer. */
export function answerText(question: Question): string {
	const { answer, items } = question;
	if (typeof answer === 'string') return answer;
	if (items) return items.map((item, i) => `${item} → ${answer[i] ?? ''}`).join('; ');
	return answer.join(', ');
}

/** What was answered to `question`, as one line beside `answerText`; '—' for nothing. */
export function givenText(question: Question, response: QuizResponse): string {
	switch (response.kind) {
		case 'choice':
			return response.value || '—';
		case 'choices':
			return response.values.length > 0 ? response.values.join(', ') : '—';
		case 'typed':
			return response.text.trim() || '—';
		case 'matching':
			return (question.items ?? [])
				.map((item, i) => `${item} → ${response.pairs[i] || '—'}`)
				.join('; ');
	}
}

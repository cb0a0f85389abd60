/**
 * One answered quiz question: what is kept of it in memory for the summary (`QuizResult`) and
 * what storage saves (`QuizAnswerRecord`), which also feeds the "often confused" statistics.
 */
import type { Question } from '../bank/bank';
import { givenOf, type GradeResult, type QuizResponse } from './quiz-grade';

export interface QuizAnswerRecord {
	questionId: string;
	framework: string;
	/** The chosen text(s), the typed text or the matching pairs aligned with the items. */
	given: string | string[];
	correct: boolean;
	/** Set when a typed answer was accepted despite one slip. */
	typo?: { given: string; expected: string };
	/** The distractor(s) picked in a wrong choice answer. */
	pickedDistractor?: string | string[];
	/**
	 * Set when the grader refused a typed answer and the learner said "I was right": `correct` is
	 * then true on their word, and this says it was not the grader's.
	 */
	overridden?: true;
	durationMs: number;
	/** Epoch milliseconds. */
	answeredAt: number;
}

/** A graded answer with its question, as the summary needs it. */
export interface QuizResult {
	question: Question;
	response: QuizResponse;
	/** As graded, or after "I was right" counted right (`overridden`). */
	grade: GradeResult;
	durationMs: number;
	answeredAt: number;
	/** "I don't know": the empty response of its kind, counted wrong. */
	gaveUp?: true;
	/** "I was right": the grader refused this typed answer, the learner counted it right. */
	overridden?: true;
}

/** The record storage saves for `result`. */
export function toAnswerRecord(result: QuizResult): QuizAnswerRecord {
	const { question, response, grade, durationMs, answeredAt, overridden } = result;
	return {
		questionId: question.id,
		framework: question.framework,
		given: givenOf(response),
		correct: grade.correct,
		...(grade.typo ? { typo: { ...grade.typo } } : {}),
		...(grade.pickedDistractor !== undefined
			? {
					pickedDistractor:
						typeof grade.pickedDistractor === 'string'
							? grade.pickedDistractor
							: grade.pickedDistractor.slice()
				}
			: {}),
		...(overridden ? { overridden } : {}),
		durationMs,
		answeredAt
	};
}

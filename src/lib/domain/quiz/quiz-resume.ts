/**
 * A quiz left mid-way, as storage keeps it (`OpenQuiz`, under 'openQuiz'), so leaving the quiz
 * page never drops a quiz: the page offers to resume it. The answers themselves are already
 * saved as quiz answer records when given; this keeps what the quiz needs to go on: its
 * questions in their order, its options as shown, how far it got and what was answered.
 */
import type { Question } from '../bank/bank';
import { giveUp, gradeAnswer, responseKindOf, type QuizResponse } from './quiz-grade';
import type { QuizResult } from './quiz-record';
import { displayChoicesOf, quizKindOf, type QuizItem } from './quiz-sample';
import { quote } from '../records/quote';

export interface OpenQuizItem {
	questionId: string;
	/** The options in the order shown (absent for a typed answer). */
	displayChoices?: string[];
}

/** One answer of the open quiz: the response is kept, its grade is worked out again. */
export interface OpenQuizAnswer {
	questionId: string;
	response: QuizResponse;
	/** "I don't know": counted wrong, with the empty response of its kind. */
	gaveUp?: true;
	/** "I was right": a refused typed answer counted right on the learner's word. */
	overridden?: true;
	durationMs: number;
	answeredAt: number;
}

export interface OpenQuiz {
	items: OpenQuizItem[];
	/** How many items were asked (answered or skipped): the next one is `items[next]`. */
	next: number;
	/** The answers, in the order given. */
	answers: OpenQuizAnswer[];
	/** Epoch ms. */
	startedAt: number;
}

/** The stored form of a quiz whose first `next` items were asked. */
export function openQuizOf(
	items: readonly QuizItem[],
	results: readonly QuizResult[],
	next: number,
	startedAt: number
): OpenQuiz {
	return {
		items: items.map(({ question, displayChoices }) =>
			displayChoices
				? { questionId: question.id, displayChoices: [...displayChoices] }
				: { questionId: question.id }
		),
		next,
		answers: results.map((result) => ({
			questionId: result.question.id,
			response: structuredClone(result.response),
			...(result.gaveUp ? { gaveUp: true as const } : {}),
			...(result.overridden ? { overridden: true as const } : {}),
			durationMs: result.durationMs,
			answeredAt: result.answeredAt
		})),
		startedAt
	};
}

export interface ResumedQuiz {
	items: QuizItem[];
	results: QuizResult[];
	next: number;
}

function sameOptions(shown: readonly string[], choices: readonly string[]): boolean {
	const set = new Set(choices);
	return shown.length === choices.length && shown.every((choice) => set.has(choice));
}

/**
 * The quiz `open` describes, on today's `questions`. The bank may have changed since (an update):
 * a question gone is left out, options that changed are shuffled again with `seed`, and an answer
 * that no longer fits its question is left out of the summary (it stays in the history).
 */
export function resumeQuiz(
	open: OpenQuiz,
	questions: readonly Question[],
	seed: number
): ResumedQuiz {
	const byId = new Map(questions.map((q) => [q.id, q]));
	const items: QuizItem[] = [];
	let next = 0;
	for (const [index, item] of open.items.entries()) {
		const question = byId.get(item.questionId);
		if (!question || quizKindOf(question) === null) continue;
		if (index < open.next) next += 1;
		const shown = item.displayChoices;
		const displayChoices =
			shown && question.choices && sameOptions(shown, question.choices)
				? [...shown]
				: displayChoicesOf(question, seed);
		items.push(displayChoices ? { question, displayChoices } : { question });
	}
	const results: QuizResult[] = [];
	for (const answer of open.answers) {
		const question = byId.get(answer.questionId);
		if (!question || !items.some((item) => item.question === question)) continue;
		try {
			if (responseKindOf(question) !== answer.response.kind) continue;
			const grade = answer.gaveUp ? giveUp(question).grade : gradeAnswer(question, answer.response);
			results.push({
				question,
				response: answer.response,
				grade: answer.overridden ? { ...grade, correct: true } : grade,
				durationMs: answer.durationMs,
				answeredAt: answer.answeredAt,
				...(answer.gaveUp ? { gaveUp: true as const } : {}),
				...(answer.overridden ? { overridden: true as const } : {})
			});
		} catch {
			// A recall card now, or a matching question of another length: not gradable any more.
		}
	}
	return { items, results, next };
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isTexts = (value: unknown): value is string[] =>
	Array.isArray(value) && value.every((v) => typeof v === 'string');
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
const isId = (value: unknown) => typeof value === 'string' && value.length > 0;

type Fields = Record<
	string,
	[check: (v: unknown) => boolean, expected: string, optional?: boolean]
>;

/** The first of `keys` missing from or wrong in `value`, or an extra field, as a problem. */
function fieldsProblem(
	value: Record<string, unknown>,
	path: string,
	fields: Fields
): string | null {
	for (const [key, [check, expected, optional]] of Object.entries(fields)) {
		if (optional && value[key] === undefined) continue;
		if (!check(value[key])) return `${path}${key}: expected ${expected}, got ${quote(value[key])}`;
	}
	const extra = Object.keys(value).find((key) => !Object.hasOwn(fields, key));
	return extra === undefined ? null : `${path}${extra}: unexpected field`;
}

const isText = (value: unknown) => typeof value === 'string';

/** Per kind of response, the field holding the answer. */
const RESPONSE_FIELDS: Record<QuizResponse['kind'], Fields> = {
	choice: { value: [isText, 'a string'] },
	choices: { values: [isTexts, 'a list of strings'] },
	typed: { text: [isText, 'a string'] },
	matching: { pairs: [isTexts, 'a list of strings'] }
};

function responseProblem(value: unknown, path: string): string | null {
	if (!isObject(value)) return `${path}: expected an object, got ${quote(value)}`;
	const kind = value.kind;
	if (typeof kind !== 'string' || !Object.hasOwn(RESPONSE_FIELDS, kind))
		return `${path}.kind: expected one of choice, choices, typed, matching, got ${quote(kind)}`;
	return fieldsProblem(value, `${path}.`, {
		kind: [() => true, 'a kind'],
		...RESPONSE_FIELDS[kind as QuizResponse['kind']]
	});
}

/**
 * Why `value` is not an open quiz, as "field: expected …, got …" (storage's read and write checks
 * and the reason of a quarantine); null when it is one.
 */
export function openQuizProblem(value: unknown): string | null {
	if (!isObject(value)) return `(record): expected an object, got ${quote(value)}`;
	const top = fieldsProblem(value, '', {
		items: [Array.isArray, 'a list'],
		next: [isCount, 'a whole number ≥ 0'],
		answers: [Array.isArray, 'a list'],
		startedAt: [Number.isInteger, 'a whole number of ms']
	});
	if (top) return top;
	const items = value.items as unknown[];
	if ((value.next as number) > items.length)
		return `next: expected at most ${items.length} (the number of items), got ${quote(value.next)}`;
	for (const [i, item] of items.entries()) {
		if (!isObject(item)) return `items[${i}]: expected an object, got ${quote(item)}`;
		const problem = fieldsProblem(item, `items[${i}].`, {
			questionId: [isId, 'a non-empty string'],
			displayChoices: [isTexts, 'a list of strings', true]
		});
		if (problem) return problem;
	}
	for (const [i, answer] of (value.answers as unknown[]).entries()) {
		if (!isObject(answer)) return `answers[${i}]: expected an object, got ${quote(answer)}`;
		const problem =
			fieldsProblem(answer, `answers[${i}].`, {
				questionId: [isId, 'a non-empty string'],
				response: [() => true, 'a response'],
				gaveUp: [(v) => v === true, 'true', true],
				overridden: [(v) => v === true, 'true', true],
				durationMs: [isCount, 'a whole number ≥ 0'],
				answeredAt: [Number.isInteger, 'a whole number of ms']
			}) ?? responseProblem(answer.response, `answers[${i}].response`);
		if (problem) return problem;
	}
	return null;
}

/** Whether `value` is an open quiz storage can hand to the quiz page. */
export function isOpenQuiz(value: unknown): value is OpenQuiz {
	return openQuizProblem(value) === null;
}

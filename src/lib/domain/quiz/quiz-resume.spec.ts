import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '../bank/bank';
import { giveUp, gradeAnswer, type QuizResponse } from './quiz-grade';
import type { QuizResult } from './quiz-record';
import { isOpenQuiz, openQuizOf, openQuizProblem, resumeQuiz, type OpenQuiz } from './quiz-resume';
import { displayChoicesOf, type QuizItem } from './quiz-sample';
import { questionById, SAMPLE_QUESTIONS } from '../bank/sample-bank.fixture';

const T0 = Date.UTC(2025, 0, 15, 9, 0, 0);
// Asked in this order: the first answered wrong and marked "I was right", the second given up,
// the third skipped (no result); two not asked yet.
const ids = [
	'eas-maritime.cloze',
	'arf-stages.matching',
	'eas-founded.single',
	'eas-members.multi',
	'g7-hiroshima.cloze'
];
const items: QuizItem[] = ids.map((id) => {
	const question = questionById(id);
	const displayChoices = displayChoicesOf(question, 7);
	return displayChoices ? { question, displayChoices } : { question };
});
const at = (id: string) => questionById(id);

function result(question: Question, response: QuizResponse): QuizResult {
	const grade = gradeAnswer(question, response);
	return { question, response, grade, durationMs: 900, answeredAt: T0 };
}

const refused = result(at('eas-maritime.cloze'), { kind: 'typed', text: 'sea lanes' });
const gaveUp = giveUp(at('arf-stages.matching'));
const results: QuizResult[] = [
	{ ...refused, grade: { ...refused.grade, correct: true }, overridden: true },
	{ ...result(at('arf-stages.matching'), gaveUp.response), grade: gaveUp.grade, gaveUp: true }
];

/** As storage gives it back: a plain copy. */
const stored = (open: OpenQuiz): OpenQuiz => JSON.parse(JSON.stringify(open)) as OpenQuiz;

describe('resumeQuiz', () => {
	it('brings back the questions in their order, the options as shown, the answers and where it was', () => {
		const open = stored(openQuizOf(items, results, 3, T0));
		const resumed = resumeQuiz(open, SAMPLE_QUESTIONS, 99);
		expect(resumed.items).toEqual(items);
		expect(resumed.next).toBe(3);
		expect(resumed.results).toEqual(results);
		expect(resumed.results.map((r) => r.grade.correct)).toEqual(
			results.map((r) => r.grade.correct)
		);
	});

	it('leaves out a question the bank no longer has, and shuffles options that changed', () => {
		const open = stored(openQuizOf(items, results, 3, T0));
		const gone = 'arf-stages.matching';
		const multi = at('eas-members.multi');
		const changed = { ...multi, choices: [...(multi.choices ?? []).slice(0, 3), 'Mongolia'] };
		const bank = SAMPLE_QUESTIONS.filter((q) => q.id !== gone).map((q) =>
			q.id === multi.id ? changed : q
		);
		const resumed = resumeQuiz(open, bank, 99);
		expect(resumed.items.map((item) => item.question.id)).toEqual(
			items.map((item) => item.question.id).filter((id) => id !== gone)
		);
		// Two of the three asked are still there.
		expect(resumed.next).toBe(2);
		expect(resumed.results.map((r) => r.question.id)).not.toContain(gone);
		const shown = resumed.items.find((item) => item.question.id === multi.id)?.displayChoices;
		expect([...(shown ?? [])].sort()).toEqual([...changed.choices].sort());
	});

	it('leaves out an answer that no longer fits its question', () => {
		const single = at('eas-founded.single');
		const open = stored(
			openQuizOf(items, [result(single, { kind: 'choice', value: '2005' })], 1, T0)
		);
		const asCloze = SAMPLE_QUESTIONS.map((q) =>
			q.id === single.id ? { ...q, kind: 'cloze' as const, choices: undefined } : q
		);
		expect(resumeQuiz(open, asCloze, 1).results).toEqual([]);
	});
});

const valid: OpenQuiz = stored(openQuizOf(items, results, 3, T0));

describe('openQuizProblem', () => {
	it('accepts a kept quiz', () => {
		expect(openQuizProblem(valid)).toBeNull();
		expect(isOpenQuiz(valid)).toBe(true);
	});

	it.each([
		['garbage', '(record): expected an object, got "garbage"'],
		[{ ...valid, items: 'q1' }, 'items: expected a list, got "q1"'],
		[{ ...valid, next: 9 }, `next: expected at most ${items.length} (the number of items), got 9`],
		[{ ...valid, next: -1 }, 'next: expected a whole number ≥ 0, got -1'],
		[
			{ ...valid, items: [{ questionId: '' }], next: 0 },
			'items[0].questionId: expected a non-empty string, got ""'
		],
		[
			{ ...valid, items: [{ questionId: 'q', displayChoices: ['a', 2] }], next: 0 },
			'items[0].displayChoices: expected a list of strings, got ["a",2]'
		],
		[
			{ ...valid, answers: [{ ...valid.answers[0], response: { kind: 'essay', text: 'x' } }] },
			'answers[0].response.kind: expected one of choice, choices, typed, matching, got "essay"'
		],
		[
			{ ...valid, answers: [{ ...valid.answers[0], response: { kind: 'typed', text: 3 } }] },
			'answers[0].response.text: expected a string, got 3'
		],
		[
			{ ...valid, answers: [{ ...valid.answers[0], gaveUp: false }] },
			'answers[0].gaveUp: expected true, got false'
		],
		[{ ...valid, owner: 'x' }, 'owner: unexpected field']
	] as [unknown, string][])('names the first problem of a bad quiz (case %#)', (value, reason) => {
		expect(openQuizProblem(value)).toBe(reason);
		expect(isOpenQuiz(value)).toBe(false);
	});

	it('never throws, whatever it is given', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.anything(),
					fc.record({
						items: fc.anything(),
						next: fc.anything(),
						answers: fc.anything(),
						startedAt: fc.anything()
					})
				),
				(value) => {
					const reason = openQuizProblem(value);
					expect(reason === null || /^[\w()[\].]+: /.test(reason)).toBe(true);
				}
			)
		);
	});
});

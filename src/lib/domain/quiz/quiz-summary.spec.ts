import { describe, expect, it } from 'vitest';
import type { Question } from '../bank/bank';
import { giveUp, gradeAnswer, type QuizResponse } from './quiz-grade';
import { toAnswerRecord, type QuizResult } from './quiz-record';
import { quizOf } from './quiz-sample';
import { answerText, givenText, mistakesOf, summarizeQuiz } from './quiz-summary';
import { questionById, SAMPLE_BANK } from '../bank/sample-bank.fixture';

const START = Date.UTC(2025, 0, 15, 9, 0, 0);

function answer(id: string, response: QuizResponse, durationMs: number, index = 0): QuizResult {
	const question: Question = questionById(id);
	return {
		question,
		response,
		grade: gradeAnswer(question, response),
		durationMs,
		answeredAt: START + index * 60_000
	};
}

const results: QuizResult[] = [
	answer('eas-founded.single', { kind: 'choice', value: '2005' }, 4_000, 0),
	answer('arf-founded.single', { kind: 'choice', value: '2005' }, 6_500, 1),
	answer('eas-maritime.cloze', { kind: 'typed', text: 'maritme security' }, 12_000, 2),
	answer(
		'g7-members.matching',
		{ kind: 'matching', pairs: ['Japan', 'Italy', 'Germany'] },
		20_000,
		3
	),
	answer('arf-consensus.cloze', { kind: 'typed', text: 'Consensus' }, 5_000, 4)
];

describe('summarizeQuiz', () => {
	const summary = summarizeQuiz(results);

	it('scores right out of total, a forgiven typo counting as right', () => {
		expect({ right: summary.right, total: summary.total }).toEqual({ right: 3, total: 5 });
	});

	it('breaks the score down per framework, in quiz order', () => {
		expect([...summary.byFramework]).toEqual([
			['eas', { right: 2, total: 2 }],
			['arf', { right: 1, total: 2 }],
			['g7', { right: 0, total: 1 }]
		]);
	});

	it('adds up the time taken', () => {
		expect(summary.durationMs).toBe(47_500);
	});

	it('lists every missed question with its answer and what was given', () => {
		expect(
			summary.missed.map(({ question, given, answer }) => [question.id, given, answer])
		).toEqual([
			['arf-founded.single', { kind: 'choice', value: '2005' }, '1994'],
			[
				'g7-members.matching',
				{ kind: 'matching', pairs: ['Japan', 'Italy', 'Germany'] },
				['Japan', 'Germany', 'Italy']
			]
		]);
	});

	it('is empty for no answers', () => {
		expect(summarizeQuiz([])).toEqual({
			right: 0,
			total: 0,
			byFramework: new Map(),
			durationMs: 0,
			missed: [],
			skipped: [],
			notAsked: 0
		});
	});
});

describe('a quiz quit part-way', () => {
	const items = quizOf(
		SAMPLE_BANK,
		[
			'eas-founded.single',
			'us-rok-missile.truefalse',
			'g7-members.matching',
			'eas-maritime.cloze'
		].map(questionById),
		5
	);
	const [a, b, c] = items.map((item) => item.question);
	const dontKnow = giveUp(c!);
	const answered: QuizResult[] = [
		answer(a!.id, { kind: 'choice', value: a!.answer as string }, 1_000),
		{ question: c!, ...dontKnow, durationMs: 2_000, answeredAt: START, gaveUp: true }
	];

	it('scores what was answered, lists the skipped and counts what was never asked', () => {
		// Asked: a (right), b (skipped), c (I don't know); the fourth never asked.
		const summary = summarizeQuiz(answered, items, 3);
		expect({ right: summary.right, total: summary.total }).toEqual({ right: 1, total: 2 });
		expect(summary.skipped.map((q) => q.id)).toEqual([b!.id]);
		expect(summary.notAsked).toBe(1);
		expect(summary.missed.map((m) => [m.question.id, m.gaveUp])).toEqual([[c!.id, true]]);
	});

	it('a finished quiz has nothing left unasked', () => {
		expect(summarizeQuiz(answered, items).notAsked).toBe(0);
	});
});

describe('answerText and givenText', () => {
	it('put the answer given beside the right one, item by item for a matching', () => {
		const matching = questionById('g7-members.matching');
		expect(answerText(matching)).toBe(
			(matching.items ?? []).map((item, i) => `${item} → ${matching.answer[i]}`).join('; ')
		);
		expect(givenText(matching, { kind: 'matching', pairs: ['Japan', '', 'Italy'] })).toBe(
			`${matching.items?.[0]} → Japan; ${matching.items?.[1]} → —; ${matching.items?.[2]} → Italy`
		);
		const multi = questionById('eas-members.multi');
		expect(answerText(multi)).toBe('United States, Russia');
		expect(givenText(multi, { kind: 'choices', values: ['India', 'Russia'] })).toBe(
			'India, Russia'
		);
		expect(givenText(multi, { kind: 'choices', values: [] })).toBe('—');
		expect(givenText(questionById('eas-maritime.cloze'), { kind: 'typed', text: ' sea ' })).toBe(
			'sea'
		);
	});
});

describe('mistakesOf', () => {
	it('gives the missed questions once each, ready for a retry quiz', () => {
		const again = answer('arf-founded.single', { kind: 'choice', value: '1967' }, 3_000, 5);
		const mistakes = mistakesOf([...results, again]);
		expect(mistakes.map((question) => question.id)).toEqual([
			'arf-founded.single',
			'g7-members.matching'
		]);
		expect(
			quizOf(SAMPLE_BANK, mistakes, 3)
				.map((item) => item.question.id)
				.sort()
		).toEqual(['arf-founded.single', 'g7-members.matching']);
	});
});

describe('toAnswerRecord', () => {
	it('keeps what storage needs, with the distractor picked', () => {
		expect(toAnswerRecord(results[1] as QuizResult)).toEqual({
			questionId: 'arf-founded.single',
			framework: 'arf',
			given: '2005',
			correct: false,
			pickedDistractor: '2005',
			durationMs: 6_500,
			answeredAt: START + 60_000
		});
	});

	it('keeps a forgiven typo', () => {
		expect(toAnswerRecord(results[2] as QuizResult)).toMatchObject({
			questionId: 'eas-maritime.cloze',
			given: 'maritme security',
			correct: true,
			typo: { given: 'maritme security', expected: 'maritime security' }
		});
	});

	it('keeps every wrongly selected option of a multiple select', () => {
		const multi = answer(
			'eas-members.multi',
			{ kind: 'choices', values: ['United States', 'India', 'Canada'] },
			9_000
		);
		expect(toAnswerRecord(multi)).toMatchObject({
			given: ['United States', 'India', 'Canada'],
			correct: false,
			pickedDistractor: ['India', 'Canada']
		});
	});
});

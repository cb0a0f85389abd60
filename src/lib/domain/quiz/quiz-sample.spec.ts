import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '../bank/bank';
import { QUIZ_KINDS, type QuizConfig } from './quiz-config';
import { quizOf, sampleQuiz } from './quiz-sample';
import { FRAMEWORK_IDS, questionById, SAMPLE_QUESTIONS } from '../bank/sample-bank.fixture';

const ALL: QuizConfig = { frameworks: 'all', count: 'all', kinds: [...QUIZ_KINDS] };
const askable = SAMPLE_QUESTIONS.filter((q) => q.kind !== 'recall');
const ids = (items: { question: Question }[]) => items.map((item) => item.question.id);

const configs = fc.record({
	frameworks: fc.oneof(
		fc.constant<'all'>('all'),
		fc.uniqueArray(fc.constantFrom(...FRAMEWORK_IDS), { minLength: 1 })
	),
	count: fc.oneof(fc.constant<'all'>('all'), fc.integer({ min: 1, max: 40 })),
	kinds: fc.uniqueArray(fc.constantFrom(...QUIZ_KINDS), { minLength: 1 })
});

describe('sampleQuiz', () => {
	it('asks only the chosen frameworks', () => {
		const items = sampleQuiz(SAMPLE_QUESTIONS, { ...ALL, frameworks: ['eas', 'arf'] }, 1);
		expect(new Set(items.map((item) => item.question.framework))).toEqual(new Set(['eas', 'arf']));
		const expected = askable.filter((q) => q.framework === 'eas' || q.framework === 'arf');
		expect(ids(items).sort()).toEqual(expected.map((q) => q.id).sort());
	});

	it('asks exactly the chosen questions that are quiz questions, whatever their number', () => {
		const chosen = SAMPLE_QUESTIONS.filter((_, i) => i % 3 === 0);
		const items = sampleQuiz(SAMPLE_QUESTIONS, { ...ALL, questions: chosen.map((q) => q.id) }, 5);
		expect(ids(items).sort()).toEqual(
			chosen
				.filter((q) => q.kind !== 'recall')
				.map((q) => q.id)
				.sort()
		);
	});

	it('never asks a recall card', () => {
		const items = sampleQuiz(SAMPLE_QUESTIONS, ALL, 3);
		expect(items.some((item) => item.question.kind === 'recall')).toBe(false);
		expect(items).toHaveLength(askable.length);
	});

	it('asks only the chosen kinds', () => {
		const items = sampleQuiz(SAMPLE_QUESTIONS, { ...ALL, kinds: ['cloze', 'truefalse'] }, 3);
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((item) => ['cloze', 'truefalse'].includes(item.question.kind))).toBe(true);
	});

	it('asks `count` questions, or all there are when the bank has fewer', () => {
		expect(sampleQuiz(SAMPLE_QUESTIONS, { ...ALL, count: 10 }, 5)).toHaveLength(10);
		expect(sampleQuiz(SAMPLE_QUESTIONS, { ...ALL, frameworks: ['g7'], count: 10 }, 5)).toHaveLength(
			3
		);
	});

	it('never repeats a question, even when the bank repeats an id', () => {
		const doubled = [...SAMPLE_QUESTIONS, ...SAMPLE_QUESTIONS];
		fc.assert(
			fc.property(configs, fc.integer(), (config, seed) => {
				const quizIds = ids(sampleQuiz(doubled, config, seed));
				expect(new Set(quizIds).size).toBe(quizIds.length);
			})
		);
	});

	it('takes one question per fact while it can, then fills up with other forms', () => {
		fc.assert(
			fc.property(configs, fc.integer(), (config, seed) => {
				const all = sampleQuiz(SAMPLE_QUESTIONS, { ...config, count: 'all' }, seed);
				const facts = new Set(all.map((item) => item.question.fact)).size;
				const quiz = sampleQuiz(SAMPLE_QUESTIONS, config, seed);
				const quizFacts = new Set(quiz.map((item) => item.question.fact)).size;
				expect(quizFacts).toBe(Math.min(quiz.length, facts));
				expect(quiz.length).toBe(
					config.count === 'all' ? all.length : Math.min(config.count, all.length)
				);
			})
		);
	});

	it('gives the same quiz for the same seed', () => {
		fc.assert(
			fc.property(configs, fc.integer(), (config, seed) => {
				expect(sampleQuiz(SAMPLE_QUESTIONS, config, seed)).toEqual(
					sampleQuiz(SAMPLE_QUESTIONS, config, seed)
				);
			})
		);
	});

	it('gives other orders for other seeds', () => {
		const orders = new Set<string>();
		for (let seed = 0; seed < 20; seed += 1) {
			orders.add(ids(sampleQuiz(SAMPLE_QUESTIONS, { ...ALL, count: 10 }, seed)).join());
		}
		expect(orders.size).toBeGreaterThanOrEqual(18);
	});
});

describe('display choices', () => {
	it('are the question’s choices, shuffled', () => {
		for (const item of sampleQuiz(SAMPLE_QUESTIONS, ALL, 11)) {
			const { question, displayChoices } = item;
			if (question.kind === 'cloze') {
				expect(displayChoices).toBeUndefined();
			} else {
				expect(displayChoices?.slice().sort()).toEqual(question.choices?.slice().sort());
			}
		}
	});

	it('keep True before False', () => {
		const items = sampleQuiz(SAMPLE_QUESTIONS, { ...ALL, kinds: ['truefalse'] }, 4);
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) expect(item.displayChoices).toEqual(['True', 'False']);
	});

	it('put the answer in varying places', () => {
		// In the fixture, as in generated banks, the answer is always the first choice.
		const items = sampleQuiz(SAMPLE_QUESTIONS, { ...ALL, kinds: ['single'] }, 2);
		const positions = items.map((item) =>
			item.displayChoices?.indexOf(item.question.answer as string)
		);
		expect(positions.every((position) => position !== undefined && position >= 0)).toBe(true);
		expect(new Set(positions).size).toBeGreaterThan(1);

		const firstPlace = Array.from({ length: 400 }, (_, seed) => {
			const [item] = sampleQuiz(SAMPLE_QUESTIONS, { ...ALL, kinds: ['single'], count: 1 }, seed);
			return item?.displayChoices?.[0] === item?.question.answer;
		}).filter(Boolean).length;
		expect(firstPlace / 400).toBeGreaterThan(0.15);
		expect(firstPlace / 400).toBeLessThan(0.35);
	});

	it('shuffle the right-hand options of a matching question', () => {
		const question = questionById('g7-members.matching');
		const orders = new Set(
			Array.from({ length: 20 }, (_, seed) => quizOf([question], seed)[0]?.displayChoices?.join())
		);
		expect(orders.size).toBeGreaterThan(1);
	});

	it('of a question stay put when the rest of the quiz changes', () => {
		const full = sampleQuiz(SAMPLE_QUESTIONS, ALL, 9);
		const retry = quizOf([questionById('admm-ewg.multi'), questionById('eas-founded.single')], 9);
		for (const item of retry) {
			const same = full.find((candidate) => candidate.question.id === item.question.id);
			expect(item.displayChoices).toEqual(same?.displayChoices);
		}
	});
});

describe('quizOf', () => {
	it('asks exactly the given questions, without recall cards', () => {
		const given = [
			questionById('eas-founded.recall'),
			questionById('arf-consensus.cloze'),
			questionById('us-rok-missile.truefalse')
		];
		expect(ids(quizOf(given, 1)).sort()).toEqual([
			'arf-consensus.cloze',
			'us-rok-missile.truefalse'
		]);
	});
});

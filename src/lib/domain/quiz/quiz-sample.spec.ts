import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bank, Question } from '../bank/bank';
import { givesAway } from '../bank/give-away';
import { QUIZ_KINDS, type QuizConfig } from './quiz-config';
import type { QuizBank } from './quiz-compatible';
import { quizCapacity, quizOf, sampleQuiz, type QuizItem } from './quiz-sample';
import {
	FRAMEWORK_IDS,
	questionById,
	SAMPLE_BANK,
	SAMPLE_FRAMEWORKS,
	SAMPLE_QUESTIONS
} from '../bank/sample-bank.fixture';

const ALL: QuizConfig = { frameworks: 'all', count: 'all', kinds: [...QUIZ_KINDS] };
const ids = (items: readonly { question: Question }[]) => items.map((item) => item.question.id);
const REAL = JSON.parse(readFileSync('questions/bank.json', 'utf8')) as Bank;

/** Quiz configs over these frameworks, of up to `most` questions. */
const configsOf = (frameworkIds: readonly string[], most: number) =>
	fc.record({
		frameworks: fc.oneof(
			fc.constant<'all'>('all'),
			fc.uniqueArray(fc.constantFrom(...frameworkIds), { minLength: 1 })
		),
		count: fc.oneof(fc.constant<'all'>('all'), fc.integer({ min: 1, max: most })),
		kinds: fc.uniqueArray(fc.constantFrom(...QUIZ_KINDS), { minLength: 1 })
	});
const configs = configsOf(FRAMEWORK_IDS, 40);

/**
 * Each pair of a quiz's questions of which the one asked first shows, before or after it is
 * answered, what answers the later one, as the reason.
 */
function giveAways(bank: QuizBank, items: readonly QuizItem[]): string[] {
	const reasons: string[] = [];
	items.forEach(({ question: a }, i) => {
		for (const { question: b } of items.slice(i + 1)) {
			const shown = givesAway(a, b, bank.frameworks);
			if (shown) reasons.push(`${a.id} shows “${shown}”, which answers ${b.id}, asked after it`);
		}
	});
	return reasons;
}

/**
 * The questions `config` lets through that the quiz left out though none of its questions gives
 * them away or is given away by them: an "All" quiz that could have asked more.
 */
function leftOut(bank: QuizBank, config: QuizConfig, items: readonly QuizItem[]): string[] {
	const asked = new Set(ids(items));
	return bank.questions
		.filter(
			(q) =>
				q.kind !== 'recall' &&
				!asked.has(q.id) &&
				(config.frameworks === 'all' || config.frameworks.includes(q.framework)) &&
				(config.kinds as string[]).includes(q.kind) &&
				(!config.questions || config.questions.includes(q.id))
		)
		.filter((q) =>
			items.every(
				({ question }) =>
					!givesAway(q, question, bank.frameworks) && !givesAway(question, q, bank.frameworks)
			)
		)
		.map((q) => q.id);
}

describe('sampleQuiz', () => {
	it('asks only the chosen frameworks, as many as can be asked together', () => {
		const config: QuizConfig = { ...ALL, frameworks: ['eas', 'arf'] };
		const items = sampleQuiz(SAMPLE_BANK, config, 1);
		expect(new Set(items.map((item) => item.question.framework))).toEqual(new Set(['eas', 'arf']));
		expect(giveAways(SAMPLE_BANK, items)).toEqual([]);
		expect(leftOut(SAMPLE_BANK, config, items)).toEqual([]);
	});

	it('asks only the chosen questions that are quiz questions, as many as can be asked together', () => {
		const chosen = SAMPLE_QUESTIONS.filter((_, i) => i % 3 === 0).map((q) => q.id);
		const config: QuizConfig = { ...ALL, questions: chosen };
		const items = sampleQuiz(SAMPLE_BANK, config, 5);
		expect(ids(items).every((id) => chosen.includes(id) && !id.endsWith('.recall'))).toBe(true);
		expect(giveAways(SAMPLE_BANK, items)).toEqual([]);
		expect(leftOut(SAMPLE_BANK, config, items)).toEqual([]);
	});

	it('never asks a recall card', () => {
		const items = sampleQuiz(SAMPLE_BANK, ALL, 3);
		expect(items.some((item) => item.question.kind === 'recall')).toBe(false);
		expect(items.length).toBeGreaterThan(0);
	});

	it('asks only the chosen kinds', () => {
		const items = sampleQuiz(SAMPLE_BANK, { ...ALL, kinds: ['cloze', 'truefalse'] }, 3);
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((item) => ['cloze', 'truefalse'].includes(item.question.kind))).toBe(true);
	});

	it('asks `count` questions, or all that can be asked together when fewer can', () => {
		expect(sampleQuiz(SAMPLE_BANK, { ...ALL, count: 10 }, 5)).toHaveLength(10);
		// Two forms of each of its two facts: one form of each.
		expect(sampleQuiz(SAMPLE_BANK, { ...ALL, frameworks: ['g7'], count: 10 }, 5)).toHaveLength(2);
	});

	it('never repeats a question, even when the bank repeats an id', () => {
		const doubledBank = {
			questions: [...SAMPLE_QUESTIONS, ...SAMPLE_QUESTIONS],
			frameworks: SAMPLE_FRAMEWORKS
		};
		fc.assert(
			fc.property(configs, fc.integer(), (config, seed) => {
				const quizIds = ids(sampleQuiz(doubledBank, config, seed));
				expect(new Set(quizIds).size).toBe(quizIds.length);
			})
		);
	});

	it('asks the first `count` of its "All" quiz, whose length `quizCapacity` gives', () => {
		fc.assert(
			fc.property(configs, fc.integer(), (config, seed) => {
				const all = sampleQuiz(SAMPLE_BANK, { ...config, count: 'all' }, seed);
				expect(giveAways(SAMPLE_BANK, all)).toEqual([]);
				expect(quizCapacity(SAMPLE_BANK, config, seed)).toBe(all.length);
				const quiz = sampleQuiz(SAMPLE_BANK, config, seed);
				const count = config.count === 'all' ? all.length : config.count;
				expect(ids(quiz)).toEqual(ids(all).slice(0, count));
			})
		);
	});

	it('gives the same quiz for the same seed', () => {
		fc.assert(
			fc.property(configs, fc.integer(), (config, seed) => {
				expect(sampleQuiz(SAMPLE_BANK, config, seed)).toEqual(
					sampleQuiz(SAMPLE_BANK, config, seed)
				);
			})
		);
	});

	it('gives other orders for other seeds', () => {
		const orders = new Set<string>();
		for (let seed = 0; seed < 20; seed += 1) {
			orders.add(ids(sampleQuiz(SAMPLE_BANK, { ...ALL, count: 10 }, seed)).join());
		}
		expect(orders.size).toBeGreaterThanOrEqual(18);
	});
});

describe('display choices', () => {
	it('are the question’s choices, shuffled', () => {
		for (const item of sampleQuiz(SAMPLE_BANK, ALL, 11)) {
			const { question, displayChoices } = item;
			if (question.kind === 'cloze') {
				expect(displayChoices).toBeUndefined();
			} else {
				expect(displayChoices?.slice().sort()).toEqual(question.choices?.slice().sort());
			}
		}
	});

	it('keep True before False', () => {
		const items = sampleQuiz(SAMPLE_BANK, { ...ALL, kinds: ['truefalse'] }, 4);
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) expect(item.displayChoices).toEqual(['True', 'False']);
	});

	it('put the answer in varying places', () => {
		// In the fixture, as in generated banks, the answer is always the first choice.
		const items = sampleQuiz(SAMPLE_BANK, { ...ALL, kinds: ['single'] }, 2);
		const positions = items.map((item) =>
			item.displayChoices?.indexOf(item.question.answer as string)
		);
		expect(positions.every((position) => position !== undefined && position >= 0)).toBe(true);
		expect(new Set(positions).size).toBeGreaterThan(1);

		const firstPlace = Array.from({ length: 400 }, (_, seed) => {
			const [item] = sampleQuiz(SAMPLE_BANK, { ...ALL, kinds: ['single'], count: 1 }, seed);
			return item?.displayChoices?.[0] === item?.question.answer;
		}).filter(Boolean).length;
		expect(firstPlace / 400).toBeGreaterThan(0.15);
		expect(firstPlace / 400).toBeLessThan(0.35);
	});

	it('shuffle the right-hand options of a matching question', () => {
		const question = questionById('g7-members.matching');
		const orders = new Set(
			Array.from({ length: 20 }, (_, seed) =>
				quizOf(SAMPLE_BANK, [question], seed)[0]?.displayChoices?.join()
			)
		);
		expect(orders.size).toBeGreaterThan(1);
	});

	it('of a question stay put when the rest of the quiz changes', () => {
		const full = sampleQuiz(SAMPLE_BANK, ALL, 9);
		const chosen = full.filter((item) => item.question.kind !== 'truefalse' && item.displayChoices);
		const retry = quizOf(SAMPLE_BANK, [chosen[2]!.question, chosen[0]!.question], 9);
		expect(retry).toHaveLength(2);
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
		expect(ids(quizOf(SAMPLE_BANK, given, 1)).sort()).toEqual([
			'arf-consensus.cloze',
			'us-rok-missile.truefalse'
		]);
	});
});

describe('quizOf', () => {
	it('drops a question that one before it gives away (mistakes of one quiz never meet so)', () => {
		const clozes = REAL.questions.filter((q) => /^eas\.priority-areas\.[a-z-]+\.cloze$/.test(q.id));
		expect(clozes.length).toBeGreaterThan(1);
		const items = quizOf(REAL, clozes, 4);
		expect(items).toHaveLength(1);
		const mistakes = sampleQuiz(REAL, { ...ALL, count: 12 }, 4).map((item) => item.question);
		expect(ids(quizOf(REAL, mistakes, 9)).sort()).toEqual(mistakes.map((q) => q.id).sort());
	});
});

describe('a quiz of the real bank', () => {
	const frameworkIds = REAL.frameworks.map((framework) => framework.id);
	const realConfigs = configsOf(frameworkIds, 120);

	it('never holds two questions of which one gives the other away, whatever the frameworks', () => {
		for (const frameworks of ['all' as const, ...frameworkIds.map((id) => [id])]) {
			for (let seed = 0; seed < 12; seed += 1) {
				const items = sampleQuiz(REAL, { ...ALL, frameworks }, seed);
				expect(giveAways(REAL, items), `${String(frameworks)}, seed ${seed}`).toEqual([]);
			}
		}
		fc.assert(
			fc.property(realConfigs, fc.integer(), (config, seed) => {
				expect(giveAways(REAL, sampleQuiz(REAL, config, seed))).toEqual([]);
			}),
			{ numRuns: 60 }
		);
	});

	it('asks a question that shows another’s answer after that other, and both', () => {
		// Every EAS feedback names its section, “EAS (East Asia Summit)”: the acronym's answer.
		const acronym = REAL.questions.find((q) => q.id === 'eas.acronym.single')!;
		const others = REAL.questions.filter(
			(q) => q.framework === 'eas' && q.kind === 'cloze' && givesAway(q, acronym, REAL.frameworks)
		);
		expect(others.length).toBeGreaterThan(0);
		for (let seed = 0; seed < 20; seed += 1) {
			const items = quizOf(REAL, [others[seed % others.length]!, acronym], seed);
			expect(ids(items)).toEqual([acronym.id, others[seed % others.length]!.id]);
		}
	});

	it('of one framework asks about each of its facts, whatever the seed', () => {
		for (const framework of frameworkIds) {
			const facts = new Set(
				REAL.questions
					.filter((q) => q.framework === framework && q.kind !== 'recall')
					.map((q) => q.fact)
			);
			for (let seed = 0; seed < 12; seed += 1) {
				const items = sampleQuiz(REAL, { ...ALL, frameworks: [framework] }, seed);
				expect(
					new Set(items.map((item) => item.question.fact)),
					`${framework}, seed ${seed}`
				).toEqual(facts);
			}
		}
	});

	it('never asks two of the EAS’s priority areas as clozes: each prints the others', () => {
		fc.assert(
			fc.property(
				fc.constantFrom<QuizConfig['frameworks']>('all', ['eas']),
				fc.integer(),
				(frameworks, seed) => {
					const clozes = sampleQuiz(REAL, { ...ALL, frameworks }, seed).filter((item) =>
						/^eas\.priority-areas\.[a-z-]+\.cloze$/.test(item.question.id)
					);
					expect(clozes.length).toBeLessThanOrEqual(1);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('asks min(count, the most that can be asked together), the same for the same seed', () => {
		fc.assert(
			fc.property(realConfigs, fc.integer(), (config, seed) => {
				const all = sampleQuiz(REAL, { ...config, count: 'all' }, seed);
				expect(leftOut(REAL, config, all)).toEqual([]);
				expect(giveAways(REAL, all)).toEqual([]);
				expect(quizCapacity(REAL, config, seed)).toBe(all.length);
				const count = config.count === 'all' ? all.length : config.count;
				const quiz = sampleQuiz(REAL, config, seed);
				expect(quiz).toHaveLength(Math.min(count, all.length));
				expect(sampleQuiz(REAL, config, seed)).toEqual(quiz);
			}),
			{ numRuns: 40 }
		);
	});
});

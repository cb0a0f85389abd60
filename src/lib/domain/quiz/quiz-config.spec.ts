import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	isQuizChoice,
	parseQuizParams,
	QUIZ_KINDS,
	quizChoiceProblem,
	quizQueryFor,
	type QuizConfig
} from './quiz-config';

const KNOWN = ['eas', 'arf', 'admm-plus', 'us-aus'];
const parse = (query: string) => parseQuizParams(new URLSearchParams(query), KNOWN);

describe('parseQuizParams', () => {
	it('reads one framework and a count', () => {
		expect(parse('framework=eas&n=10')).toEqual({
			ok: true,
			config: { frameworks: ['eas'], count: 10, kinds: [...QUIZ_KINDS] }
		});
	});

	it('reads several frameworks, comma-separated or repeated, ignoring case and repeats', () => {
		const expected = {
			ok: true,
			config: { frameworks: ['eas', 'arf'], count: 20, kinds: [...QUIZ_KINDS] }
		};
		expect(parse('framework=eas,arf&n=20')).toEqual(expected);
		expect(parse('framework=eas&framework=ARF,eas&n=20')).toEqual(expected);
	});

	it('takes every framework, 10 questions and every kind by default', () => {
		expect(parse('')).toEqual({
			ok: true,
			config: { frameworks: 'all', count: 10, kinds: [...QUIZ_KINDS] }
		});
		expect(parse('framework=all&n=all')).toMatchObject({
			ok: true,
			config: { frameworks: 'all', count: 'all' }
		});
	});

	it('reads kinds', () => {
		expect(parse('kind=cloze,which-framework')).toMatchObject({
			ok: true,
			config: { kinds: ['cloze', 'which-framework'] }
		});
	});

	it('names an unknown framework id in its error', () => {
		const result = parse('framework=eas,quadd&n=10');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0]).toMatchObject({ param: 'framework', value: 'quadd' });
		expect(result.errors[0]?.message).toContain('"quadd"');
		expect(result.errors[0]?.message).toContain('eas');
	});

	it('rejects a bad count and an unknown kind, reporting both', () => {
		const result = parse('n=-3&kind=essay');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.map((error) => [error.param, error.value])).toEqual([
			['n', '-3'],
			['kind', 'essay']
		]);
		expect(parse('n=0').ok).toBe(false);
		expect(parse('n=ten').ok).toBe(false);
		expect(parse('n=2.5').ok).toBe(false);
	});
});

describe('a quiz of chosen questions', () => {
	const QUESTIONS = ['eas.level.who.which', 'arf.forum.cloze', 'g7.topics.cloze'];
	const parseIds = (query: string) => parseQuizParams(new URLSearchParams(query), KNOWN, QUESTIONS);

	it('reads the ids of the link Compare and Source make, asking all of them', () => {
		const chosen = [QUESTIONS[0]!, QUESTIONS[2]!];
		expect(parseIds(quizQueryFor(chosen).slice(1))).toEqual({
			ok: true,
			config: { frameworks: 'all', count: 'all', kinds: [...QUIZ_KINDS], questions: chosen }
		});
	});

	it('names the ids the bank does not have', () => {
		const result = parseIds('ids=arf.forum.cloze,eas.gone,Arf.Forum.Cloze');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0]?.message).toContain('"eas.gone", "Arf.Forum.Cloze"');
	});
});

/** A deep link to `config`, as a user would write it (defaults left out, commas unescaped). */
function linkTo(config: QuizConfig): string {
	const parts: string[] = [];
	if (config.frameworks !== 'all') parts.push(`framework=${config.frameworks.join(',')}`);
	parts.push(`n=${config.count}`);
	if (!QUIZ_KINDS.every((kind) => config.kinds.includes(kind)))
		parts.push(`kind=${config.kinds.join(',')}`);
	return parts.join('&');
}

describe('a deep link', () => {
	it('reads back to the same config', () => {
		const config = fc.record({
			frameworks: fc.oneof(
				fc.constant<'all'>('all'),
				fc.uniqueArray(fc.constantFrom(...KNOWN), { minLength: 1 })
			),
			count: fc.oneof(fc.constant<'all'>('all'), fc.integer({ min: 1, max: 500 })),
			kinds: fc.uniqueArray(fc.constantFrom(...QUIZ_KINDS), { minLength: 1 })
		});
		fc.assert(
			fc.property(config, (c) => {
				const parsed = parseQuizParams(new URLSearchParams(linkTo(c)), KNOWN);
				const kinds = QUIZ_KINDS.every((kind) => c.kinds.includes(kind))
					? [...QUIZ_KINDS]
					: c.kinds;
				expect(parsed).toEqual({ ok: true, config: { ...c, kinds } });
			})
		);
	});
});

describe('quizChoiceProblem', () => {
	it("accepts the set-up form's choices", () => {
		expect(
			quizChoiceProblem({ frameworks: 'all', count: 'all', kinds: [...QUIZ_KINDS] })
		).toBeNull();
		expect(isQuizChoice({ frameworks: ['eas'], count: 20, kinds: ['cloze'] })).toBe(true);
	});

	it.each([
		[null, '(record): expected an object, got null'],
		[
			{ frameworks: 'some', count: 10, kinds: ['cloze'] },
			'frameworks: expected "all" or a list of framework ids, got "some"'
		],
		[
			{ frameworks: [''], count: 10, kinds: ['cloze'] },
			'frameworks: expected "all" or a list of framework ids, got [""]'
		],
		[
			{ frameworks: 'all', count: 0, kinds: ['cloze'] },
			'count: expected "all" or a whole number > 0, got 0'
		],
		[
			{ frameworks: 'all', count: 10, kinds: [] },
			`kinds: expected a non-empty list of ${QUIZ_KINDS.join(', ')}, got []`
		],
		[
			{ frameworks: 'all', count: 10, kinds: ['cloze'], questions: ['q1'] },
			'questions: unexpected field'
		]
	])('names what is wrong in %j', (value, reason) => {
		expect(quizChoiceProblem(value)).toBe(reason);
		expect(isQuizChoice(value)).toBe(false);
	});
});

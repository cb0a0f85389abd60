import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchTypedAnswer, normalizeAnswer } from './answer-match';
import { withinOneEdit } from './edit-distance';
import { SAMPLE_QUESTIONS } from '../bank/sample-bank.fixture';

const verdict = (given: string, ...expected: string[]) => matchTypedAnswer(given, expected).verdict;

describe('matchTypedAnswer forgives', () => {
	it('case', () => {
		expect(matchTypedAnswer('hiroshima', ['Hiroshima'])).toEqual({
			verdict: 'exact',
			matched: 'Hiroshima'
		});
		expect(verdict('CONSENSUS', 'consensus')).toBe('exact');
	});

	it.each<[string, ...[string, string][]]>([
		['accents, both ways', ['Tokyo', 'Tōkyō'], ['Tōkyō', 'Tokyo'], ['Tôkyô', 'Tōkyō']],
		[
			'punctuation and spacing',
			['US', 'U.S.'],
			['Japan US Australia', 'Japan–U.S.–Australia'],
			['  camp   david!', 'Camp David'],
			['Counter Terrorism', 'Counter-Terrorism'],
			['Experts Working Groups', 'Experts’ Working Groups']
		],
		[
			'a leading article',
			['the Hague', 'Hague'],
			['Hague', 'The Hague'],
			['a consensus', 'consensus']
		],
		['& for and', ['Trade and Investment', 'Trade & Investment']]
	])('%s', (_, ...pairs) => {
		for (const [given, expected] of pairs) expect(verdict(given, expected), given).toBe('exact');
	});

	it('an accepted alternative, naming it', () => {
		expect(matchTypedAnswer('tsd', ['Trilateral Strategic Dialogue', 'TSD'])).toEqual({
			verdict: 'exact',
			matched: 'TSD'
		});
	});

	it('one typo in six letters or more, and flags it', () => {
		expect(matchTypedAnswer('maritme security', ['maritime security'])).toEqual({
			verdict: 'typo',
			matched: 'maritime security'
		});
		expect(verdict('maritime secuirty', 'maritime security')).toBe('typo');
		expect(verdict('Hiroshma', 'Hiroshima')).toBe('typo');
		expect(verdict('Manlia', 'Manila')).toBe('typo');
	});

	it('prefers an exact match to a typo match', () => {
		expect(matchTypedAnswer('consensus', ['consensuss', 'consensus'])).toEqual({
			verdict: 'exact',
			matched: 'consensus'
		});
	});
});

describe('matchTypedAnswer refuses', () => {
	it.each<[string, ...[string, string][]]>([
		['a typo in a short answer', ['ARG', 'ARF'], ['AFR', 'ARF'], ['Hanoy', 'Hanoi']],
		[
			'two typos',
			['martme security', 'maritime security'],
			['maritime securtiy x', 'maritime security']
		],
		[
			'a different number, however long the answer',
			['2015', '2016'],
			['Resolution 2376', 'Resolution 2375']
		],
		['an empty answer', ['', 'consensus'], [' . ', 'consensus']]
	])('%s', (_, ...pairs) => {
		for (const [given, expected] of pairs) expect(verdict(given, expected), given).toBe('wrong');
	});

	it('a dakuten difference in Japanese, which changes the word', () => {
		expect(verdict('きずな', 'きすな')).toBe('wrong');
		expect(verdict('きずな', 'きずな')).toBe('exact');
	});
});

const meaningful = fc
	.string({ unit: 'grapheme', minLength: 1 })
	.filter((s) => /[\p{L}\p{N}]/u.test(s));

it('an answer made only of characters normalization drops still matches itself exactly', () => {
	// Found by the property below: U+02BC is a letter to Unicode but reads as an apostrophe.
	expect(matchTypedAnswer('ʼ ', ['ʼ '])).toEqual({ verdict: 'exact', matched: 'ʼ ' });
	expect(matchTypedAnswer('ʼ', ['ARF']).verdict).toBe('wrong');
});

describe('matcher properties', () => {
	it('the exact answer always matches', () => {
		fc.assert(
			fc.property(meaningful, (answer) => {
				expect(matchTypedAnswer(answer, [answer])).toEqual({ verdict: 'exact', matched: answer });
			}),
			{ numRuns: 1000 }
		);
	});

	it('the answer with other case, spacing and final punctuation always matches', () => {
		const ascii = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ]{0,30}$/);
		fc.assert(
			fc.property(ascii, fc.boolean(), (answer, upper) => {
				const typed = `  ${upper ? answer.toUpperCase() : answer.toLowerCase()}. `;
				expect(verdict(typed, answer)).toBe('exact');
			})
		);
	});

	it('another choice of a realistic set never matches', () => {
		const choiceSet = fc
			.uniqueArray(fc.stringMatching(/^[A-Z][a-z]{1,9}( [A-Z]?[a-z]{1,9}){0,2}$/), {
				minLength: 2,
				maxLength: 5
			})
			.filter((choices) =>
				choices.every((a, i) =>
					choices.every(
						(b, j) =>
							i === j ||
							!withinOneEdit(
								normalizeAnswer(a).replace(/ /g, ''),
								normalizeAnswer(b).replace(/ /g, '')
							)
					)
				)
			);
		fc.assert(
			fc.property(choiceSet, (choices) => {
				const [answer, ...others] = choices;
				for (const other of others) expect(verdict(other, answer as string)).toBe('wrong');
			}),
			{ numRuns: 500 }
		);
	});

	it('no other choice of the sample bank matches its answer', () => {
		for (const question of SAMPLE_QUESTIONS) {
			if (typeof question.answer !== 'string' || !question.choices) continue;
			for (const choice of question.choices.filter((c) => c !== question.answer)) {
				expect(verdict(choice, question.answer)).toBe('wrong');
			}
		}
	});

	it('normalization is idempotent on the awkward cases', () => {
		// Lower case can produce a combining dot ('İ'), compatibility forms can be upper case ('Ⅻ').
		for (const text of ['İstanbul', 'Ⅻ Corps', 'the a the x', 'Ｔｏｋｙｏ', 'ﬁnance', 'the the']) {
			const once = normalizeAnswer(text);
			expect(normalizeAnswer(once)).toBe(once);
		}
		expect(normalizeAnswer('İstanbul')).toBe('istanbul');
		expect(normalizeAnswer('Ⅻ Corps')).toBe('xii corps');
		expect(normalizeAnswer('Ｔｏｋｙｏ')).toBe('tokyo');
	});

	it('normalization is idempotent', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (text) => {
				const once = normalizeAnswer(text);
				expect(normalizeAnswer(once)).toBe(once);
			}),
			{ numRuns: 3000 }
		);
	});
});

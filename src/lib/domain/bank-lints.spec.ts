import { describe, expect, it } from 'vitest';
import type { Bank, Question } from './bank';
import { type LintRule, lintBank, mentions } from './bank-lints';

const source = { section: 'S', quote: 'q' };
let n = 0;
function q(partial: Partial<Question> & Pick<Question, 'kind' | 'prompt' | 'answer'>): Question {
	n += 1;
	return {
		id: `f${n}.form`,
		framework: 'eas',
		fact: `f${n}`,
		explanation: 'Why.',
		source,
		...partial
	};
}
const bankOf = (...questions: Question[]): Bank => ({
	schema: 1,
	version: 'v',
	source: { title: 'T', publisher: 'P', date: '2016-04-06' },
	frameworks: [],
	questions
});
const rules = (bank: Bank): LintRule[] => lintBank(bank).map((lint) => lint.rule);
const good = q({
	kind: 'recall',
	prompt: 'What does the EAS advance?',
	answer: 'Concrete cooperation'
});

describe('lintBank', () => {
	it('passes a clean bank', () => {
		expect(lintBank(bankOf(good))).toEqual([]);
	});

	it('duplicate-prompt: names the second question and the first', () => {
		const twin = q({ kind: 'cloze', prompt: good.prompt, answer: 'x' });
		expect(lintBank(bankOf(good, twin))).toEqual([
			{ rule: 'duplicate-prompt', question: twin.id, message: `same prompt as ${good.id}` }
		]);
	});

	it('prompt-contains-answer', () => {
		const bad = q({
			kind: 'single',
			prompt: 'Which holds TSDs with summit meetings?',
			answer: 'summit meetings',
			choices: ['summit meetings', 'talks', 'forums']
		});
		expect(rules(bankOf(bad))).toContain('prompt-contains-answer');
	});

	it('answer-stands-out: a month-only date among full dates', () => {
		const bad = q({
			kind: 'single',
			prompt: 'When?',
			answer: 'August 2014',
			choices: ['August 2014', 'March 25, 2014', 'November 16, 2014']
		});
		expect(rules(bankOf(bad))).toEqual(['answer-stands-out']);
	});

	it('answer-stands-out: a far longer answer, and an article only the answer has', () => {
		const long = q({
			kind: 'single',
			prompt: 'Which?',
			answer: 'measures to deal with avian influenza',
			choices: ['measures to deal with avian influenza', 'energy', 'finance']
		});
		const article = q({
			kind: 'single',
			prompt: 'Which one?',
			answer: 'The rule of law',
			choices: ['The rule of law', 'Democracy', 'Energy']
		});
		expect(lintBank(bankOf(long, article)).map((l) => l.question)).toEqual([long.id, article.id]);
	});

	it('answer-printed-elsewhere: an ordinal another prompt of the framework prints', () => {
		const ordinal = q({ kind: 'cloze', prompt: 'It was the ____ meeting.', answer: 'sixth' });
		const other = q({
			kind: 'recall',
			prompt: 'Where was the sixth meeting held?',
			answer: 'New Delhi'
		});
		expect(lintBank(bankOf(ordinal, other))).toEqual([
			{
				rule: 'answer-printed-elsewhere',
				question: ordinal.id,
				message: `“sixth” is printed in ${other.id}`
			}
		]);
		// Another framework may print it.
		expect(rules(bankOf(ordinal, { ...other, framework: 'arf' }))).toEqual([]);
	});

	it('multi-right-share: 7 of 10 right, or a single right one', () => {
		const choices = 'abcdefghij'.split('');
		const many = q({ kind: 'multi', prompt: 'Many?', answer: choices.slice(0, 7), choices });
		const one = q({ kind: 'multi', prompt: 'One?', answer: ['a'], choices: ['a', 'b', 'c'] });
		expect(rules(bankOf(many, one))).toEqual(['multi-right-share', 'multi-right-share']);
	});

	it('truefalse-balance: a bank of mostly True', () => {
		const tf = (answer: string) =>
			q({ kind: 'truefalse', prompt: `True or false: ${n}.`, answer, choices: ['True', 'False'] });
		expect(rules(bankOf(tf('True'), tf('True'), tf('True'), tf('False')))).toEqual([
			'truefalse-balance'
		]);
		expect(rules(bankOf(tf('True'), tf('False')))).toEqual([]);
	});

	it('prompt-length: over 40 words', () => {
		const bad = q({ kind: 'recall', prompt: `${'word '.repeat(41)}?`, answer: 'x' });
		expect(rules(bankOf(bad))).toEqual(['prompt-length']);
	});

	it('cloze-short-forms: a long answer with no shorter form, an abbreviation not accepted', () => {
		const long = q({
			kind: 'cloze',
			prompt: 'The ____ group.',
			answer: 'humanitarian assistance and disaster relief'
		});
		const abbr = q({
			kind: 'cloze',
			prompt: 'They hold ____.',
			answer: 'Strategic Dialogues (TSDs)',
			accept: ['Strategic']
		});
		const fine = q({
			kind: 'cloze',
			prompt: 'The ____ groups.',
			answer: 'humanitarian assistance and disaster relief',
			accept: ['HADR']
		});
		expect(lintBank(bankOf(long, abbr, fine)).map((l) => [l.question, l.rule])).toEqual([
			[long.id, 'cloze-short-forms'],
			[abbr.id, 'cloze-short-forms']
		]);
	});
});

describe('mentions', () => {
	it('matches whole words only, whatever the case and apostrophes', () => {
		expect(mentions('Where was the Sixth meeting?', 'sixth')).toBe(true);
		expect(mentions('sixtieth', 'sixth')).toBe(false);
		expect(mentions('the region’s issues', "region's")).toBe(true);
	});
});

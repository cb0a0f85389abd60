import { describe, expect, it } from 'vitest';
import type { BankFramework, Question } from './bank';
import { givesAway, revealingText, sharedWords, tellingForms } from './give-away';
import { questionHeader, questionHints } from './question-display';

const FRAMEWORKS: BankFramework[] = [
	{ id: 'eas', name: 'East Asia Summit', shortName: 'EAS', kind: 'multilateral' },
	{ id: 'arf', name: 'ASEAN Regional Forum', shortName: 'ARF', kind: 'multilateral' }
];
const question = (partial: Partial<Question>): Question => ({
	id: 'eas.x.recall',
	framework: 'eas',
	fact: 'eas.x',
	kind: 'recall',
	prompt: 'What does the EAS advance?',
	answer: 'Concrete cooperation',
	explanation: 'Why.',
	source: { section: 'S', quote: 'q' },
	...partial
});

describe('questionHeader', () => {
	it('is the short name of the framework the question is filed under', () => {
		expect(questionHeader(question({}), FRAMEWORKS)).toBe('EAS');
	});

	it('is none on an identity question, which the name would answer', () => {
		const acronym = question({
			prompt: 'What does the abbreviation EAS stand for?',
			answer: 'East Asia Summit',
			identity: true
		});
		expect(questionHeader(acronym, FRAMEWORKS)).toBeUndefined();
	});

	it('is none when the options name frameworks, one of which the header would point at', () => {
		const compare = question({
			kind: 'single',
			prompt: 'For which of the EAS and the ARF does the source name energy?',
			answer: 'Only the EAS',
			choices: ['Both', 'Only the EAS', 'Only the ARF', 'Neither']
		});
		const order = question({
			kind: 'matching',
			prompt: 'Put the meetings in order.',
			items: ['ASEAN Regional Forum Ministerial Meeting', 'Summit'],
			answer: ['1st', '2nd'],
			choices: ['1st', '2nd']
		});
		expect(questionHeader(compare, FRAMEWORKS)).toBeUndefined();
		expect(questionHeader(order, FRAMEWORKS)).toBeUndefined();
	});
});

describe('what the card shows', () => {
	it('hints how to answer a select-all and a matching', () => {
		expect(questionHints(question({ kind: 'multi', answer: ['a', 'b'] }))).toEqual([
			'Select all that apply.'
		]);
		expect(questionHints(question({ kind: 'matching', answer: ['a', 'b', 'c'] }))).toEqual([
			'Use each answer once.'
		]);
		expect(questionHints(question({ kind: 'cloze' }))).toEqual([]);
	});

	it('holds the header, the prompt and the words every choice shares, not the other words', () => {
		expect(sharedWords(['concrete cooperation', 'close cooperation'])).toEqual(['cooperation']);
		const text = revealingText(
			question({
				kind: 'single',
				prompt: 'Which?',
				answer: 'Concrete cooperation',
				choices: ['Concrete cooperation', 'Close cooperation']
			}),
			FRAMEWORKS
		);
		expect(text.split('\n')).toEqual(['EAS', 'Which?', 'cooperation']);
	});
});

describe('what gives a question away', () => {
	const energy = question({
		id: 'eas.areas.energy.cloze',
		fact: 'eas.areas',
		kind: 'cloze',
		prompt: 'The EAS’s areas are ____ and finance.',
		answer: 'energy',
		source: { section: 'S', quote: 'Energy and finance are its areas' }
	});
	const finance = question({
		...energy,
		id: 'eas.areas.finance.cloze',
		prompt: 'The EAS’s areas are energy and ____.',
		answer: 'finance',
		accept: ['money matters']
	});
	const financeTrue = question({
		...energy,
		id: 'eas.areas.finance.truefalse',
		kind: 'truefalse',
		prompt: 'True or false: finance is one of the EAS’s areas.',
		answer: 'True',
		choices: ['True', 'False']
	});
	const held = (id: string, answer: string, choices: string[]) =>
		question({
			id,
			fact: id,
			kind: 'single',
			prompt: 'When was it held?',
			answer,
			choices,
			source: { section: 'S', quote: id }
		});

	it('is a typed answer or a form accepted for it, a date or number picked, never a name', () => {
		expect(tellingForms(finance, FRAMEWORKS)).toEqual(['finance', 'money matters']);
		expect(tellingForms(question({ kind: 'cloze', answer: 'the EAS' }), FRAMEWORKS)).toEqual([]);
		expect(tellingForms(held('a', 'March 25, 2014', ['March 25, 2014']), FRAMEWORKS)).toEqual([
			'March 25, 2014'
		]);
		expect(tellingForms(question({ kind: 'single', answer: 'Both' }), FRAMEWORKS)).toEqual([]);
		expect(tellingForms(financeTrue, FRAMEWORKS)).toEqual([]);
	});

	it('is shown by a prompt, a choice or the feedback, or is a passage the feedback quotes', () => {
		const elsewhere = { section: 'S', quote: 'Finance is another' };
		expect(givesAway(energy, { ...finance, source: elsewhere }, FRAMEWORKS)).toBe('finance');
		// Each quotes the passage the other rests on: it decides a true/false too.
		expect(givesAway(energy, financeTrue, FRAMEWORKS)).toBe(energy.source.quote);
		const education = question({ ...financeTrue, id: 'eas.areas.education.truefalse' });
		expect(givesAway(education, financeTrue, FRAMEWORKS)).toBe(energy.source.quote);
		const first = held('first', 'March 25, 2014', ['March 25, 2014', 'May 1, 2015']);
		const later = held('later', 'May 1, 2015', ['May 1, 2015', 'June 2, 2016']);
		const apart = held('apart', 'June 3, 2016', ['June 3, 2016', 'July 4, 2017']);
		expect(givesAway(first, later, FRAMEWORKS)).toBe('May 1, 2015');
		expect(givesAway(later, apart, FRAMEWORKS)).toBeUndefined();
		// Once answered, its feedback shows the answer.
		const told = question({ id: 'x', fact: 'x', kind: 'recall', answer: 'Money matters' });
		expect(givesAway(told, finance, FRAMEWORKS)).toBe('money matters');
		expect(givesAway(finance, told, FRAMEWORKS)).toBeUndefined();
	});
});

import { describe, expect, it } from 'vitest';
import type { BankFramework, Question } from './bank';
import { questionHeader, questionHints, revealingText, sharedWords } from './question-display';

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

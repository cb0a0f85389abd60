import { describe, expect, it } from 'vitest';
import { giveUp, gradeAnswer, givenOf, QuizGradeError, responseKindOf } from './quiz-grade';
import { questionById, SAMPLE_QUESTIONS } from '../bank/sample-bank.fixture';
import type { Question } from '../bank/bank';

/** Grades one picked choice. */
const pick = (question: Question, value: string) =>
	gradeAnswer(question, { kind: 'choice', value });

describe('gradeAnswer: single choice', () => {
	const question = questionById('eas-founded.single');

	it('is right for the answer', () => {
		expect(pick(question, '2005')).toEqual({ correct: true });
	});

	it('is wrong for a distractor and keeps which one', () => {
		expect(pick(question, '1994')).toEqual({ correct: false, pickedDistractor: '1994' });
	});
});

describe('gradeAnswer: true/false', () => {
	it('grades True and False', () => {
		const question = questionById('arf-consensus.truefalse');
		expect(pick(question, 'False').correct).toBe(true);
		expect(pick(question, 'True')).toEqual({ correct: false, pickedDistractor: 'True' });
	});
});

describe('gradeAnswer: which framework', () => {
	it('grades a one-name answer as a single choice', () => {
		const question = questionById('arf-founded.which-framework');
		expect(responseKindOf(question)).toBe('choice');
		expect(pick(question, 'ASEAN Regional Forum').correct).toBe(true);
		expect(pick(question, 'East Asia Summit')).toEqual({
			correct: false,
			pickedDistractor: 'East Asia Summit'
		});
	});

	it('grades a list answer as a multiple select', () => {
		const question = questionById('admm-ewg.which-framework');
		expect(responseKindOf(question)).toBe('choices');
		expect(gradeAnswer(question, { kind: 'choices', values: ['ADMM-Plus'] }).correct).toBe(true);
		expect(gradeAnswer(question, { kind: 'choices', values: ['ADMM-Plus', 'G7'] })).toMatchObject({
			correct: false,
			pickedDistractor: ['G7']
		});
	});
});

describe('gradeAnswer: multiple select', () => {
	const question = questionById('admm-ewg.multi');
	const all = ['Maritime Security', 'Counter-Terrorism', 'Cyber Security'];

	it('is right for exactly the correct choices, in any order', () => {
		const result = gradeAnswer(question, { kind: 'choices', values: all.slice().reverse() });
		expect(result.correct).toBe(true);
		expect(result.pickedDistractor).toBeUndefined();
		expect(result.parts?.every((part) => part.right)).toBe(true);
	});

	it('is wrong when one is missing, and shows which parts were right', () => {
		const result = gradeAnswer(question, {
			kind: 'choices',
			values: ['Maritime Security', 'Cyber Security']
		});
		expect(result.correct).toBe(false);
		expect(result.pickedDistractor).toBeUndefined();
		expect(result.parts).toEqual([
			{
				kind: 'choice',
				choice: 'Maritime Security',
				selected: true,
				correctChoice: true,
				right: true
			},
			{
				kind: 'choice',
				choice: 'Counter-Terrorism',
				selected: false,
				correctChoice: true,
				right: false
			},
			{
				kind: 'choice',
				choice: 'Cyber Security',
				selected: true,
				correctChoice: true,
				right: true
			},
			{
				kind: 'choice',
				choice: 'Trade Facilitation',
				selected: false,
				correctChoice: false,
				right: true
			}
		]);
	});

	it('is wrong with a distractor selected, and keeps it', () => {
		const result = gradeAnswer(question, {
			kind: 'choices',
			values: [...all, 'Trade Facilitation']
		});
		expect(result.correct).toBe(false);
		expect(result.pickedDistractor).toEqual(['Trade Facilitation']);
		expect(result.parts?.filter((part) => !part.right)).toHaveLength(1);
	});

	it('is wrong with nothing selected', () => {
		expect(gradeAnswer(question, { kind: 'choices', values: [] }).correct).toBe(false);
	});
});

describe('gradeAnswer: cloze', () => {
	it('accepts the answer leniently and an accepted alternative', () => {
		const question = questionById('eas-founded.cloze');
		expect(gradeAnswer(question, { kind: 'typed', text: 'kuala lumpur' })).toEqual({
			correct: true
		});
		expect(gradeAnswer(question, { kind: 'typed', text: 'K.L.' })).toEqual({ correct: true });
		expect(gradeAnswer(question, { kind: 'typed', text: 'Jakarta' })).toEqual({ correct: false });
	});

	it('accepts one typo and points it out', () => {
		const question = questionById('eas-maritime.cloze');
		expect(gradeAnswer(question, { kind: 'typed', text: 'maritime securty' })).toEqual({
			correct: true,
			typo: { given: 'maritime securty', expected: 'maritime security' }
		});
	});
});

describe('gradeAnswer: matching', () => {
	const question = questionById('g7-members.matching');

	it('is right when every item is paired right', () => {
		const result = gradeAnswer(question, {
			kind: 'matching',
			pairs: ['Japan', 'Germany', 'Italy']
		});
		expect(result.correct).toBe(true);
	});

	it('shows which pairs were right', () => {
		const result = gradeAnswer(question, { kind: 'matching', pairs: ['Japan', 'France', ''] });
		expect(result.correct).toBe(false);
		expect(result.parts).toEqual([
			{ kind: 'item', item: 'Ise-Shima 2016', given: 'Japan', expected: 'Japan', right: true },
			{ kind: 'item', item: 'Elmau 2022', given: 'France', expected: 'Germany', right: false },
			{ kind: 'item', item: 'Apulia 2024', given: '', expected: 'Italy', right: false }
		]);
	});
});

describe('gradeAnswer: every quiz question', () => {
	it('is right for its own answer', () => {
		for (const question of SAMPLE_QUESTIONS) {
			if (question.kind === 'recall') continue;
			const answer = question.answer;
			const kind = responseKindOf(question);
			const response =
				kind === 'choice'
					? { kind, value: answer as string }
					: kind === 'choices'
						? { kind, values: answer as string[] }
						: kind === 'typed'
							? { kind, text: answer as string }
							: { kind, pairs: answer as string[] };
			expect(gradeAnswer(question, response).correct, question.id).toBe(true);
		}
	});
});

describe('gradeAnswer: misuse', () => {
	it('refuses a recall card and a response of the wrong kind', () => {
		expect(() =>
			gradeAnswer(questionById('eas-founded.recall'), { kind: 'typed', text: '2005' })
		).toThrow(QuizGradeError);
		expect(() =>
			gradeAnswer(questionById('eas-founded.single'), { kind: 'typed', text: '2005' })
		).toThrow('"eas-founded.single"');
	});
});

describe('givenOf', () => {
	it('is what the person answered', () => {
		expect(givenOf({ kind: 'choice', value: '1994' })).toBe('1994');
		expect(givenOf({ kind: 'choices', values: ['G7', 'ADMM-Plus'] })).toEqual(['G7', 'ADMM-Plus']);
		expect(givenOf({ kind: 'typed', text: 'Hanoy' })).toBe('Hanoy');
		expect(givenOf({ kind: 'matching', pairs: ['Japan', ''] })).toEqual(['Japan', '']);
	});
});

describe('giveUp ("I don\'t know")', () => {
	it('is wrong for every kind of question, answers nothing and picks no distractor', () => {
		const quizzable = SAMPLE_QUESTIONS.filter((q) => q.kind !== 'recall');
		for (const question of quizzable) {
			const { response, grade } = giveUp(question);
			expect(response.kind, question.id).toBe(responseKindOf(question));
			expect(grade.correct, question.id).toBe(false);
			expect(grade.pickedDistractor, question.id).toBeUndefined();
			expect([givenOf(response)].flat().join(''), question.id).toBe('');
		}
	});
});

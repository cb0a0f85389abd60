import { describe, expect, it } from 'vitest';
import { parseChosenCards, reviewQueryFor } from './review-link';

const REVIEW_IDS = ['eas.level.recall', 'eas.level.cloze', 'arf.forum.cloze'];
const parse = (query: string) => parseChosenCards(new URLSearchParams(query), REVIEW_IDS);

describe('a link to a review of chosen cards', () => {
	it('reads back the cards it was made from, in order', () => {
		const chosen = ['arf.forum.cloze', 'eas.level.recall'];
		expect(parse(reviewQueryFor(chosen).slice(1))).toEqual({ cards: chosen, unknown: [] });
	});

	it('is no chosen session without cards', () => {
		expect(parse('')).toBeNull();
		expect(parse('cards=')).toBeNull();
		expect(parse('framework=eas')).toBeNull();
	});

	it('sets apart ids that are no review card of the bank, and repeats', () => {
		expect(parse('cards=eas.level.cloze,eas.gone,eas.level.cloze&cards=eas.level.multi')).toEqual({
			cards: ['eas.level.cloze'],
			unknown: ['eas.gone', 'eas.level.multi']
		});
	});
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Bank, Question } from './bank';
import { questionsBySentence, uncoveredSentences } from './source-coverage';
import { parseSource } from './source-text';

const question = (id: string, quote: string): Question => ({
	id,
	framework: 'eas',
	fact: id,
	kind: 'recall',
	prompt: '?',
	answer: '!',
	explanation: '.',
	source: { section: 'S', quote }
});

describe('questions by sentence', () => {
	const source = parseSource(
		[
			'Title',
			'April 6, 2016',
			'',
			'Heading',
			'',
			'The first sentence is here. The second one runs on. A third says nothing asked.'
		].join('\n')
	);
	const [, first, second, third] = source.sentences.map((s) => s.index);

	it('puts a question on the sentence its quote falls in, or on each one it runs across', () => {
		const bySentence = questionsBySentence(source, [
			question('a', 'first sentence'),
			question('b', 'is here. The second'),
			question('c', 'nowhere in the text')
		]);
		expect(bySentence[first!]).toEqual(['a', 'b']);
		expect(bySentence[second!]).toEqual(['b']);
		expect(bySentence[third!]).toEqual([]);
	});

	it('calls a sentence no question rests on uncovered, a heading never', () => {
		const bySentence = questionsBySentence(source, [question('a', 'first sentence')]);
		expect(uncoveredSentences(source, bySentence)).toEqual([second, third]);
	});
});

it('every sentence of the real source has a question of the committed bank resting on it', () => {
	const source = parseSource(
		readFileSync('questions/source/japans-security-policy-2016.txt', 'utf8')
	);
	const bank = JSON.parse(readFileSync('questions/bank.json', 'utf8')) as Bank;
	const bySentence = questionsBySentence(source, bank.questions);
	const uncovered = uncoveredSentences(source, bySentence).map((i) => source.sentences[i]?.text);
	expect(uncovered).toEqual([]);
	expect(source.sentences.filter((s) => s.kind !== 'heading').length).toBeGreaterThan(25);
});

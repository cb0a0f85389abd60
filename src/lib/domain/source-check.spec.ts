import { describe, expect, it } from 'vitest';
import { sampleFacts } from './facts.fixture';
import {
	missingQuotes,
	normaliseSourceText,
	sourceStatements,
	uncoveredStatements
} from './source-check';

const SOURCE = `Title

April 6, 2016

Heading

  • Hold summit meetings and Alpha Strategic Dialogues (ASDs)
Third meeting of the Alpha Dialogue (March 25, 2014 in Lisbon)

© Credit

A forum for discussing political issues. The U.S. Alliance matters to the region’s peace.
`;

describe('missingQuotes', () => {
	it('finds quotes across line breaks and curly apostrophes, and names a fact whose quote is not there', () => {
		const facts = sampleFacts();
		const missing = missingQuotes(facts, SOURCE).map((m) => m.fact);
		expect(missing).not.toContain('alpha.meetings');
		expect(missing).not.toContain('alpha.dialogue-3');
		expect(missing).not.toContain('gamma.forum');
		expect(missing).toContain('delta.groups');
	});

	it('normalises whitespace and curly quotes only', () => {
		expect(normaliseSourceText('the region’s\n  “forum”')).toBe(`the region's "forum"`);
	});
});

describe('sourceStatements', () => {
	it('are bullets, captions and sentences, not headings, credits or the dateline', () => {
		expect(sourceStatements(SOURCE)).toEqual([
			'Hold summit meetings and Alpha Strategic Dialogues (ASDs)',
			'Third meeting of the Alpha Dialogue (March 25, 2014 in Lisbon)',
			'A forum for discussing political issues.',
			"The U.S. Alliance matters to the region's peace."
		]);
	});

	it('are each covered by some quote, or reported', () => {
		expect(uncoveredStatements(sampleFacts(), SOURCE)).toEqual([
			"The U.S. Alliance matters to the region's peace."
		]);
	});
});

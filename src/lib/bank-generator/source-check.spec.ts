import { describe, expect, it } from 'vitest';
import { sampleFacts } from '../domain/bank/facts.fixture';
import { missingQuotes, uncoveredStatements } from './source-check';

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
		const missing = missingQuotes(sampleFacts(), SOURCE).map((m) => m.fact);
		expect(missing).not.toContain('alpha.meetings');
		expect(missing).not.toContain('alpha.dialogue-3');
		expect(missing).not.toContain('gamma.forum');
		expect(missing).toContain('delta.groups');
	});
});

describe('uncoveredStatements', () => {
	it('reports the bullets, captions and sentences no quote touches, never a heading or credit', () => {
		expect(uncoveredStatements(sampleFacts(), SOURCE)).toEqual([
			'The U.S. Alliance matters to the region’s peace.'
		]);
		expect(uncoveredStatements({ frameworks: [] }, SOURCE)).toEqual([
			'Hold summit meetings and Alpha Strategic Dialogues (ASDs)',
			'Third meeting of the Alpha Dialogue (March 25, 2014 in Lisbon)',
			'A forum for discussing political issues.',
			'The U.S. Alliance matters to the region’s peace.'
		]);
	});
});

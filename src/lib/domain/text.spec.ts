import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cyrb53, hash } from './text';

describe('Cyrb53', () => {
	it('gives the hash of the whole input however it is split into pieces', () => {
		fc.assert(
			fc.property(fc.array(fc.string({ unit: 'grapheme' })), fc.nat(), (pieces, seed) => {
				const hasher = new Cyrb53(seed);
				for (const piece of pieces) hasher.update(piece);
				expect(hasher.digest()).toBe(hash(pieces.join(''), seed));
			})
		);
	});

	it('keeps the published cyrb53 values, which stamp existing banks', () => {
		// The examples in cyrb53's published description (bryc/code, jshash).
		expect(hash('a')).toBe(7929297801672961);
		expect(hash('revenge')).toBe(4051478007546757);
		expect(hash('revenue')).toBe(8309097637345594);
		expect(hash('revenue', 1)).toBe(8697026808958300);
	});
});

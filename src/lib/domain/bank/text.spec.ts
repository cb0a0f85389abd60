import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cyrb53, hash, mentions, pick, ranker, shuffle } from './text';

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

	it('goes on from a copy as from the original, leaving the original as it was', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (prefix, rest) => {
				const hasher = new Cyrb53().update(prefix);
				expect(hasher.copy().update(rest).digest()).toBe(hash(prefix + rest));
				expect(hasher.digest()).toBe(hash(prefix));
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

describe('shuffle and pick', () => {
	it('rank by the hash of the seed and the key, so a bank orders its choices as before', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (seed, key) => {
				expect(ranker(seed)(key)).toBe(hash(`${seed}|${key}`));
			})
		);
	});

	it('pick keeps the first of the shuffle, equal keys in their order, whatever the count', () => {
		// Few distinct keys, so equal keys (two levels of one framework) and equal ranks occur.
		const entry = fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd', 'e'), n: fc.nat() });
		fc.assert(
			fc.property(fc.array(entry), fc.nat(8), fc.string(), (values, count, seed) => {
				const key = (value: { key: string }) => value.key;
				expect(pick(values, count, seed, key)).toEqual(shuffle(values, seed, key).slice(0, count));
			})
		);
	});
});

describe('mentions', () => {
	it('matches whole words only, whatever the case and apostrophes', () => {
		expect(mentions('Where was the Sixth meeting?', 'sixth')).toBe(true);
		expect(mentions('sixtieth', 'sixth')).toBe(false);
		expect(mentions('the region’s issues', "region's")).toBe(true);
		expect(mentions('a leader-initiated forum', 'leader')).toBe(true);
	});
});

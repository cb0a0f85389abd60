import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashSeed, mulberry32, shuffle } from './random';

describe('mulberry32', () => {
	it('repeats its sequence for the same seed and stays in [0, 1)', () => {
		const a = mulberry32(42);
		const b = mulberry32(42);
		const first = Array.from({ length: 1000 }, () => a());
		expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
		expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
		expect(new Set(first).size).toBeGreaterThan(990);
	});

	it('gives another sequence for another seed', () => {
		const a = mulberry32(1);
		const b = mulberry32(2);
		expect(Array.from({ length: 5 }, () => a())).not.toEqual(Array.from({ length: 5 }, () => b()));
	});
});

describe('hashSeed', () => {
	it('differs by text and by seed', () => {
		expect(hashSeed('eas-founded.single', 1)).not.toBe(hashSeed('eas-founded.cloze', 1));
		expect(hashSeed('eas-founded.single', 1)).not.toBe(hashSeed('eas-founded.single', 2));
		expect(hashSeed('eas-founded.single', 1)).toBe(hashSeed('eas-founded.single', 1));
	});
});

describe('shuffle', () => {
	it('returns a permutation and leaves its input alone', () => {
		fc.assert(
			fc.property(fc.array(fc.integer()), fc.integer(), (items, seed) => {
				const before = items.slice();
				const out = shuffle(items, mulberry32(seed));
				expect(items).toEqual(before);
				expect(out.slice().sort()).toEqual(before.slice().sort());
			})
		);
	});

	it('is the same for the same seed', () => {
		const items = Array.from({ length: 20 }, (_, i) => i);
		expect(shuffle(items, mulberry32(7))).toEqual(shuffle(items, mulberry32(7)));
		expect(shuffle(items, mulberry32(7))).not.toEqual(shuffle(items, mulberry32(8)));
	});

	it('puts each item in each place about equally often', () => {
		const counts = [0, 0, 0, 0];
		const runs = 4000;
		for (let seed = 0; seed < runs; seed += 1) {
			const position = shuffle(['a', 'b', 'c', 'd'], mulberry32(seed)).indexOf('a');
			counts[position] = (counts[position] ?? 0) + 1;
		}
		for (const count of counts) expect(count / runs).toBeGreaterThan(0.22);
	});
});

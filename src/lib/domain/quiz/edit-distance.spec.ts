import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withinOneEdit } from './edit-distance';

/** Textbook optimal-string-alignment distance, the slow reference for `withinOneEdit`. */
function osaDistance(a: string, b: string): number {
	const s = Array.from(a);
	const t = Array.from(b);
	const d = Array.from({ length: s.length + 1 }, (_, i) =>
		Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
	);
	const at = (i: number, j: number) => d[i]?.[j] ?? Infinity;
	for (let i = 1; i <= s.length; i += 1) {
		for (let j = 1; j <= t.length; j += 1) {
			const cost = s[i - 1] === t[j - 1] ? 0 : 1;
			let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
			if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
				best = Math.min(best, at(i - 2, j - 2) + 1);
			}
			(d[i] as number[])[j] = best;
		}
	}
	return at(s.length, t.length);
}

// A small alphabet so that random pairs are often close.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ō'), maxLength: 8 });

describe('withinOneEdit', () => {
	it.each(['security', 'securrity', 'secrity', 'secarity', 'secuirty', 'ecurity', 'securitys'])(
		'accepts security typed as %s: the same, or one insertion, deletion, substitution or swap',
		(typed) => {
			expect(withinOneEdit('security', typed)).toBe(true);
		}
	);

	it.each([
		['security', 'secrty'],
		['security', 'sceuirty'],
		['security', 'securityxx'],
		['abc', 'cba']
	])('rejects %s typed as %s: two edits', (answer, typed) => {
		expect(withinOneEdit(answer, typed)).toBe(false);
	});

	it('counts a character outside the BMP as one', () => {
		expect(withinOneEdit('𠮷野家', '吉野家')).toBe(true);
	});

	it('agrees with the textbook distance', () => {
		fc.assert(
			fc.property(word, word, (a, b) => {
				expect(withinOneEdit(a, b)).toBe(osaDistance(a, b) <= 1);
				expect(withinOneEdit(b, a)).toBe(withinOneEdit(a, b));
			}),
			{ numRuns: 2000 }
		);
	});
});

/**
 * Whether two strings are at most one Damerau–Levenshtein edit apart: one insertion, deletion,
 * substitution or swap of two neighbours.
 *
 * Written here rather than taken from npm: the typo rule needs only "distance ≤ 1", which is one
 * linear pass, while the libraries fill a full distance matrix (`damerau-levenshtein`, CommonJS
 * without types) or ignore swaps (`fastest-levenshtein`, `leven`).
 * Compares code points, so a character outside the BMP counts as one.
 */
export function withinOneEdit(a: string, b: string): boolean {
	if (a === b) return true;
	const left = Array.from(a);
	const right = Array.from(b);
	if (Math.abs(left.length - right.length) > 1) return false;
	const [longer, shorter] = left.length >= right.length ? [left, right] : [right, left];

	let i = 0;
	while (i < shorter.length && longer[i] === shorter[i]) i += 1;
	const restEqual = (from: number, offset: number): boolean => {
		for (let k = from; k < shorter.length; k += 1) {
			if (longer[k + offset] !== shorter[k]) return false;
		}
		return true;
	};

	// One character more: skip it in the longer string and the rest must line up.
	if (longer.length !== shorter.length) return restEqual(i, 1);
	// Same length: a substitution at i, or i and i + 1 swapped.
	if (restEqual(i + 1, 0)) return true;
	return longer[i] === shorter[i + 1] && longer[i + 1] === shorter[i] && restEqual(i + 2, 0);
}

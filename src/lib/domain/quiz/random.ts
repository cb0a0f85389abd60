/**
 * Seeded randomness for quizzes: the same seed gives the same quiz, so a quiz can be replayed,
 * tested exactly and resumed after a reload without storing its order.
 */

/** A source of numbers in [0, 1), like `Math.random`. */
export type Rng = () => number;

/**
 * mulberry32: a tiny 32-bit generator, plenty for shuffling a few hundred questions.
 * @param seed any number; only its low 32 bits are used.
 */
export function mulberry32(seed: number): Rng {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * FNV-1a hash of `text`, mixed with `seed`: derives a per-question seed from the quiz seed, so a
 * question's choice order does not change when other questions join or leave the quiz.
 */
export function hashSeed(text: string, seed = 0): number {
	let hash = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
	for (let i = 0; i < text.length; i += 1) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

/**
 * Fisher–Yates shuffle driven by `rng`. Pure: returns a new array, `items` is left as it is.
 */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
	const out = items.slice();
	for (let i = out.length - 1; i > 0; i -= 1) {
		const j = Math.floor(rng() * (i + 1));
		const swap = out[i] as T;
		out[i] = out[j] as T;
		out[j] = swap;
	}
	return out;
}

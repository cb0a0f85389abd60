import { describe, expect, it } from 'vitest';
import {
	areDefaults,
	DEFAULT_PARAMETERS,
	evaluateParameters,
	isBetter,
	recencyWeight,
	rmseBin
} from './fsrs-evaluate';
import type { HistoryReview } from './optimizer-input';

const DAY = 86_400_000;
/** A card's history from [rating, day] pairs (delta_t from the days). */
function history(...reviews: [number, number][]): HistoryReview[] {
	return reviews.map(([rating, day], i) => ({
		rating,
		delta_t: i === 0 ? 0 : day - (reviews[i - 1] as [number, number])[1],
		at: day * DAY + i
	}));
}

describe('evaluation as fsrs-rs computes it', () => {
	// Worked by hand with the default parameters (FSRS-6): decay = -w20 = -0.1542,
	// factor = 0.9^(1/decay) - 1, R(t, S) = (1 + factor·t/S)^decay, and a first rating sets
	// S = w[rating - 1].
	//   A: Good, then Good a day later:  S = w2 = 2.3065, R(1, 2.3065) = 0.946847, recalled
	//   B: Again, then Again 2 days on:  S = w0 = 0.2120, R(2, 0.212)  = 0.698483, forgotten
	//   C: Good, then Good 5 days on:    S = 2.3065,      R(5, 2.3065) = 0.838861, recalled
	// In review order A, B, C the recency weights are 0.25, 0.25 + 0.75·0.5³ = 0.34375 and 1.
	// Log loss = -(0.25·ln 0.946847 + 0.34375·ln(1 - 0.698483) + ln 0.838861) / 1.59375
	//          = 0.377409.
	// Bins: A and B both have 1–3 days (bin 248), 1 review on a later day (length bin 4), no
	// lapse; C has 5 days (bin 898). Bin 1: mean R 0.822665, 1 of 2 recalled, weight 0.59375;
	// bin 2: R 0.838861, recalled, weight 1.
	// RMSE = √((0.59375·(0.822665 - 0.5)² + (0.838861 - 1)²) / 1.59375) = 0.234690.
	const cards = [history([1, 0], [1, 2]), history([3, 0], [3, 5]), history([3, 0], [3, 1])];

	it('gives the log loss and RMSE (bins) worked out by hand', () => {
		const result = evaluateParameters(cards, null);
		expect(result?.items).toBe(3);
		expect(result?.logLoss).toBeCloseTo(0.377409, 5);
		expect(result?.rmseBins).toBeCloseTo(0.23469, 5);
	});

	it('weights recent reviews up to four times the oldest, as fsrs-rs does', () => {
		expect([0, 1, 2].map((n) => recencyWeight(n, 3))).toEqual([0.25, 0.34375, 1]);
		expect(recencyWeight(0, 1)).toBe(0.25);
	});

	it('bins by days since the last review, reviews on separate days and lapses', () => {
		expect(rmseBin(history([3, 0], [3, 1]), 1)).toBe('248,4,0');
		expect(rmseBin(history([3, 0], [3, 4]), 1)).toBe('898,4,0');
		// 20 days: 2.48·3.62²·100 = 3250. Three reviews on later days, plus one: 1.99·1.89² = 7.1.
		// Two lapses on later days before it (the Again on day 0 is the first learning):
		// 1.65·1.73 = 2.85.
		const long = history([1, 0], [1, 3], [3, 3], [1, 10], [3, 30]);
		expect(rmseBin(long, 4)).toBe('3250,7,3');
	});

	it('scores other parameters differently, and nothing when no card came back on a later day', () => {
		const other = DEFAULT_PARAMETERS.map((w, i) => (i === 2 ? w * 3 : w));
		const fitted = evaluateParameters(cards, other);
		expect(fitted?.logLoss).not.toBeCloseTo(0.377409, 3);
		expect(evaluateParameters([history([3, 0], [3, 0])], null)).toBeNull();
	});

	it('calls parameters better only when both figures are lower', () => {
		const base = { logLoss: 0.4, rmseBins: 0.05, items: 10 };
		expect(isBetter({ logLoss: 0.3, rmseBins: 0.04, items: 10 }, base)).toBe(true);
		expect(isBetter({ logLoss: 0.3, rmseBins: 0.06, items: 10 }, base)).toBe(false);
		expect(isBetter({ logLoss: 0.5, rmseBins: 0.04, items: 10 }, base)).toBe(false);
	});

	it('recognises the defaults the optimizer gives back for too small a log', () => {
		expect(areDefaults([...DEFAULT_PARAMETERS])).toBe(true);
		expect(areDefaults(DEFAULT_PARAMETERS.map((w, i) => (i === 4 ? w + 0.01 : w)))).toBe(false);
		expect(areDefaults(DEFAULT_PARAMETERS.slice(0, 19))).toBe(false);
	});
});

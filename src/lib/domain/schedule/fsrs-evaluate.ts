/**
 * How well a set of FSRS parameters predicts the review log, measured as Anki and fsrs-rs
 * (`FSRS::evaluate`) measure it: log loss and RMSE (bins) over every review that came on a later
 * study day than the one before, each predicted from the card's history before it. ts-fsrs
 * computes every memory state and retrievability; only the scoring is here.
 */
import { default_w, fsrs, generatorParameters } from 'ts-fsrs';
import { itemRefs, type HistoryReview, type ItemRef } from './optimizer-input';

/** ts-fsrs's (and fsrs-rs's) default FSRS-6 parameters. */
export const DEFAULT_PARAMETERS: readonly number[] = default_w;

export interface Evaluation {
	logLoss: number;
	rmseBins: number;
	/** Reviews predicted. */
	items: number;
}

/** A prediction: the retrievability, whether the card was recalled, and its RMSE bin. */
interface Prediction {
	p: number;
	recalled: boolean;
	bin: string;
}

/**
 * The weight fsrs-rs gives the n-th of `total` items in review order
 * (`recency_weighted_fsrs_items`): recent reviews count up to four times as much as old ones.
 */
export function recencyWeight(n: number, total: number): number {
	return 0.25 + 0.75 * (n / Math.max(total - 1, 1)) ** 3;
}

/**
 * The RMSE bin of an item (fsrs-rs `r_matrix_index`): the days since the last review, the number
 * of reviews on separate days and the number of lapses, each on a logarithmic scale.
 */
export function rmseBin(history: readonly HistoryReview[], index: number): string {
	const current = history[index] as HistoryReview;
	const deltaBin = Math.round(2.48 * 3.62 ** Math.floor(logBase(current.delta_t, 3.62)) * 100);
	let longTerm = 0;
	let lapses = 0;
	for (let k = 0; k <= index; k++) {
		const review = history[k] as HistoryReview;
		if (review.delta_t > 0) longTerm += 1;
		if (k < index && review.rating === 1 && review.delta_t > 0) lapses += 1;
	}
	const lengthBin = Math.round(1.99 * 1.89 ** Math.floor(logBase(longTerm + 1, 1.89)));
	const lapseBin = lapses === 0 ? 0 : Math.round(1.65 * 1.73 ** Math.floor(logBase(lapses, 1.73)));
	return `${deltaBin},${lengthBin},${lapseBin}`;
}

function logBase(x: number, base: number): number {
	return Math.log(x) / Math.log(base);
}

/**
 * Log loss and RMSE (bins) of `parameters` (null: the defaults) on the cards' histories, with
 * fsrs-rs's recency weights. Null when no review can be predicted (no card reviewed on two days).
 */
export function evaluateParameters(
	histories: readonly HistoryReview[][],
	parameters: readonly number[] | null
): Evaluation | null {
	const engine = fsrs(
		generatorParameters({ w: parameters ? [...parameters] : undefined, enable_short_term: true })
	);
	// Each card's states are built once, in order: an item is a prefix of its card's history.
	const predicted = new Map<HistoryReview, Prediction>();
	for (const history of histories) {
		let state = null;
		for (let index = 0; index < history.length; index++) {
			const review = history[index] as HistoryReview;
			if (state && index > 0 && review.delta_t > 0) {
				predicted.set(review, {
					p: engine.forgetting_curve(review.delta_t, state.stability),
					recalled: review.rating > 1,
					bin: rmseBin(history, index)
				});
			}
			state = engine.next_state(state, review.delta_t, review.rating);
		}
	}
	const refs: ItemRef[] = itemRefs(histories);
	if (refs.length === 0) return null;
	let loss = 0;
	let weights = 0;
	const bins = new Map<string, { p: number; y: number; count: number; weight: number }>();
	refs.forEach((ref, n) => {
		const prediction = predicted.get(ref.history[ref.index] as HistoryReview) as Prediction;
		const weight = recencyWeight(n, refs.length);
		const y = prediction.recalled ? 1 : 0;
		loss -= weight * (y === 1 ? Math.log(prediction.p) : Math.log(1 - prediction.p));
		weights += weight;
		const bin = bins.get(prediction.bin) ?? { p: 0, y: 0, count: 0, weight: 0 };
		bin.p += prediction.p;
		bin.y += y;
		bin.count += 1;
		bin.weight += weight;
		bins.set(prediction.bin, bin);
	});
	let squares = 0;
	for (const bin of bins.values())
		squares += bin.weight * (bin.p / bin.count - bin.y / bin.count) ** 2;
	return { logLoss: loss / weights, rmseBins: Math.sqrt(squares / weights), items: refs.length };
}

/** Whether `fitted` is better than `baseline` on both figures, as Anki asks before using them. */
export function isBetter(fitted: Evaluation, baseline: Evaluation): boolean {
	return fitted.logLoss < baseline.logLoss && fitted.rmseBins < baseline.rmseBins;
}

/** Whether the optimizer gave back the defaults (it does so silently when the log is too small). */
export function areDefaults(parameters: readonly number[]): boolean {
	return (
		parameters.length === DEFAULT_PARAMETERS.length &&
		parameters.every((w, i) => Math.abs(w - (DEFAULT_PARAMETERS[i] as number)) < 1e-4)
	);
}

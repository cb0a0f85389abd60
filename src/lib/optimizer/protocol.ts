/** The messages between the page and the optimizer's worker (src/lib/optimizer/worker.ts). */
import type { Evaluation } from '$lib/domain/schedule/fsrs-evaluate';
import type { ReviewColumns } from '$lib/domain/schedule/optimizer-input';

export interface FitRequest {
	/**
	 * The log in columns, or null to read it from the app's IndexedDB in the worker: reading and
	 * checking 100,000 records took the page's thread 2 s.
	 */
	columns: ReviewColumns | null;
	/** The study day's start hour, for the days between reviews. */
	dayStartHour: number;
}

export interface FitResult {
	type: 'done';
	parameters: number[];
	/** The defaults' figures and the fitted ones', on the same reviews. */
	defaults: Evaluation;
	personal: Evaluation;
	/** Whether the fit is better than the defaults on both figures (only then is it offered). */
	better: boolean;
	/** Ratings the fit could read, and cards left out for having no first learning. */
	reviews: number;
	droppedCards: number;
	fitMs: number;
	evaluateMs: number;
}

export type FitFailure =
	| { type: 'too-few'; reviews: number; droppedCards: number }
	| { type: 'failed'; message: string; crashed: boolean };

export type FitMessage = FitResult | FitFailure;

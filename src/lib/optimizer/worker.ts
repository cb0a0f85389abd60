/// <reference lib="webworker" />
/**
 * Fits FSRS parameters to the review log with fsrs-browser (fsrs-rs built to WebAssembly), then
 * scores the defaults and the fit with ts-fsrs, all off the page's thread. Started only when the
 * person presses Optimize, and ended after one fit (or by Cancel): a Rust panic leaves the
 * WebAssembly instance unusable, so a worker never runs a second fit.
 */
import init, { Fsrs } from 'fsrs-browser';
// The URL of the module's .wasm, compiled here: a worker's CSP comes from its own response, so
// the pages' script-src needs no 'wasm-unsafe-eval'.
import wasmUrl from 'fsrs-browser/fsrs_browser_bg.wasm?url';
import { areDefaults, evaluateParameters, isBetter } from '$lib/domain/schedule/fsrs-evaluate';
import { optimizerInput, reviewColumns } from '$lib/domain/schedule/optimizer-input';
import { openIdbStorage } from '$lib/storage/idb';
import type { FitMessage, FitRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<FitRequest>) => {
	scope.postMessage(await fit(event.data));
};

async function readColumns() {
	// No change notices from here: the worker only reads.
	const storage = await openIdbStorage({ channelName: null });
	try {
		return reviewColumns(await storage.readLogs());
	} finally {
		storage.close();
	}
}

async function fit({ columns, dayStartHour }: FitRequest): Promise<FitMessage> {
	let input;
	try {
		input = optimizerInput(columns ?? (await readColumns()), dayStartHour);
	} catch (error) {
		return {
			type: 'failed',
			message: `the review log could not be read: ${String(error)}`,
			crashed: false
		};
	}
	const tooFew: FitMessage = {
		type: 'too-few',
		reviews: input.reviews,
		droppedCards: input.droppedCards
	};
	if (input.items.lengths.length === 0) return tooFew;
	try {
		await init({ module_or_path: wasmUrl });
		const started = performance.now();
		const { ratings, deltaTs, lengths } = input.items;
		const fitted = Array.from(
			new Fsrs().computeParameters(ratings, deltaTs, lengths, undefined, true)
		);
		const fitMs = performance.now() - started;
		// fsrs-rs hands back the defaults, without a word, when the log is too small to fit.
		if (areDefaults(fitted)) return tooFew;
		const scored = performance.now();
		const defaults = evaluateParameters(input.histories, null);
		const personal = evaluateParameters(input.histories, fitted);
		if (!defaults || !personal) return tooFew;
		return {
			type: 'done',
			parameters: fitted,
			defaults,
			personal,
			better: isBetter(personal, defaults),
			reviews: input.reviews,
			droppedCards: input.droppedCards,
			fitMs,
			evaluateMs: performance.now() - scored
		};
	} catch (error) {
		// A panic in fsrs-rs surfaces as "RuntimeError: unreachable".
		const crashed = error instanceof WebAssembly.RuntimeError;
		return { type: 'failed', message: String(error), crashed };
	}
}

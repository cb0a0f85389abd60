/**
 * Runs one fit in a new module worker. Imported by the FSRS parameters section only when the
 * person presses Optimize, so no other page (and no first load) carries the optimizer.
 */
import { reviewColumns } from '$lib/domain/schedule/optimizer-input';
import type { ReviewRecord } from '$lib/domain/schedule/scheduler';
import type { FitMessage, FitRequest } from './protocol';
import workerUrl from './worker.ts?worker&url';

/** The part of the Trusted Types API this module uses (not yet in TypeScript's DOM types). */
interface ScriptUrlPolicyFactory {
	createPolicy(
		name: string,
		rules: { createScriptURL: (url: string) => string }
	): { createScriptURL: (url: string) => unknown };
}

/**
 * The pages require Trusted Types for scripts (svelte.config.js), and a worker's script URL is
 * one: this policy, the app's only one of its own, lets through this site's files alone.
 */
const workerPolicy = (
	globalThis as { trustedTypes?: ScriptUrlPolicyFactory }
).trustedTypes?.createPolicy('kizuna-worker', {
	createScriptURL(url) {
		const resolved = new URL(url, location.href);
		if (resolved.origin !== location.origin) throw new TypeError(`Not this site's worker: ${url}`);
		return resolved.href;
	}
});

export type { FitMessage, FitResult } from './protocol';

/**
 * Fits parameters to `logs`, or to the log in the app's IndexedDB when null (read there by the
 * worker, off the page's thread). Aborting `signal` ends the worker at once (the fit cannot be
 * interrupted from inside) and rejects with an AbortError; a worker that fails to start or
 * crashes resolves as `failed`, and is ended too.
 */
export function fitParameters(
	logs: readonly ReviewRecord[] | null,
	dayStartHour: number,
	signal?: AbortSignal
): Promise<FitMessage> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(new DOMException('The fit was cancelled.', 'AbortError'));
		const worker = new Worker((workerPolicy?.createScriptURL(workerUrl) ?? workerUrl) as string, {
			type: 'module'
		});
		const finish = () => {
			worker.terminate();
			signal?.removeEventListener('abort', abort);
		};
		const abort = () => {
			finish();
			reject(new DOMException('The fit was cancelled.', 'AbortError'));
		};
		signal?.addEventListener('abort', abort);
		worker.onmessage = (event: MessageEvent<FitMessage>) => {
			finish();
			resolve(event.data);
		};
		worker.onerror = (event) => {
			event.preventDefault();
			finish();
			resolve({
				type: 'failed',
				message: event.message || 'the optimizer did not start',
				crashed: true
			});
		};
		const columns = logs ? reviewColumns(logs) : null;
		const request: FitRequest = { columns, dayStartHour };
		worker.postMessage(
			request,
			columns
				? [columns.cards.buffer, columns.ratings.buffer, columns.first.buffer, columns.times.buffer]
				: []
		);
	});
}

/**
 * Runs one fit in a new module worker. Imported by the FSRS parameters section only when the
 * person presses Optimize, so no other page (and no first load) carries the optimizer.
 */
import { reviewColumns } from '$lib/domain/optimizer-input';
import type { ReviewRecord } from '$lib/domain/scheduler';
import type { FitMessage, FitRequest } from './protocol';

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
		const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
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

/**
 * Tells other tabs that storage changed, over a BroadcastChannel, so they rebuild their queue
 * instead of showing a card another tab just rated. A channel never delivers to its sender.
 */
import type { StorageChange } from './types';

export interface Notifier {
	post(change: StorageChange): void;
	subscribe(listener: (change: StorageChange) => void): () => void;
	close(): void;
}

const SILENT: Notifier = { post() {}, subscribe: () => () => {}, close() {} };

/** A notifier on channel `name`; silent when `name` is null or BroadcastChannel is missing. */
export function createNotifier(name: string | null): Notifier {
	if (name === null || typeof BroadcastChannel === 'undefined') return SILENT;
	const channel = new BroadcastChannel(name);
	const listeners = new Set<(change: StorageChange) => void>();
	channel.onmessage = (event: MessageEvent<StorageChange>) => {
		for (const listener of listeners) listener(event.data);
	};
	return {
		post(change) {
			channel.postMessage(change);
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		close() {
			listeners.clear();
			channel.close();
		}
	};
}

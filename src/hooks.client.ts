import type { ClientInit } from '@sveltejs/kit';
import { bankState } from '$lib/state/bank.svelte';
import { progress } from '$lib/state/progress.svelte';

/**
 * Start-up I/O, once per page load and before hydration: the bank's fetch and IndexedDB's open
 * start together while the page's own code still loads. Not awaited, so hydration does not wait
 * for them; pages await the same loads, and a failure is in `bankState.error` or
 * `progress.status.error` (a page's own `load()` call retries).
 */
export const init: ClientInit = () => {
	bankState.load().catch(() => undefined);
	progress.load().catch(() => undefined);
};

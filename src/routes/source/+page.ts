import { error } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import type { SourceText } from '$lib/domain/bank/source-text';

// Inlined into the prerendered page; fetched (from the service worker's cache) on a client-side
// navigation.
export const load = async ({ fetch }) => {
	const response = await fetch(resolve('/source.json'));
	if (!response.ok) error(response.status, 'The source text could not be loaded');
	return (await response.json()) as { source: SourceText; questions: string[][] };
};

import { error } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import type { Comparison } from '$lib/domain/compare';

// Inlined into the prerendered page; fetched (from the service worker's cache) on a client-side
// navigation.
export const load = async ({ fetch }) => {
	const response = await fetch(resolve('/compare.json'));
	if (!response.ok) error(response.status, 'The comparison table could not be loaded');
	return { comparison: (await response.json()) as Comparison };
};

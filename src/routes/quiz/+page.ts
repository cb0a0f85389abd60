import { error } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import type { BankFramework } from '$lib/domain/bank/bank';

// Inlined into the prerendered page, so the setup form shows before any script has run; fetched
// (from the service worker's cache) on a client-side navigation.
export const load = async ({ fetch }) => {
	const response = await fetch(resolve('/frameworks.json'));
	if (!response.ok) error(response.status, 'The list of frameworks could not be loaded');
	return { frameworks: (await response.json()) as BankFramework[] };
};

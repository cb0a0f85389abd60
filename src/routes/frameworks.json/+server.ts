import { json } from '@sveltejs/kit';
import { readBank } from '$lib/server/content';

// The bank's frameworks, built when the site is prerendered, so the quiz page's setup form is in
// its HTML (a prerendered file, so the service worker has it offline; see source.json).
export const GET = () => json(readBank().frameworks);

import { json } from '@sveltejs/kit';
import { questionsBySentence } from '$lib/domain/bank/source-coverage';
import { readBank, readSource } from '$lib/server/content';

// The source text as sentences, each with the ids of the questions resting on it, built when the
// site is prerendered: the browser gets the sentences, not the bank. A file of its own, not a
// page's server data, because the service worker precaches prerendered files (the page then opens
// offline after a client-side navigation too).
export const GET = () => {
	const source = readSource();
	return json({ source, questions: questionsBySentence(source, readBank().questions) });
};

import { json } from '@sveltejs/kit';
import { questionsBySentence } from '$lib/domain/source-coverage';
import { readBank, readSource } from '$lib/server/content';

// The source text as sentences, each with the ids of the questions resting on it, built when the
// site is prerendered (a prerendered file, so the service worker has it offline; see compare.json).
export const GET = () => {
	const source = readSource();
	return json({ source, questions: questionsBySentence(source, readBank().questions) });
};

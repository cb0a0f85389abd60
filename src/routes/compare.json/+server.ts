import { json } from '@sveltejs/kit';
import { buildComparison } from '$lib/domain/compare';
import { quizKindOf } from '$lib/domain/quiz-sample';
import { readBank, readFactsGraph } from '$lib/server/content';

// The comparison table, built when the site is prerendered: the browser gets the table, not the
// facts. A file of its own, not a page's server data, because the service worker precaches
// prerendered files (the page then opens offline after a client-side navigation too). A cell links
// to a quiz, so it lists the quiz questions behind it (flashcards are reviewed, not quizzed).
export const GET = () =>
	json(
		buildComparison(
			readFactsGraph(),
			readBank().questions.filter((question) => quizKindOf(question) !== null)
		)
	);

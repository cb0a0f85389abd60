/**
 * Which questions rest on which sentence of the source: a question rests on the sentences its
 * `source.quote` falls in (./source-text.ts `findQuote`). The source reader (/source) shows the
 * counts, marks a sentence no question rests on, and links a citation to its sentence.
 */
import type { Question } from './bank';
import { findQuote, type SourceText } from './source-text';

/** Per sentence index, the ids of the questions resting on it, in bank order. */
export function questionsBySentence(
	source: SourceText,
	questions: readonly Question[]
): string[][] {
	const bySentence = source.sentences.map((): string[] => []);
	const sentencesOf = new Map<string, number[]>();
	for (const question of questions) {
		const { quote } = question.source;
		let found = sentencesOf.get(quote);
		if (!found) sentencesOf.set(quote, (found = findQuote(source, quote)));
		for (const index of found) bySentence[index]?.push(question.id);
	}
	return bySentence;
}

/** The sentences that state something (headings only name a section) and no question rests on. */
export function uncoveredSentences(source: SourceText, bySentence: readonly string[][]): number[] {
	return source.sentences
		.filter((sentence) => sentence.kind !== 'heading' && !bySentence[sentence.index]?.length)
		.map((sentence) => sentence.index);
}

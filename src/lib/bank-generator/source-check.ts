/**
 * Checks the facts against the source text (read with ../domain/bank/source-text.ts): every fact's `quote`
 * must be found in it word for word (whitespace and curly quotes normalised), and every statement
 * of the source must hold some fact's quote, so no statement goes unasked.
 */
import type { FactBase, Facts } from '../domain/bank/facts';
import { type SourceText, findQuote, parseSource } from '../domain/bank/source-text';

/** Every fact of the graph with the framework it belongs to, in file order. */
export function* allFacts(facts: Pick<Facts, 'frameworks'>): Generator<[string, FactBase]> {
	for (const framework of facts.frameworks) {
		const groups = [
			framework.acronyms,
			framework.levels,
			framework.statements,
			framework.lists,
			framework.meetings
		];
		for (const group of groups) for (const fact of group ?? []) yield [framework.id, fact];
		for (const meeting of framework.meetings ?? []) {
			for (const fact of [...(meeting.statements ?? []), ...(meeting.lists ?? [])]) {
				yield [framework.id, fact];
			}
		}
	}
}

export interface MissingQuote {
	framework: string;
	fact: string;
	quote: string;
}

function sourceOf(text: string | SourceText): SourceText {
	return typeof text === 'string' ? parseSource(text) : text;
}

/** The facts whose quote is not found verbatim in the source. */
export function missingQuotes(
	facts: Pick<Facts, 'frameworks'>,
	source: string | SourceText
): MissingQuote[] {
	const text = sourceOf(source);
	const missing: MissingQuote[] = [];
	for (const [framework, fact] of allFacts(facts)) {
		if (findQuote(text, fact.quote).length === 0) {
			missing.push({ framework, fact: fact.id, quote: fact.quote });
		}
	}
	return missing;
}

/** The source's statements (bullets, sentences, captions; not headings) that no quote touches. */
export function uncoveredStatements(
	facts: Pick<Facts, 'frameworks'>,
	source: string | SourceText
): string[] {
	const text = sourceOf(source);
	const covered = new Set([...allFacts(facts)].flatMap(([, fact]) => findQuote(text, fact.quote)));
	return text.sentences
		.filter((sentence) => sentence.kind !== 'heading' && !covered.has(sentence.index))
		.map((sentence) => sentence.text);
}

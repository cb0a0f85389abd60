/**
 * Checks the facts against the source text: every fact's `quote` must be found in it word for
 * word (whitespace and curly quotes normalised), and every sentence of the source must contain
 * some fact's quote, so no statement of the source goes unasked.
 */
import type { FactBase, Facts } from './facts';

/** Collapses whitespace and straightens curly quotes and apostrophes. */
export function normaliseSourceText(text: string): string {
	return text
		.replace(/[\u2018\u2019\u201B\u2032]/g, "'")
		.replace(/[\u201C\u201D\u201F\u2033]/g, '"')
		.replace(/\s+/g, ' ')
		.trim();
}

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

/** The facts whose quote is not found verbatim in `source`. */
export function missingQuotes(facts: Pick<Facts, 'frameworks'>, source: string): MissingQuote[] {
	const text = normaliseSourceText(source);
	const missing: MissingQuote[] = [];
	for (const [framework, fact] of allFacts(facts)) {
		if (!text.includes(normaliseSourceText(fact.quote))) {
			missing.push({ framework, fact: fact.id, quote: fact.quote });
		}
	}
	return missing;
}

/**
 * The source's statements: bullet points, sentences of paragraphs and meeting captions (a line
 * with a date). Headings (a line with no full stop and no digit), photo credits and the dateline
 * are not statements.
 */
export function sourceStatements(source: string): string[] {
	const statements: string[] = [];
	for (const raw of source.split('\n')) {
		const line = normaliseSourceText(raw.replace(/^\s*•\s*/, ''));
		if (!line || line.startsWith('©')) continue;
		const bullet = /^\s*•/.test(raw);
		const hasDigit = /\d/.test(line);
		if (/^[A-Z][a-z]+ \d{1,2}, \d{4}$/.test(line)) continue;
		if (!bullet && !hasDigit && !/\.$/.test(line)) continue;
		statements.push(...line.split(/(?<=[a-z]\.)\s+(?=[A-Z])/));
	}
	return statements;
}

/** The source's statements that contain no fact's quote. */
export function uncoveredStatements(facts: Pick<Facts, 'frameworks'>, source: string): string[] {
	const quotes = [...allFacts(facts)].map(([, fact]) => normaliseSourceText(fact.quote));
	return sourceStatements(source).filter((sentence) => !quotes.some((q) => sentence.includes(q)));
}

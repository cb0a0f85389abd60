/**
 * The source text (questions/source/japans-security-policy-2016.txt) as sections and sentences,
 * and where a quote sits in it.
 *
 * The text is plain: a title line and a dateline, then lines separated by blank lines. A line is
 * - a bullet point (`•`): one sentence of kind `item`;
 * - prose (ends with . ! or ?): split into sentences of kind `prose`, one paragraph;
 * - a photo caption (no closing full stop, a year in it, e.g. "21st ARF Ministerial Meeting
 *   (August 2014)"): one sentence of kind `caption` (the source's only record of the meetings);
 * - a photo credit (`©`): left out, it states nothing;
 * - otherwise a heading, which starts a section. Headings are sentences too (kind `heading`), as
 *   a fact may quote one.
 * Two or more blank lines in a row end a section: the source's last paragraph (on the meeting of
 * seven major developed countries) has no heading of its own and so gets a section whose
 * `heading` is null.
 */

export type SentenceKind = 'heading' | 'prose' | 'item' | 'caption';

export interface SourceSentence {
	/** Position in `SourceText.sentences`. */
	index: number;
	kind: SentenceKind;
	/** As the source writes it, trimmed (a bullet without its `•`). */
	text: string;
	/** Index in `SourceText.sections`. */
	section: number;
	/** Sentences of one paragraph share it; a quote may run across them, never past them. */
	paragraph: number;
}

export interface SourceSection {
	index: number;
	/** The heading sentence; null for a section the source gives no heading. */
	heading: SourceSentence | null;
	/** The sentences under the heading, in order. */
	sentences: SourceSentence[];
}

export interface SourceText {
	title: string;
	/** The dateline as written ("April 6, 2016"), or '' when the second line is not one. */
	date: string;
	sections: SourceSection[];
	/** Every sentence, headings included, in the order of the text. */
	sentences: SourceSentence[];
}

const BULLET = /^\s*•\s*/;
const CREDIT = /^©/;
const DATELINE = /^[A-Z][a-z]+ \d{1,2}, \d{4}$/;
const YEAR = /\b\d{4}\b/;
/** Ends a sentence: . ! or ?, then any closing quotes or brackets. */
const PROSE_END = /[.!?]["'”’)\]]*$/;

/** Abbreviations whose full stop does not end a sentence, besides initials ("U.S.", "e.g."). */
const ABBREVIATIONS = new Set(
	(
		'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Wed Thu Fri Sat Sun ' +
		'Mr Mrs Ms Dr Prof St Jr Sr Gen Lt Col Adm Gov Sen Rep Amb Hon Inc Ltd Co Corp Dept No Vol ' +
		'Fig vs cf approx pp'
	).split(' ')
);
/** Single letters joined by full stops: U.S, e.g, i.e, or a middle initial. */
const INITIALS = /^(?:\p{L}\.)*\p{L}$/u;

/** Whether the word ending just before a full stop is an abbreviation. */
function isAbbreviation(word: string): boolean {
	// "Japan-U.S." ends in the abbreviation "U.S."; "(Dec." in "Dec.".
	const last =
		word
			.replace(/^["'“‘([]+/, '')
			.split(/[-–/]/)
			.pop() ?? '';
	return INITIALS.test(last) || ABBREVIATIONS.has(last);
}

// A sentence ends at . ! or ? (with closing quotes or brackets) followed by space and then a
// capital letter or a digit, possibly after an opening quote or bracket.
const BOUNDARY = /([.!?])["'”’)\]]*(\s+)(?=["'“‘([]*[\p{Lu}\d])/gu;

/** Splits one line of prose into its sentences, trimmed. */
export function splitSentences(line: string): string[] {
	const sentences: string[] = [];
	let start = 0;
	for (const match of line.matchAll(BOUNDARY)) {
		const stop = match.index;
		if (match[1] === '.') {
			const before = line.slice(start, stop);
			const word = before.slice(before.search(/\S+$/));
			if (isAbbreviation(word)) continue;
		}
		const end = stop + match[0].length - (match[2]?.length ?? 0);
		sentences.push(line.slice(start, end).trim());
		start = end;
	}
	const rest = line.slice(start).trim();
	if (rest) sentences.push(rest);
	return sentences;
}

function lineKind(line: string): SentenceKind | 'credit' {
	if (BULLET.test(line)) return 'item';
	const text = line.trim();
	if (CREDIT.test(text)) return 'credit';
	if (PROSE_END.test(text)) return 'prose';
	return YEAR.test(text) ? 'caption' : 'heading';
}

/** Reads the source text into its title, dateline, sections and sentences. */
export function parseSource(text: string): SourceText {
	const lines = text.split(/\r?\n/);
	const filled = lines.map((line) => line.trim() !== '');
	const first = filled.indexOf(true);
	const title = first < 0 ? '' : (lines[first] ?? '').trim();
	const second = filled.indexOf(true, first + 1);
	const dateline = second < 0 ? '' : (lines[second] ?? '').trim();
	const date = DATELINE.test(dateline) ? dateline : '';
	const bodyStart = date ? second + 1 : first + 1;

	const sections: SourceSection[] = [];
	const sentences: SourceSentence[] = [];
	let paragraph = -1;
	let blanks = 0;

	const add = (kind: SentenceKind, sentenceText: string): SourceSentence => {
		let section = sections.at(-1);
		if (!section) {
			section = { index: 0, heading: null, sentences: [] };
			sections.push(section);
		}
		const sentence = {
			index: sentences.length,
			kind,
			text: sentenceText,
			section: section.index,
			paragraph
		};
		sentences.push(sentence);
		return sentence;
	};

	for (const line of lines.slice(Math.max(bodyStart, 0))) {
		if (line.trim() === '') {
			blanks += 1;
			continue;
		}
		const kind = lineKind(line);
		const gap = blanks >= 2;
		blanks = 0;
		if (kind === 'credit') continue;
		paragraph += 1;
		if (kind === 'heading' || (gap && sections.length > 0)) {
			sections.push({ index: sections.length, heading: null, sentences: [] });
		}
		if (kind === 'heading') {
			const section = sections.at(-1);
			if (section) section.heading = add('heading', line.trim());
			continue;
		}
		const parts = kind === 'prose' ? splitSentences(line) : [line.replace(BULLET, '').trim()];
		for (const part of parts) sections.at(-1)?.sentences.push(add(kind, part));
	}
	return { title, date, sections, sentences };
}

/**
 * The form quotes are matched in: runs of whitespace as one space, curly quotes and apostrophes
 * straightened, no space at either end. Letter case and every other character are kept.
 */
export function normalise(text: string): string {
	return text
		.replace(/[\u2018\u2019\u201B\u2032]/g, "'")
		.replace(/[\u201C\u201D\u201F\u2033]/g, '"')
		.replace(/\s+/g, ' ')
		.trim();
}

// Searching one string with sentence offsets beside it: sentences of a paragraph joined by a
// space, paragraphs by a newline, which `normalise` never leaves in a quote.
const searchIndex = new WeakMap<SourceText, { text: string; starts: number[] }>();

function indexOf(source: SourceText): { text: string; starts: number[] } {
	let index = searchIndex.get(source);
	if (index) return index;
	let text = '';
	const starts: number[] = [];
	source.sentences.forEach((sentence, i) => {
		if (i > 0) text += source.sentences[i - 1]?.paragraph === sentence.paragraph ? ' ' : '\n';
		starts.push(text.length);
		text += normalise(sentence.text);
	});
	index = { text, starts };
	searchIndex.set(source, index);
	return index;
}

/** Index of the sentence holding character `offset` of the search text (binary search). */
function sentenceAt(starts: number[], offset: number): number {
	let low = 0;
	let high = starts.length - 1;
	while (low < high) {
		const mid = (low + high + 1) >> 1;
		if ((starts[mid] ?? 0) <= offset) low = mid;
		else high = mid - 1;
	}
	return low;
}

/**
 * Indices of the sentences a quote is found in, after `normalise`: the one it sits inside, or
 * every one it runs across (within a paragraph). A quote found in several places gives the
 * sentences of each; a quote found nowhere, or an empty one, gives [].
 */
export function findQuote(source: SourceText, quote: string): number[] {
	const needle = normalise(quote);
	if (!needle) return [];
	const { text, starts } = indexOf(source);
	const found = new Set<number>();
	for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
		const last = sentenceAt(starts, at + needle.length - 1);
		for (let i = sentenceAt(starts, at); i <= last; i++) found.add(i);
	}
	return [...found].sort((a, b) => a - b);
}

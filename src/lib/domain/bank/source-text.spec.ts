import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuote, normalise, parseSource, splitSentences } from './source-text';

const source = parseSource(
	readFileSync('questions/source/japans-security-policy-2016.txt', 'utf8')
);
const texts = (kind: string) => source.sentences.filter((s) => s.kind === kind).map((s) => s.text);

describe('parseSource on the source text', () => {
	it('reads the title and the dateline apart from the sections', () => {
		expect(source.title).toBe("Japan's Security Policy");
		expect(source.date).toBe('April 6, 2016');
		expect(source.sentences.map((s) => s.text)).not.toContain(source.date);
	});

	it('gives every heading its section, and the last paragraph a section of its own without one', () => {
		expect(source.sections.map((section) => section.heading?.text ?? null)).toEqual([
			'Multilayered Security Cooperation',
			'Building multilayered security cooperation relations bilaterally and multilaterally',
			'Japan, the United States and the ROK',
			'Japan, the United States and Australia',
			'Japan, the United States and India',
			'Multilateral frameworks',
			'EAS (East Asia Summit)',
			'ARF (ASEAN Regional Forum)',
			'ADMM-Plus (ASEAN Defense Ministerial Meeting-Plus)',
			null
		]);
		const last = source.sections.at(-1);
		expect(last?.sentences.map((s) => s.text)).toEqual([
			'The meeting consists of seven major developed countries that share basic values, and its topics are security issues related to important international affairs and others.',
			'Recent topics include the Ukraine-Russia situation, counterterrorism, disarmament and non-proliferation, and maritime security.'
		]);
	});

	it('does not end a sentence at "U.S." inside one', () => {
		const prose = texts('prose');
		expect(prose).toContain(
			'In order to achieve regional stability and peace, Japan is seeking to strengthen its bilateral and multilateral security cooperations in addition to the Japan-U.S. Alliance, and build multilayered security cooperation relations.'
		);
		expect(prose).toContain(
			'Furthermore, the three leaders shared their recognition that the Japan-U.S. Alliance and the U.S.-ROK alliance greatly contribute to peace and stability of the East Asia region.'
		);
		// Every prose sentence ends a sentence; none is a fragment cut at an abbreviation.
		for (const text of prose) expect(text).toMatch(/^[A-Z].*[.!?]$/);
	});

	it('keeps bullet points and meeting captions as sentences, and leaves photo credits out', () => {
		expect(texts('item')).toContain("Hold summit meetings and foreign minister's meetings");
		expect(texts('item').every((text) => !text.startsWith('•'))).toBe(true);
		expect(texts('caption')).toEqual([
			'Japan-U.S.-ROK Trilateral Summit Meeting (March 25, 2014 in The Hague)',
			'Japan-United States-Australia Trilateral Leaders Meeting (November 16, 2014 in Brisbane)',
			'Sixth meeting of the Japan-U.S.-India Trilateral Dialogue (December 20, 2014 in New Delhi)',
			'21st ARF Ministerial Meeting (August 2014)'
		]);
		expect(source.sentences.some((s) => s.text.includes('©'))).toBe(false);
	});

	it('numbers the sentences in order and files each under its section', () => {
		source.sentences.forEach((sentence, index) => expect(sentence.index).toBe(index));
		for (const section of source.sections) {
			const own = [section.heading, ...section.sentences].filter((s) => s !== null);
			for (const sentence of own) expect(sentence.section).toBe(section.index);
		}
		const filed = source.sections.flatMap((s) => [s.heading, ...s.sentences]).filter(Boolean);
		expect(filed).toHaveLength(source.sentences.length);
	});
});

describe('splitSentences', () => {
	it('does not end a sentence at an abbreviation or initials', () => {
		expect(
			splitSentences('They met on Dec. 5 in Tokyo. The U.S. Navy and Mr. Smith came.')
		).toEqual(['They met on Dec. 5 in Tokyo.', 'The U.S. Navy and Mr. Smith came.']);
		expect(splitSentences('Areas, e.g. Maritime security, grew. Next.')).toEqual([
			'Areas, e.g. Maritime security, grew.',
			'Next.'
		]);
	});

	it('ends sentences at ? and !, after closing quotes, and not inside a number', () => {
		expect(splitSentences('Why? It grew 3.5 times! He said “Yes.” Then (2014) it ended.')).toEqual([
			'Why?',
			'It grew 3.5 times!',
			'He said “Yes.”',
			'Then (2014) it ended.'
		]);
	});

	it('does not end a sentence before a lower-case word', () => {
		expect(splitSentences('It is the U.S. and it is Japan.')).toEqual([
			'It is the U.S. and it is Japan.'
		]);
	});
});

describe('normalise', () => {
	it('collapses whitespace and straightens curly quotes, keeping case', () => {
		expect(normalise('  the region’s\n\t“forum”  ‘x’ ')).toBe("the region's \"forum\" 'x'");
		expect(normalise('The EAS')).toBe('The EAS');
	});
});

describe('findQuote', () => {
	const at = (quote: string) => findQuote(source, quote);
	const indexOf = (start: string) => source.sentences.findIndex((s) => s.text.startsWith(start));

	it('finds a quote inside a sentence, whatever its whitespace and quote marks', () => {
		const eas = indexOf('The EAS is held');
		expect(eas).toBeGreaterThan(0);
		expect(at("on the region's political  and\nsecurity issues")).toEqual([eas]);
		expect(at('foreign minister’s meetings')).toEqual([
			indexOf('Hold summit meetings and foreign')
		]);
	});

	it('finds a quote that runs across the sentences of a paragraph', () => {
		const first = indexOf('The three leaders');
		expect(at('Asia and Pacific region. Furthermore, the three leaders')).toEqual([
			first,
			first + 1
		]);
	});

	it('does not join bullet points, headings or paragraphs into one sentence', () => {
		expect(at('Asia-Pacific region and the world In particular')).toEqual([]);
		expect(at('Multilateral frameworks EAS')).toEqual([]);
	});

	it('gives every place a quote is found, and nothing for a quote found nowhere or empty', () => {
		const maritime = at('maritime security');
		expect(maritime.length).toBeGreaterThanOrEqual(4);
		for (const index of maritime)
			expect(source.sentences[index]?.text).toContain('maritime security');
		expect(at('Maritime Security')).toEqual([]);
		expect(at('the G7')).toEqual([]);
		expect(at('  ')).toEqual([]);
	});

	it('finds a heading, which a fact may quote', () => {
		const heading = source.sections[1]?.heading;
		expect(at('relations bilaterally and multilaterally')).toEqual([heading?.index]);
	});
});

describe('properties', () => {
	it('every run of words of a source sentence is found at that sentence', () => {
		const withWords = source.sentences.map((s) => ({ index: s.index, words: s.text.split(' ') }));
		const slice = fc
			.constantFrom(...withWords)
			.chain(({ index, words }) =>
				fc
					.tuple(fc.nat(words.length - 1), fc.nat(words.length - 1))
					.map(([a, b]) => ({ index, quote: words.slice(Math.min(a, b), Math.max(a, b) + 1) }))
			);
		fc.assert(
			fc.property(slice, ({ index, quote }) => {
				expect(findQuote(source, quote.join(' '))).toContain(index);
			})
		);
	});

	// Documents made of sentences with abbreviations, initials, numbers and quote marks in them:
	// reading one back gives the same sections and sentences, each found at its own index.
	const word = fc.constantFrom(
		'security',
		'cooperation',
		'the',
		'region',
		'Japan',
		'Alliance',
		'The',
		'ASEAN',
		'and',
		'U.S.',
		'Japan-U.S.',
		'U.S.-ROK',
		'Dec.',
		'Mr.',
		'e.g.',
		'2014',
		'3.5',
		'region’s',
		'“forum”',
		'(EAS)',
		'Asia-Pacific',
		'in'
	);
	const plainEnd = fc.constantFrom('security', 'cooperation', 'Japan', 'region', '2014', 'forum');
	const sentence = fc
		.tuple(
			fc.constantFrom('The', 'In', 'Japan', 'A', '“Six'),
			fc.array(word, { maxLength: 12 }),
			plainEnd,
			fc.constantFrom('.', '?', '!', '.”')
		)
		.map(([first, middle, last, stop]) => [first, ...middle, last].join(' ') + stop);
	const heading = fc
		.array(fc.constantFrom('Maritime', 'Security', 'Forum', 'of', 'ASEAN', '(ARF)'), {
			minLength: 1,
			maxLength: 5
		})
		.map((words) => words.join(' '));
	const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 });
	const section = fc.record({
		heading,
		bullets: fc.array(
			fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')),
			{
				maxLength: 3
			}
		),
		paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 3 })
	});

	it('reading a generated document gives back its sections and sentences', () => {
		fc.assert(
			fc.property(
				fc.array(section, { minLength: 1, maxLength: 4 }),
				fc.nat(2),
				(sections, extra) => {
					const space = ' '.repeat(extra + 1);
					const body = sections.map((s) =>
						[
							s.heading,
							'',
							...s.bullets.map((b) => `  • ${b}`),
							...s.paragraphs.flatMap((p) => [p.join(space), ''])
						].join('\n')
					);
					const parsed = parseSource(['Title', '', 'April 6, 2016', '', ...body].join('\n'));
					expect(parsed.sections.map((s) => s.heading?.text)).toEqual(
						sections.map((s) => s.heading)
					);
					parsed.sections.forEach((parsedSection, i) => {
						const expected = sections[i]!;
						expect(parsedSection.sentences.map((s) => s.text)).toEqual([
							...expected.bullets,
							...expected.paragraphs.flat()
						]);
					});
					for (const s of parsed.sentences) expect(findQuote(parsed, s.text)).toContain(s.index);
				}
			)
		);
	});
});

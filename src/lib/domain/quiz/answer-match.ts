/**
 * Lenient matching of typed answers: case, accents, punctuation, spacing and a leading article
 * never make an answer wrong, and one slip of the keyboard is forgiven in longer answers.
 */
import { withinOneEdit } from './edit-distance';

export type MatchVerdict = 'exact' | 'typo' | 'wrong';

export interface TypedMatch {
	verdict: MatchVerdict;
	/** The accepted answer (as written in the bank) that the text matched. */
	matched?: string;
}

/** One typo is forgiven only from this many letters: in "ARF" one edit makes another acronym. */
const TYPO_MIN_LETTERS = 6;

const LEADING_ARTICLE = /^(?:the|an|a) (?=\S)/u;

/**
 * The comparable form of an answer, words separated by single spaces: compatibility forms folded
 * (NFKD), Latin accents dropped ('Tōkyō' → 'tokyo'), lower case, '&' read as 'and', dots and
 * apostrophes dropped ('U.S.' → 'us'), other punctuation read as a space, one leading article
 * dropped. Idempotent.
 */
export function normalizeAnswer(text: string): string {
	let words = text
		.normalize('NFKD')
		// Lower case after NFKD ('Ⅻ' → 'XII') and decompose again ('İ' → 'i' + dot above).
		.toLowerCase()
		.normalize('NFKD')
		// Only the Latin combining marks: stripping every mark would turn Japanese が into か.
		.replace(/[\u0300-\u036f]/gu, '')
		.normalize('NFC')
		.replace(/&/gu, ' and ')
		.replace(/[.'’ʼ`]/gu, '')
		.replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
		.trim();
	// All leading articles, not one: otherwise "the a x" would normalize differently twice.
	while (LEADING_ARTICLE.test(words)) words = words.replace(LEADING_ARTICLE, '');
	return words;
}

/**
 * Spaces do not count either: "Camp David", "CampDavid" and "Camp-David" are one answer. An answer
 * that normalization would erase entirely (a lone "ʼ" is a letter to Unicode) is compared as typed,
 * so it can still be given exactly.
 */
function answerKey(text: string): string {
	const key = normalizeAnswer(text).replace(/ /gu, '');
	return key !== '' ? key : text.normalize('NFC').toLowerCase().replace(/\s/gu, '');
}

function letterCount(key: string): number {
	return key.match(/\p{L}/gu)?.length ?? 0;
}

function digitsOf(key: string): string {
	return key.replace(/\D/gu, '');
}

/**
 * A one-character slip is forgiven only in answers of at least `TYPO_MIN_LETTERS` letters, and
 * never in a number: 2015 for 2016 is a wrong year, not a typo.
 */
function forgivable(givenKey: string, expectedKey: string): boolean {
	return (
		letterCount(expectedKey) >= TYPO_MIN_LETTERS &&
		digitsOf(givenKey) === digitsOf(expectedKey) &&
		withinOneEdit(givenKey, expectedKey)
	);
}

/**
 * Matches a typed answer against every accepted answer (the answer and its `accept` list).
 * An exact match with any of them wins over a typo match with another.
 */
export function matchTypedAnswer(given: string, expected: readonly string[]): TypedMatch {
	const givenKey = answerKey(given);
	if (givenKey === '') return { verdict: 'wrong' };
	const keyed = expected.map((answer) => ({ answer, key: answerKey(answer) }));
	const exact = keyed.find(({ key }) => key === givenKey);
	if (exact) return { verdict: 'exact', matched: exact.answer };
	const typo = keyed.find(({ key }) => key !== '' && forgivable(givenKey, key));
	if (typo) return { verdict: 'typo', matched: typo.answer };
	return { verdict: 'wrong' };
}

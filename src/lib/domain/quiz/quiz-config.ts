/**
 * What a quiz is made of — frameworks, length, question kinds, or exactly some questions — and
 * its deep-link form, e.g. `/quiz?framework=eas,arf&n=10&kind=single,cloze`, or
 * `/quiz?ids=eas.level.who.which,arf.forum.cloze` (what Compare and Source link to).
 */
import { quote } from '../records/quote';

/** Kinds a quiz can ask; `recall` is a flashcard, never a quiz question. */
export const QUIZ_KINDS = [
	'single',
	'multi',
	'truefalse',
	'cloze',
	'matching',
	'which-framework'
] as const;
export type QuizKind = (typeof QUIZ_KINDS)[number];

const DEFAULT_QUIZ_COUNT = 10;

export interface QuizConfig {
	/** Framework ids, or every framework. */
	frameworks: 'all' | string[];
	count: number | 'all';
	/** Never empty: absent in a link means every kind. */
	kinds: QuizKind[];
	/** Only these question ids (those of them the other filters let through). */
	questions?: string[];
}

export type QuizParam = 'framework' | 'n' | 'kind' | 'ids';

/** The query parameters a quiz link may have. */
export const QUIZ_PARAMS: readonly QuizParam[] = ['framework', 'n', 'kind', 'ids'];

/** The link to a quiz of exactly these questions, to append to the quiz page's path. */
export function quizQueryFor(questionIds: readonly string[]): string {
	return `?ids=${questionIds.map(encodeURIComponent).join(',')}`;
}

export interface QuizParamError {
	param: QuizParam;
	value: string;
	message: string;
}

export type QuizParamsResult =
	{ ok: true; config: QuizConfig } | { ok: false; errors: QuizParamError[] };

/** Both `framework=eas,arf` and `framework=eas&framework=arf`. */
function listParam(searchParams: URLSearchParams, name: string): string[] {
	const values = searchParams
		.getAll(name)
		.flatMap((value) => value.split(','))
		.map((value) => value.trim())
		.filter((value) => value !== '');
	return [...new Set(values)];
}

/** Framework ids and kinds are case-insensitive. */
const lowerListParam = (searchParams: URLSearchParams, name: string) => [
	...new Set(listParam(searchParams, name).map((value) => value.toLowerCase()))
];

function isQuizKind(value: string): value is QuizKind {
	return (QUIZ_KINDS as readonly string[]).includes(value);
}

/**
 * Reads a quiz from a URL's query. A bad link is an expected outcome (people edit and share
 * links), so it comes back as errors naming each bad value, never as an exception.
 * @param knownFrameworks the bank's framework ids.
 * @param knownQuestions the bank's question ids, for `ids=`.
 */
export function parseQuizParams(
	searchParams: URLSearchParams,
	knownFrameworks: readonly string[],
	knownQuestions: readonly string[] = []
): QuizParamsResult {
	const errors: QuizParamError[] = [];
	const known = new Set(knownFrameworks.map((id) => id.toLowerCase()));

	const ids = lowerListParam(searchParams, 'framework');
	const allFrameworks = ids.length === 0 || ids.includes('all');
	for (const id of ids) {
		if (id !== 'all' && !known.has(id)) {
			errors.push({
				param: 'framework',
				value: id,
				message: `Unknown framework "${id}" in framework=${searchParams.getAll('framework').join(',')}; known: ${[...known].sort().join(', ')}`
			});
		}
	}

	const questionIds = listParam(searchParams, 'ids');
	const knownIds = new Set(knownQuestions);
	const unknownIds = questionIds.filter((id) => !knownIds.has(id));
	if (unknownIds.length > 0) {
		errors.push({
			param: 'ids',
			value: unknownIds.join(','),
			message: `Unknown question ${unknownIds.length === 1 ? 'id' : 'ids'} ${unknownIds.map((id) => `"${id}"`).join(', ')} in ids= (the question bank may have changed since the link was made)`
		});
	}

	// A quiz of chosen questions asks all of them unless the link says how many.
	let count: number | 'all' = questionIds.length > 0 ? 'all' : DEFAULT_QUIZ_COUNT;
	const n = searchParams.get('n')?.trim().toLowerCase();
	if (n !== undefined && n !== '') {
		if (n === 'all') count = 'all';
		else if (/^[0-9]+$/.test(n) && Number(n) > 0) count = Number(n);
		else
			errors.push({
				param: 'n',
				value: n,
				message: `Bad question count "${n}" in n=${n}: expected a positive whole number or "all"`
			});
	}

	const kindValues = lowerListParam(searchParams, 'kind');
	const kinds = kindValues.filter(isQuizKind);
	for (const kind of kindValues) {
		if (!isQuizKind(kind)) {
			errors.push({
				param: 'kind',
				value: kind,
				message: `Unknown question kind "${kind}" in kind=${searchParams.getAll('kind').join(',')}; known: ${QUIZ_KINDS.join(', ')}`
			});
		}
	}

	if (errors.length > 0) return { ok: false, errors };
	return {
		ok: true,
		config: {
			frameworks: allFrameworks ? 'all' : ids,
			count,
			kinds: kinds.length === 0 ? [...QUIZ_KINDS] : kinds,
			...(questionIds.length > 0 ? { questions: questionIds } : {})
		}
	};
}

/** The set-up form's last choice, kept by storage (under 'quizChoice') for the next quiz. */
export type QuizChoice = Omit<QuizConfig, 'questions'>;

/** Why `value` is not a kept quiz choice, as "field: expected …, got …"; null when it is one. */
export function quizChoiceProblem(value: unknown): string | null {
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		return `(record): expected an object, got ${quote(value)}`;
	const { frameworks, count, kinds } = value as Record<string, unknown>;
	const ids = (v: unknown) =>
		Array.isArray(v) && v.every((id) => typeof id === 'string' && id.length > 0);
	if (frameworks !== 'all' && !ids(frameworks))
		return `frameworks: expected "all" or a list of framework ids, got ${quote(frameworks)}`;
	if (count !== 'all' && !(Number.isInteger(count) && (count as number) > 0))
		return `count: expected "all" or a whole number > 0, got ${quote(count)}`;
	if (!Array.isArray(kinds) || kinds.length === 0 || !kinds.every(isQuizKind))
		return `kinds: expected a non-empty list of ${QUIZ_KINDS.join(', ')}, got ${quote(kinds)}`;
	const extra = Object.keys(value).find((key) => !['frameworks', 'count', 'kinds'].includes(key));
	return extra === undefined ? null : `${extra}: unexpected field`;
}

export function isQuizChoice(value: unknown): value is QuizChoice {
	return quizChoiceProblem(value) === null;
}

/**
 * The question bank generator: pure, deterministic, the same in Node (`npm run questions`) and in
 * the browser (on facts a user brings). Each question form lives in its own file; this one runs
 * them, puts the questions in the source's order and stamps the bank with a content hash.
 */
import type { Bank, BankFramework } from '../domain/bank/bank';
import type { Facts } from '../domain/bank/facts';
import { GenerationContext } from './generate-context';
import { generateListQuestions } from './generate-lists';
import { generateMeetingQuestions } from './generate-meetings';
import { generateRelationQuestions } from './generate-relations';
import { generateStatementQuestions } from './generate-statements';
import { Cyrb53 } from '../domain/bank/text';
import type { Claim } from './truth';

/**
 * Generates the question bank from validated facts (see `validateFrameworkFile` and
 * `validateFactSet`). Questions come in the order of `facts.frameworks`, then of the facts in
 * each file; the same facts always give the same bank, byte for byte once serialized.
 */
export function generateQuestions(facts: Facts): Bank {
	return generateWithClaims(facts).bank;
}

/**
 * The bank and, per question id, the claims its key rests on (which list or framework names
 * which concept, and what the key says about it): what the truth check's tests verify.
 */
export function generateWithClaims(facts: Facts): { bank: Bank; claims: Map<string, Claim[]> } {
	const ctx = new GenerationContext(facts);
	generateStatementQuestions(ctx);
	generateListQuestions(ctx);
	generateMeetingQuestions(ctx);
	generateRelationQuestions(ctx);
	ctx.settleTrueFalse();
	// Array.prototype.sort is stable, so the forms of one fact keep their generation order.
	const questions = ctx.questions
		.map((question) => ({ question, rank: ctx.order.get(question.fact) ?? Infinity }))
		.sort((a, b) => a.rank - b.rank)
		.map((entry) => entry.question);
	const frameworks: BankFramework[] = facts.frameworks.map(({ id, name, shortName, kind }) => ({
		id,
		name,
		shortName,
		kind
	}));
	const source = { ...facts.source };
	const bank: Bank = {
		schema: 1,
		version: contentVersion({ source, frameworks, questions }),
		source,
		frameworks,
		questions
	};
	return { bank, claims: ctx.claims };
}

/**
 * A short hex content hash: changes exactly when the content does. The content is fed to the hash
 * in a prefix-free form (each string after its length, each array and object after its size, keys
 * in order, undefined properties skipped as JSON skips them), so different contents never feed the
 * same characters. No JSON of the whole bank is built: for a large bank that string was tens of
 * megabytes and its building took more time than the hashing.
 */
export function contentVersion(content: unknown): string {
	const hasher = new Cyrb53();
	feed(hasher, content);
	return hasher.digest().toString(16).padStart(14, '0');
}

// Markers that start each kind of value; a string's or container's size follows as one more unit.
const [STRING, ARRAY, OBJECT, SCALAR] = [0x22, 0x5b, 0x7b, 0x3b];

function feed(hasher: Cyrb53, value: unknown): void {
	if (typeof value === 'string') {
		hasher.unit(STRING).unit(value.length).update(value);
	} else if (Array.isArray(value)) {
		hasher.unit(ARRAY).unit(value.length);
		for (const item of value) feed(hasher, item);
	} else if (value !== null && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		const keys = Object.keys(record).filter((key) => record[key] !== undefined);
		hasher.unit(OBJECT).unit(keys.length);
		for (const key of keys) {
			feed(hasher, key);
			feed(hasher, record[key]);
		}
	} else {
		// Numbers, booleans and null, as JSON writes them (and undefined in an array, as null).
		const text = JSON.stringify(value) ?? 'null';
		hasher.unit(SCALAR).unit(text.length).update(text);
	}
}

/** The bank as written to `questions/bank.json`: tab-indented, with a final newline. */
export function serializeBank(bank: Bank): string {
	return `${JSON.stringify(bank, null, '\t')}\n`;
}

/**
 * The question bank generator: pure, deterministic, the same in Node (`npm run questions`) and in
 * the browser (on facts a user brings). Each question form lives in its own file; this one runs
 * them, puts the questions in the source's order and stamps the bank with a content hash.
 */
import type { Bank, BankFramework } from './bank';
import type { Facts } from './facts';
import { GenerationContext } from './generate-context';
import { generateListQuestions } from './generate-lists';
import { generateMeetingQuestions } from './generate-meetings';
import { generateStatementQuestions } from './generate-statements';
import { Cyrb53 } from './text';

/**
 * Generates the question bank from validated facts (see `validateFrameworkFile` and
 * `validateFactSet`). Questions come in the order of `facts.frameworks`, then of the facts in
 * each file; the same facts always give the same bank, byte for byte once serialized.
 */
export function generateQuestions(facts: Facts): Bank {
	const ctx = new GenerationContext(facts);
	generateStatementQuestions(ctx);
	generateListQuestions(ctx);
	generateMeetingQuestions(ctx);
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
	return {
		schema: 1,
		version: contentVersion({ source, frameworks, questions }),
		source,
		frameworks,
		questions
	};
}

/**
 * A short hex content hash: the cyrb53 of `JSON.stringify({ source, frameworks, questions })`, so
 * it changes exactly when the content does. It is fed one question at a time: a large bank's
 * questions serialize to tens of megabytes, and building that string only to hash it doubled the
 * time and memory of generating the bank.
 */
export function contentVersion(content: Pick<Bank, 'source' | 'frameworks' | 'questions'>): string {
	const hasher = new Cyrb53();
	hasher.update(`{"source":${JSON.stringify(content.source)}`);
	hasher.update(`,"frameworks":${JSON.stringify(content.frameworks)},"questions":[`);
	for (const [i, question] of content.questions.entries()) {
		if (i > 0) hasher.update(',');
		hasher.update(JSON.stringify(question));
	}
	return hasher.update(']}').digest().toString(16).padStart(14, '0');
}

/** The bank as written to `questions/bank.json`: tab-indented, with a final newline. */
export function serializeBank(bank: Bank): string {
	return `${JSON.stringify(bank, null, '\t')}\n`;
}

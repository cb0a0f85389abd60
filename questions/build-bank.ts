/**
 * The generator's Node side: reads `questions/facts/*.yaml|json` (and `concepts.yaml`), validates
 * them, checks every quote against the source text, generates the bank, lints it and writes it,
 * atomically (temp file, then rename) only when all of that passed.
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { Bank } from '../src/lib/domain/bank/bank';
import { type Lint, lintBank } from '../src/lib/bank-generator/bank-lints';
import type { Facts } from '../src/lib/domain/bank/facts';
import {
	FRAMEWORK_IDS,
	FactsValidationError,
	type ParsedFramework,
	validateConceptsFile,
	validateFactSet,
	validateFrameworkFile
} from '../src/lib/bank-generator/facts-schema';
import { generateQuestions, serializeBank } from '../src/lib/bank-generator/generate-questions';
import { missingQuotes } from '../src/lib/bank-generator/source-check';
import { SOURCE } from './source-path';

const FACT_FILE = /\.(ya?ml|json)$/;
const CONCEPTS = /^concepts\.(ya?ml|json)$/;
/** A copy of /work/shared/source/japans-security-policy-2016.txt, so a fresh clone can build. */

/** Lints that failed; the message names each question id and rule. */
export class BankLintError extends Error {
	constructor(readonly lints: Lint[]) {
		super(lints.map((lint) => `${lint.question}: ${lint.rule}: ${lint.message}`).join('\n'));
		this.name = 'BankLintError';
	}
}

function parseFile(path: string, file: string): unknown {
	const text = readFileSync(path, 'utf8');
	if (path.endsWith('.json')) {
		try {
			return JSON.parse(text);
		} catch (error) {
			throw new FactsValidationError(file, '', `invalid JSON: ${(error as Error).message}`);
		}
	}
	const doc = parseDocument(text);
	const [error] = doc.errors;
	if (error) {
		const at = error.linePos?.[0];
		const where = at ? `line ${at.line}, column ${at.col}` : '';
		throw new FactsValidationError(file, where, `invalid YAML: ${error.message.split('\n')[0]}`);
	}
	return doc.toJS();
}

/**
 * Reads and validates every facts file in `dir` and checks their quotes against `source`.
 * @throws FactsValidationError naming the file and the path of the first problem (for a quote
 * not found in the source, the fact id).
 */
export function readFacts(
	dir: string,
	source = SOURCE,
	frameworkIds: readonly string[] = FRAMEWORK_IDS
): Facts {
	const names = readdirSync(dir)
		.filter((name) => FACT_FILE.test(name))
		.sort();
	const fileOf = (name: string) => relative(process.cwd(), join(dir, name)) || join(dir, name);
	const conceptsName = names.find((name) => CONCEPTS.test(name));
	const concepts = conceptsName
		? validateConceptsFile(
				parseFile(join(dir, conceptsName), fileOf(conceptsName)),
				fileOf(conceptsName)
			)
		: [];
	const files: ParsedFramework[] = names
		.filter((name) => name !== conceptsName)
		.map((name) => validateFrameworkFile(parseFile(join(dir, name), fileOf(name)), fileOf(name)));
	if (files.length === 0) throw new FactsValidationError(dir, '', 'no facts files');
	const rank = (id: string) => {
		const index = frameworkIds.indexOf(id);
		return index < 0 ? frameworkIds.length : index;
	};
	files.sort((a, b) => rank(a.raw.id) - rank(b.raw.id));
	const facts = validateFactSet(files, concepts, frameworkIds);
	if (!existsSync(source)) throw new FactsValidationError(source, '', 'source text not found');
	const [missing] = missingQuotes(facts, readFileSync(source, 'utf8'));
	if (missing) {
		const file = files.find((entry) => entry.raw.id === missing.framework)?.file ?? dir;
		throw new FactsValidationError(
			file,
			missing.fact,
			`quote not found verbatim in the source: "${missing.quote}"`
		);
	}
	return facts;
}

/** Reads the facts in `dir` and generates the bank (not linted). */
export function buildBank(dir: string, source = SOURCE): Bank {
	return generateQuestions(readFacts(dir, source));
}

/**
 * Builds the bank from `dir`, lints it and writes it to `out`; `out` is untouched if anything
 * fails.
 * @throws FactsValidationError for bad facts, BankLintError for a bank that fails a lint.
 */
export function writeBank(dir: string, out: string, source = SOURCE): Bank {
	const facts = readFacts(dir, source);
	const bank = generateQuestions(facts);
	const failed = lintBank(bank);
	if (failed.length > 0) throw new BankLintError(failed);
	writeAtomically(out, serializeBank(bank));
	return bank;
}

export function writeAtomically(path: string, text: string): void {
	const temp = `${path}.${process.pid}.tmp`;
	writeFileSync(temp, text);
	renameSync(temp, path);
}

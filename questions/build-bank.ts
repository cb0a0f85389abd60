/**
 * The generator's Node side: reads `questions/facts/*.yaml|json`, validates them, generates the
 * bank and writes it atomically (temp file, then rename) only when everything validated.
 */
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { Bank } from '../src/lib/domain/bank';
import {
	FRAMEWORK_IDS,
	FactsValidationError,
	validateFactSet,
	validateFrameworkFile
} from '../src/lib/domain/facts-schema';
import type { FrameworkFacts } from '../src/lib/domain/facts';
import { generateQuestions, serializeBank } from '../src/lib/domain/generate-questions';

const FACT_FILE = /\.(ya?ml|json)$/;

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
 * Reads and validates every facts file in `dir` and generates the bank, frameworks in the
 * source's order.
 * @throws FactsValidationError naming the file and the path of the first problem.
 */
export function buildBank(dir: string, frameworkIds: readonly string[] = FRAMEWORK_IDS): Bank {
	const names = readdirSync(dir)
		.filter((name) => FACT_FILE.test(name))
		.sort();
	if (names.length === 0) throw new FactsValidationError(dir, '', 'no facts files');
	const files: { file: string; facts: FrameworkFacts }[] = names.map((name) => {
		const path = join(dir, name);
		const file = relative(process.cwd(), path) || path;
		return { file, facts: validateFrameworkFile(parseFile(path, file), file) };
	});
	const rank = (id: string) => {
		const index = frameworkIds.indexOf(id);
		return index < 0 ? frameworkIds.length : index;
	};
	files.sort((a, b) => rank(a.facts.id) - rank(b.facts.id));
	return generateQuestions(validateFactSet(files, frameworkIds));
}

/** Builds the bank from `dir` and writes it to `out`; `out` is untouched if anything fails. */
export function writeBank(dir: string, out: string): Bank {
	const bank = buildBank(dir);
	const temp = `${out}.${process.pid}.tmp`;
	writeFileSync(temp, serializeBank(bank));
	renameSync(temp, out);
	return bank;
}

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FactsValidationError } from '../src/lib/bank-generator/facts-schema';
import { buildBank, writeBank } from './build-bank';

const FACTS = 'questions/facts';
const dirs: string[] = [];

/** A copy of the real facts in a temp dir, with `edit` applied to one file's text. */
function factsWith(file: string, edit: (text: string) => string): string {
	const dir = mkdtempSync(join(tmpdir(), 'kizuna-facts-'));
	dirs.push(dir);
	cpSync(FACTS, dir, { recursive: true });
	const path = join(dir, file);
	writeFileSync(path, edit(readFileSync(path, 'utf8')));
	return dir;
}

function failure(dir: string): string {
	try {
		buildBank(dir);
	} catch (error) {
		expect(error).toBeInstanceOf(FactsValidationError);
		return (error as Error).message;
	}
	throw new Error('expected the facts to be rejected');
}

/** An output path outside the facts dir (a .json there would be read as facts). */
function outPath(): string {
	const dir = mkdtempSync(join(tmpdir(), 'kizuna-out-'));
	dirs.push(dir);
	return join(dir, 'bank.json');
}

afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('bad facts stop the generator with the file and the path', () => {
	it('bad YAML', () => {
		const dir = factsWith('eas.yaml', (text) => text.replace('kind: multilateral', 'kind: [oops'));
		expect(failure(dir)).toMatch(/eas\.yaml: line \d+, column \d+: invalid YAML/);
	});

	it('bad JSON', () => {
		const dir = factsWith('eas.yaml', (text) => text);
		writeFileSync(join(dir, 'g7.json'), '{ "id": "g7", ');
		rmSync(join(dir, 'g7.yaml'));
		expect(failure(dir)).toMatch(/g7\.json: invalid JSON/);
	});

	it('an unknown concept in a list', () => {
		const dir = factsWith('eas.yaml', (text) => text.replace('- education', '- educaton'));
		expect(failure(dir)).toBe(
			`${relative(process.cwd(), join(dir, 'eas.yaml'))}: lists[0].items[2]: unknown concept "educaton"`
		);
	});

	it('a quote not found verbatim in the source, naming the fact', () => {
		const dir = factsWith('arf.yaml', (text) =>
			text.replace('for discussing political and security issues', 'for discussing security issues')
		);
		expect(failure(dir)).toMatch(
			/arf\.yaml: arf\.forum: quote not found verbatim in the source: "A forum of region-wide dialogue for the Asia-Pacific region for discussing security issues"/
		);
	});

	it('a list that does not say whether the source gives it whole', () => {
		const dir = factsWith('g7.yaml', (text) => text.replace('    complete: false\n', ''));
		expect(failure(dir)).toMatch(/g7\.yaml: lists\[0\]\.complete: missing field$/);
	});

	it('a missing field', () => {
		const dir = factsWith('arf.yaml', (text) => text.replace(/ {4}question: .*\n/, ''));
		expect(failure(dir)).toMatch(/arf\.yaml: statements\[0\]\.question: missing field$/);
	});

	it('an unknown framework id', () => {
		const dir = factsWith('g7.yaml', (text) => text.replace('id: g7\n', 'id: g8\n'));
		expect(failure(dir)).toMatch(/g7\.yaml: id: unknown framework id "g8"/);
	});

	it('a duplicate fact id', () => {
		const dir = factsWith('eas.yaml', (text) =>
			text.replace('id: eas.concrete-cooperation', 'id: eas.leaders-forum')
		);
		expect(failure(dir)).toMatch(
			/eas\.yaml: statements\[1\]\.id: duplicate fact id "eas\.leaders-forum"/
		);
	});

	it('an invalid date', () => {
		const dir = factsWith('arf.yaml', (text) => text.replace('date: 2014-08', 'date: 2014-13'));
		expect(failure(dir)).toMatch(
			/arf\.yaml: meetings\[0\]\.date: expected a date as YYYY-MM-DD or YYYY-MM, got "2014-13"/
		);
		const day = factsWith('japan-us-rok.yaml', (text) => text.replace('2014-03-25', '2014-02-30'));
		expect(failure(day)).toMatch(/japan-us-rok\.yaml: meetings\[0\]\.date: .*"2014-02-30"/);
	});

	it('an empty list', () => {
		const dir = factsWith('eas.yaml', (text) =>
			text.replace(/items:\n(\s+- .*\n)+/, 'items: []\n')
		);
		expect(failure(dir)).toMatch(/eas\.yaml: lists\[0\]\.items: expected a non-empty list/);
	});

	it('an unknown field (a typo)', () => {
		const dir = factsWith('eas.yaml', (text) => text.replace('label:', 'lable:'));
		expect(failure(dir)).toMatch(
			/eas\.yaml: lists\[0\]\.(lable: unknown field|label: missing field)/
		);
	});
});

describe('writeBank', () => {
	it('leaves the output untouched when the facts are bad', () => {
		const dir = factsWith('eas.yaml', (text) => text.replace('- energy', '- 42'));
		const out = outPath();
		writeFileSync(out, 'previous bank');
		expect(() => writeBank(dir, out)).toThrow(
			/lists\[0\]\.items\[0\]: expected a concept id or \{ text, concepts \}/
		);
		expect(readFileSync(out, 'utf8')).toBe('previous bank');
		expect(readdirSync(join(out, '..'))).toEqual(['bank.json']);
	});
});

describe('npm run questions', () => {
	it('exits 1 with the message and leaves bank.json as it was', () => {
		const dir = factsWith('arf.yaml', (text) => text.replace('date: 2014-08', 'date: 2014-00'));
		const out = outPath();
		writeFileSync(out, 'previous bank');
		const run = spawnSync('npx', ['tsx', 'questions/generate.ts', dir, out], { encoding: 'utf8' });
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/arf\.yaml: meetings\[0\]\.date: expected a date/);
		expect(readFileSync(out, 'utf8')).toBe('previous bank');
	}, 20_000);

	it('writes the bank when the facts are good', () => {
		const dir = factsWith('eas.yaml', (text) => text);
		const out = outPath();
		const run = spawnSync('npx', ['tsx', 'questions/generate.ts', dir, out], { encoding: 'utf8' });
		expect(run.status).toBe(0);
		expect(readFileSync(out, 'utf8')).toBe(readFileSync('questions/bank.json', 'utf8'));
	}, 20_000);
});

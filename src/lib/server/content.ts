/**
 * The committed content, read in Node when a page is prerendered: the source text and the bank
 * generated from the facts. Pages built from these ship their result, not the inputs.
 */
import { readFileSync } from 'node:fs';
import type { Bank } from '$lib/domain/bank/bank';
import { parseSource, type SourceText } from '$lib/domain/bank/source-text';
import { SOURCE } from '../../../questions/source-path';

export function readBank(): Bank {
	return JSON.parse(readFileSync('questions/bank.json', 'utf8')) as Bank;
}

export function readSource(): SourceText {
	return parseSource(readFileSync(SOURCE, 'utf8'));
}

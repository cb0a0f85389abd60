/**
 * The committed content, read in Node when a page is prerendered: the facts, the source text and
 * the bank generated from them. Pages built from these ship their result, not the inputs.
 */
import { readFileSync } from 'node:fs';
import type { Bank } from '$lib/domain/bank';
import type { Facts } from '$lib/domain/facts';
import { parseSource, type SourceText } from '$lib/domain/source-text';
import { readFacts, SOURCE } from '../../../questions/build-bank';

export function readBank(): Bank {
	return JSON.parse(readFileSync('questions/bank.json', 'utf8')) as Bank;
}

export function readFactsGraph(): Facts {
	return readFacts('questions/facts');
}

export function readSource(): SourceText {
	return parseSource(readFileSync(SOURCE, 'utf8'));
}

/**
 * What the facts files hold once validated (see facts-schema.ts): one `FrameworkFacts` per
 * framework, each fact with an id unique across all files and the source section it comes from.
 */

export type FrameworkKind = 'trilateral' | 'multilateral' | 'policy';

/** The role of a list decides how questions about its items are phrased. */
export type ListRole = 'topics' | 'meetings' | 'values' | 'frameworks';

interface FactBase {
	id: string;
	/** The heading of the source section the fact comes from. */
	section: string;
}

/**
 * One statement of the source, as a sentence with one `[key phrase]`: questions ask for the key,
 * `ask` is the question word that replaces it ("which issues"), `accept` lists other typed answers.
 */
export interface StatementFact extends FactBase {
	text: string;
	ask: string;
	accept?: string[];
}

/** A labelled list ("priority cooperation areas"); items of `frameworks` lists are framework ids. */
export interface ListFact extends FactBase {
	label: string;
	role: ListRole;
	items: string[];
}

export interface MeetingFact extends FactBase {
	/** As the source names it, e.g. "21st ARF Ministerial Meeting". */
	name: string;
	ordinal?: number;
	/** `YYYY-MM-DD`, or `YYYY-MM` when the source gives only the month. */
	date: string;
	place?: string;
	statements?: StatementFact[];
	lists?: ListFact[];
}

export interface FrameworkFacts {
	id: string;
	name: string;
	shortName: string;
	kind: FrameworkKind;
	/** A remark for readers of the file, e.g. about a lost heading; not used for questions. */
	note?: string;
	/** The policy file names the source document. */
	source?: SourceInfo;
	/** The member countries, where the source names them. */
	members?: string[];
	purposes?: StatementFact[];
	activities?: StatementFact[];
	statements?: StatementFact[];
	lists?: ListFact[];
	meetings?: MeetingFact[];
}

export interface SourceInfo {
	title: string;
	publisher: string;
	date: string;
}

/** All frameworks, in the order questions are emitted (the source's order). */
export interface Facts {
	source: SourceInfo;
	frameworks: FrameworkFacts[];
}

/**
 * The facts graph: what the source states, once validated (see facts-schema.ts). Frameworks hold
 * statements, lists of shared concepts, levels (who meets) and meetings; every fact has an id
 * unique across all files, the source section it comes from and `quote`, the exact words of the
 * source it rests on. Concepts (maritime security, HADR…) are shared by id across frameworks, so
 * the generator and the truth check (../../bank-generator/truth.ts) know which frameworks share what. Pure data:
 * other features (a comparison table, a source reader) may read it as it is.
 */

export type FrameworkKind = 'trilateral' | 'multilateral' | 'policy';

/** What a list holds: areas, topics or working groups (`topics`), shared values, or frameworks. */
export type ListRole = 'topics' | 'values' | 'frameworks';

export interface FactBase {
	id: string;
	/** The heading of the source section the fact comes from. */
	section: string;
	/** Where a section has no heading of its own, which part of it, e.g. "untitled last paragraph". */
	part?: string;
	/** The exact words of the source the fact rests on (checked by ../../bank-generator/source-check.ts). */
	quote: string;
}

/**
 * One statement, as a sentence with one `[key phrase]`: the cloze hides the key, `question` is
 * the recall card's front (its answer is the key), `accept` lists other typed answers.
 */
export interface StatementFact extends FactBase {
	text: string;
	question: string;
	accept?: string[];
	/**
	 * A recall front asking which framework the statement describes (its answer is the framework,
	 * as sentences name it): how a fact the framework's name states is asked without the name
	 * giving it away ("the meeting of seven major developed countries").
	 */
	which?: string;
}

/** A topic, area, value or working-group field that several frameworks may share. */
export interface Concept {
	id: string;
	/** How the source most often writes it: "maritime security". */
	name: string;
	/** Short forms a person would type: "HADR", "avian influenza". */
	accept?: string[];
	/** Concepts easily mistaken for this one (disaster reduction / disaster relief / HADR). */
	confusable?: string[];
	/** Narrower concepts this one contains (HADR contains disaster relief). */
	includes?: string[];
}

/** One entry of a list: the words the source uses there and the concepts they name. */
export interface ListItem {
	text: string;
	concepts: string[];
}

/**
 * A labelled list. `complete` is the source's own framing: a list introduced by "including",
 * "such as", "topics include" or "in addition to" is open (false), so an item it lacks is
 * unknown, never false. Items of `frameworks` lists name framework ids and no concepts.
 */
export interface ListFact extends FactBase {
	/** What the items are: "priority cooperation areas". */
	label: string;
	/** How prompts name the list: "the EAS's priority cooperation areas". */
	title: string;
	role: ListRole;
	complete: boolean;
	items: ListItem[];
}

/**
 * Who meets in a framework and which meetings it holds, as far as the source gives them: "defense
 * ministers"; "summit meetings and Japan-U.S.-Australia Trilateral Strategic Dialogues (TSDs)".
 */
export interface LevelFact extends FactBase {
	who?: string;
	meetings?: string;
	/** Other typed answers for the level's cloze (who meets, or the second kind of meeting). */
	accept?: string[];
}

/** An abbreviation the source spells out: "EAS (East Asia Summit)". */
export interface AcronymFact extends FactBase {
	short: string;
	full: string;
	/** Wrong expansions offered as choices; an acronym has one expansion, so any other is false. */
	decoys: string[];
}

export interface MeetingFact extends FactBase {
	/** As the source names it, e.g. "21st ARF Ministerial Meeting". */
	name: string;
	/** How prompts name it without giving away its ordinal, date or place. */
	ref: string;
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
	/** The display name: "EAS", "Meeting of seven major developed countries". */
	shortName: string;
	/**
	 * How questions name it in a sentence: "the EAS", "Japan, the United States and India", "the
	 * meeting of seven major developed countries" (the source's words: it never abbreviates it).
	 */
	ref: string;
	kind: FrameworkKind;
	/** A remark for readers of the file, e.g. about a lost heading; not used for questions. */
	note?: string;
	/** The policy file names the source document. */
	source?: SourceInfo;
	acronyms?: AcronymFact[];
	/** Who meets; complete as the source gives it. */
	levels?: LevelFact[];
	statements?: StatementFact[];
	lists?: ListFact[];
	meetings?: MeetingFact[];
}

export interface SourceInfo {
	title: string;
	publisher: string;
	date: string;
}

/** All frameworks, in the order questions are emitted (the source's order), and the concepts. */
export interface Facts {
	source: SourceInfo;
	concepts: Concept[];
	frameworks: FrameworkFacts[];
}

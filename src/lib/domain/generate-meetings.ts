/**
 * Questions from meetings: when and where (recall, single choice, true/false, cloze), which
 * framework met there and then, the meeting's ordinal (cloze), and matching meetings with their
 * places and dates. Wrong places and dates are other frameworks' meetings', shown at the same
 * precision as the answer ("August 2014" against "November 2014", not "November 16, 2014").
 */
import type { MeetingFact } from './facts';
import {
	type Entry,
	type GenerationContext,
	datePhrase,
	meetingName,
	wantsTrue
} from './generate-context';
import { pickWhere } from './item-index';
import { capitalize, datePrecision, formatDate, ordinalDigits, ordinalWord, textKey } from './text';

type Attribute = 'place' | 'date';

function shown(
	meeting: MeetingFact,
	attribute: Attribute,
	precision = datePrecision(meeting.date)
) {
	return attribute === 'place' ? (meeting.place ?? '') : formatDate(meeting.date, precision);
}

export function generateMeetingQuestions(ctx: GenerationContext): void {
	const byFramework = new Map<string, MeetingFact[]>();
	for (const { framework, fact } of ctx.meetings) {
		const own = byFramework.get(framework.id);
		if (own) own.push(fact);
		else byFramework.set(framework.id, [fact]);
	}
	for (const [position, entry] of ctx.meetings.entries()) {
		const meeting = entry.fact;
		const name = meetingName(meeting);
		const when = datePhrase(meeting.date);
		const where = meeting.place ? ` in ${meeting.place}` : '';
		const explanation = `according to the source, ${name} was held${where} ${when}.`;
		ctx.add(entry, 'recall', 'recall', {
			prompt: meeting.place ? `When and where was ${name} held?` : `When was ${name} held?`,
			answer: capitalize(`${where.trim()} ${when}`.trim()),
			explanation
		});
		const attributes: Attribute[] = meeting.place ? ['place', 'date'] : ['date'];
		for (const attribute of attributes) {
			attributeQuestions(ctx, entry, attribute, explanation);
			matching(ctx, position, attribute);
		}
		if (meeting.place) {
			ctx.add(entry, 'place.cloze', 'cloze', {
				prompt: `${name} was held in ____ ${when}.`,
				answer: meeting.place,
				explanation
			});
		}
		ordinalCloze(ctx, entry, explanation);
		whichFramework(ctx, entry, byFramework, explanation);
	}
}

function attributeQuestions(
	ctx: GenerationContext,
	entry: Entry<MeetingFact>,
	attribute: Attribute,
	explanation: string
): void {
	const meeting = entry.fact;
	const name = meetingName(meeting);
	const precision = datePrecision(meeting.date);
	const answer = shown(meeting, attribute);
	const seen = new Set([textKey(answer)]);
	const wrong = pickWhere(ctx.meetings, 3, `${meeting.id}.${attribute}`, (other) => {
		const key = textKey(shown(other.fact, attribute, precision));
		if (other.framework.id === entry.framework.id || !key || seen.has(key)) return false;
		seen.add(key);
		return true;
	}).map((other) => shown(other.fact, attribute, precision));
	const phrase = (value: string) =>
		attribute === 'place' ? `in ${value}` : precision === 'day' ? `on ${value}` : `in ${value}`;
	if (wrong.length >= 2) {
		ctx.add(entry, `${attribute}.single`, 'single', {
			prompt: attribute === 'place' ? `Where was ${name} held?` : `When was ${name} held?`,
			answer,
			choices: [answer, ...wrong],
			explanation
		});
	}
	const tfId = `${meeting.id}.${attribute}.truefalse`;
	const swap = wantsTrue(tfId) ? undefined : wrong[0];
	ctx.add(entry, `${attribute}.truefalse`, 'truefalse', {
		prompt: `True or false: the source says that ${name} was held ${phrase(swap ?? answer)}.`,
		answer: swap ? 'False' : 'True',
		choices: ['True', 'False'],
		explanation
	});
}

/** Matches this meeting and up to three that follow it with their places or dates. */
function matching(ctx: GenerationContext, start: number, attribute: Attribute): void {
	const entry = ctx.meetings[start]!;
	if (!shown(entry.fact, attribute)) return;
	const group: Entry<MeetingFact>[] = [];
	const values = new Set<string>();
	for (let i = 0; i < ctx.meetings.length && group.length < 4; i++) {
		const other = ctx.meetings[(start + i) % ctx.meetings.length]!;
		const value = shown(other.fact, attribute);
		if (!value || values.has(textKey(value))) continue;
		values.add(textKey(value));
		group.push(other);
	}
	if (group.length < 2) return;
	const answer = group.map((other) => shown(other.fact, attribute));
	ctx.add(entry, `${attribute}.matching`, 'matching', {
		prompt:
			attribute === 'place'
				? 'Match each meeting with the place where it was held.'
				: 'Match each meeting with its date.',
		items: group.map((other) => capitalize(meetingName(other.fact).replace(/^the /, ''))),
		answer,
		choices: [...answer],
		explanation: `the source gives ${joinPairs(group, attribute)}.`
	});
}

function joinPairs(group: Entry<MeetingFact>[], attribute: Attribute): string {
	const pairs = group.map((o) => `${shown(o.fact, attribute)} for ${meetingName(o.fact)}`);
	return pairs.length <= 1
		? pairs.join('')
		: `${pairs.slice(0, -1).join('; ')}; and ${pairs.at(-1)}`;
}

function ordinalCloze(ctx: GenerationContext, entry: Entry<MeetingFact>, explanation: string) {
	const meeting = entry.fact;
	if (meeting.ordinal === undefined) return;
	const forms = [ordinalWord(meeting.ordinal), ordinalDigits(meeting.ordinal)];
	const name = meetingName(meeting);
	const written = forms.find((form) => new RegExp(`\\b${form}\\b`, 'i').test(name));
	if (!written) return;
	ctx.add(entry, 'ordinal.cloze', 'cloze', {
		prompt: `${name.replace(new RegExp(`\\b${written}\\b`, 'i'), '____')} was held ${datePhrase(meeting.date)}.`,
		answer: written,
		accept: forms,
		explanation
	});
}

const idLists = new WeakMap<Map<string, MeetingFact[]>, string[]>();

/** The frameworks that have meetings, computed once per generation. */
function frameworkIds(byFramework: Map<string, MeetingFact[]>): string[] {
	let ids = idLists.get(byFramework);
	if (!ids) idLists.set(byFramework, (ids = [...byFramework.keys()]));
	return ids;
}

function whichFramework(
	ctx: GenerationContext,
	entry: Entry<MeetingFact>,
	byFramework: Map<string, MeetingFact[]>,
	explanation: string
) {
	const meeting = entry.fact;
	const when = datePhrase(meeting.date);
	const where = meeting.place ? ` in ${meeting.place}` : '';
	const precision = datePrecision(meeting.date);
	// Any framework that also met then (and there) would be right too: not offered.
	const alsoMet = (other: MeetingFact) =>
		shown(other, 'date', precision) === shown(meeting, 'date') &&
		(!meeting.place || other.place === meeting.place);
	const wrong = pickWhere(frameworkIds(byFramework), 3, `${meeting.id}.which`, (id) => {
		return id !== entry.framework.id && !(byFramework.get(id) ?? []).some(alsoMet);
	});
	if (wrong.length === 0) return;
	const answer = ctx.nameOf(entry.framework.id);
	ctx.add(entry, 'which', 'which-framework', {
		prompt: `Which framework held a meeting${where} ${when}?`,
		answer,
		choices: [answer, ...wrong.map((id) => ctx.nameOf(id))],
		explanation
	});
}

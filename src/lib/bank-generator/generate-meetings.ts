/**
 * Questions from meetings: when and where (recall, single choice, true/false, cloze), matching
 * the meetings with their places, and putting them in the order they were held. Prompts name a
 * meeting by its `ref`, which gives away neither its ordinal, nor its date, nor its place. Wrong
 * places and dates are other meetings', shown at the same precision as the answer ("August 2014"
 * against "November 2014", never against "November 16, 2014"): a meeting has one date and one
 * place, so any other is false. A wrong place is one of the same framework's meetings only: a
 * place tells its country, and another framework's (Brisbane beside a Japan-U.S.-ROK summit)
 * is eliminated without the source. Where the source gives no such place, the place is asked
 * as recall and cloze only; and a True "was held in …" would repeat the cloze, so it is not asked.
 */
import type { MeetingFact } from '../domain/bank/facts';
import { type Entry, type GenerationContext, first } from './generate-context';
import { MATCHING_MAX } from './generate-relations';
import {
	capitalize,
	datePrecision,
	formatDate,
	ordinalDigits,
	pick,
	slugify,
	textKey
} from '../domain/bank/text';

type Attribute = 'place' | 'date';

function shown(
	meeting: MeetingFact,
	attribute: Attribute,
	precision = datePrecision(meeting.date)
) {
	return attribute === 'place' ? (meeting.place ?? '') : formatDate(meeting.date, precision);
}

function when(meeting: MeetingFact): string {
	return `${datePrecision(meeting.date) === 'day' ? 'on' : 'in'} ${formatDate(meeting.date)}`;
}

type Shown = { entry: Entry<MeetingFact>; value: string };
const valueIndex = new WeakMap<GenerationContext, Map<string, Map<string, Shown>>>();
const frameworkIndex = new WeakMap<GenerationContext, Map<string, Entry<MeetingFact>[]>>();

/** The meetings of each framework, in the source's order (gathered once: there may be a thousand). */
function meetingsByFramework(ctx: GenerationContext): Map<string, Entry<MeetingFact>[]> {
	let groups = frameworkIndex.get(ctx);
	if (groups) return groups;
	groups = new Map();
	for (const entry of ctx.meetings) {
		const group = groups.get(entry.framework.id);
		if (group) group.push(entry);
		else groups.set(entry.framework.id, [entry]);
	}
	frameworkIndex.set(ctx, groups);
	return groups;
}

/**
 * Each place or date shown at `precision` → the first meeting showing it, and the value as shown;
 * places of the meetings of `framework` only. A date known only to the month is left out at day
 * precision: it cannot stand beside day dates.
 */
function valuesOf(
	ctx: GenerationContext,
	attribute: Attribute,
	precision: 'day' | 'month',
	framework: string
) {
	let byKind = valueIndex.get(ctx);
	if (!byKind) valueIndex.set(ctx, (byKind = new Map()));
	const kind = attribute === 'place' ? `place.${framework}` : `date.${precision}`;
	let values = byKind.get(kind);
	if (values) return values;
	values = new Map();
	const meetings =
		attribute === 'place' ? (meetingsByFramework(ctx).get(framework) ?? []) : ctx.meetings;
	for (const entry of meetings) {
		const coarser =
			attribute === 'date' && precision === 'day' && datePrecision(entry.fact.date) !== 'day';
		const value = shown(entry.fact, attribute, precision);
		const key = textKey(value);
		if (key && !coarser && !values.has(key)) values.set(key, { entry, value });
	}
	byKind.set(kind, values);
	return values;
}

/** "the sixth meeting of …" in a sentence, for a name that starts "Sixth meeting of …". */
function theName(meeting: MeetingFact): string {
	const name = meeting.name.replace(
		/^(First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)\b/,
		(word) => word.toLowerCase()
	);
	return `the ${name}`;
}

export function generateMeetingQuestions(ctx: GenerationContext): void {
	for (const entry of ctx.meetings) {
		const meeting = entry.fact;
		const where = meeting.place ? ` in ${meeting.place}` : '';
		const explanation = `according to the source, ${theName(meeting)} was held${where} ${when(meeting)}.`;
		ctx.add(entry, 'recall', 'recall', {
			prompt: meeting.place
				? `When and where was ${meeting.ref} held?`
				: `When was ${meeting.ref} held?`,
			answer: capitalize(`${where.trim()} ${when(meeting)}`.trim()),
			explanation
		});
		for (const attribute of meeting.place ? (['place', 'date'] as const) : (['date'] as const)) {
			attributeQuestions(ctx, entry, attribute, explanation);
		}
		if (meeting.place) {
			ctx.add(entry, 'place.cloze', 'cloze', {
				prompt: `${meeting.ref} was held in ____.`,
				answer: meeting.place,
				accept: [meeting.place.replace(/^The /, '')],
				explanation
			});
		}
	}
	placeMatching(ctx);
	order(ctx);
}

function attributeQuestions(
	ctx: GenerationContext,
	entry: Entry<MeetingFact>,
	attribute: Attribute,
	explanation: string
): void {
	const meeting = entry.fact;
	const precision = datePrecision(meeting.date);
	const answer = shown(meeting, attribute);
	// One meeting per other value: the first to show it at this precision (computed once).
	const others = [...valuesOf(ctx, attribute, precision, entry.framework.id).entries()]
		.filter(([key]) => key !== textKey(answer))
		.map(([, other]) => other);
	// Picked by the value shown, not by which meeting shows it first, so the files' order changes
	// neither the choices nor the false statement (whose id names its value).
	const wrong = pick(
		others.map((other) => other.value),
		3,
		`${meeting.id}.${attribute}`,
		(value) => value
	);
	const phrase = (value: string) =>
		attribute === 'place' || precision === 'month' ? `in ${value}` : `on ${value}`;
	if (wrong.length >= 2) {
		ctx.add(entry, `${attribute}.single`, 'single', {
			prompt:
				attribute === 'place'
					? `Where was ${meeting.ref} held?`
					: `${precision === 'day' ? 'On which date' : 'In which month'} was ${meeting.ref} held?`,
			answer,
			choices: [answer, ...wrong],
			explanation,
			also: others.map((other) => other.entry.fact)
		});
	}
	const statement = (value: string) => `True or false: ${meeting.ref} was held ${phrase(value)}.`;
	ctx.addTrueFalse(
		entry,
		attribute,
		{ prompt: statement(answer), answer: 'True', explanation },
		wrong[0]
			? {
					prompt: statement(wrong[0]),
					form: `${attribute}.not-${slugify(wrong[0])}`,
					answer: 'False',
					explanation
				}
			: undefined,
		// "… was held in Brisbane" is the place cloze with its gap filled.
		attribute === 'place'
	);
}

/** Per framework, its meetings matched with their places (see the file's comment for why). */
function placeMatching(ctx: GenerationContext): void {
	for (const meetings of meetingsByFramework(ctx).values()) placeMatchingOf(ctx, meetings);
}

function placeMatchingOf(ctx: GenerationContext, meetings: Entry<MeetingFact>[]): void {
	// One meeting per place (the smallest id, whatever the files' order), so each place has one
	// right partner; five at most, three at least (with two, either pair settles the other).
	const byPlace = new Map<string, Entry<MeetingFact>>();
	for (const entry of meetings) {
		const place = entry.fact.place;
		if (place)
			byPlace.set(place, first([entry, ...(byPlace.has(place) ? [byPlace.get(place)!] : [])])!);
	}
	const chosen = new Set(byPlace.values());
	const placed = meetings.filter((entry) => chosen.has(entry)).slice(0, MATCHING_MAX);
	if (placed.length < 3) return;
	const answer = placed.map((entry) => entry.fact.place!);
	ctx.add(first(placed)!, 'place.matching', 'matching', {
		prompt: 'Match each meeting with the place where it was held.',
		items: placed.map((entry) => capitalize(entry.fact.ref.replace(/^the /, ''))),
		answer,
		choices: [...answer],
		explanation: `the source gives ${placed.map((entry) => `${entry.fact.place} for ${theName(entry.fact)}`).join('; ')}.`,
		also: placed.map((entry) => entry.fact)
	});
}

/** "Put the meetings in order", as a matching of each meeting with its position in time. */
function order(ctx: GenerationContext): void {
	if (ctx.meetings.length > MATCHING_MAX) return;
	const dated = [...ctx.meetings].sort((a, b) => (a.fact.date < b.fact.date ? -1 : 1));
	// Two meetings in one month cannot be ordered when one has only the month.
	const months = dated.map((entry) => entry.fact.date.slice(0, 7));
	if (dated.length < 3 || new Set(months).size !== dated.length) {
		return;
	}
	const last = dated.length - 1;
	const positions = dated.map((_, i) => {
		const position = ordinalDigits(i + 1);
		return i === 0 ? `${position} (earliest)` : i === last ? `${position} (latest)` : position;
	});
	const years = new Set(dated.map((entry) => entry.fact.date.slice(0, 4)));
	const span = years.size === 1 ? `of ${[...years][0]} ` : '';
	const inSourceOrder = ctx.meetings.filter((entry) => dated.includes(entry));
	ctx.add(first(inSourceOrder)!, 'order', 'matching', {
		prompt: `Put the meetings ${span}that the source reports in the order they were held: match each with its position.`,
		items: inSourceOrder.map((entry) => capitalize(entry.fact.ref.replace(/^the /, ''))),
		answer: inSourceOrder.map((entry) => positions[dated.indexOf(entry)]!),
		choices: [...positions],
		explanation: `the source dates ${dated.map((entry) => `${theName(entry.fact)} ${when(entry.fact)}`).join('; ')}.`,
		also: dated.map((entry) => entry.fact)
	});
}

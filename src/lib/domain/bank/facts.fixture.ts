/** A small hand-made facts graph for unit tests: shapes like the source's, names made up. */
import type { Concept, Facts, FrameworkFacts, ListItem } from './facts';

const framework = (facts: FrameworkFacts) => facts;
const items = (...ids: string[]): ListItem[] =>
	ids.map((id) => ({ text: id.replace(/-/g, ' '), concepts: [id] }));

/**
 * The least policy overview a bank is generated with (one statement): generated fact graphs (the
 * property tests', the generator benchmark's) put their own frameworks after it.
 */
export const MINIMAL_OVERVIEW: FrameworkFacts = {
	id: 'overview',
	name: 'Policy',
	shortName: 'Policy',
	ref: 'Japan',
	kind: 'policy',
	statements: [
		{
			id: 'overview.aim',
			section: 'Aim',
			quote: 'q aim',
			text: 'Japan seeks [peace].',
			question: 'What does Japan seek?'
		}
	]
};

export const SAMPLE_CONCEPTS: Concept[] = [
	{ id: 'maritime-security', name: 'maritime security' },
	{ id: 'counter-terrorism', name: 'counter terrorism', accept: ['counterterrorism'] },
	{ id: 'transnational-crime', name: 'transnational crime' },
	{
		id: 'disaster-relief',
		name: 'disaster relief',
		confusable: ['disaster-reduction', 'hadr']
	},
	{
		id: 'disaster-reduction',
		name: 'disaster reduction',
		confusable: ['disaster-relief', 'hadr']
	},
	{
		id: 'hadr',
		name: 'humanitarian assistance and disaster relief',
		accept: ['HADR'],
		confusable: ['disaster-relief', 'disaster-reduction'],
		includes: ['disaster-relief']
	},
	{ id: 'energy', name: 'energy' },
	{ id: 'finance', name: 'finance' },
	{ id: 'education', name: 'education' },
	{ id: 'mine-disposal', name: 'mine disposal' },
	{ id: 'democracy', name: 'democracy' },
	{ id: 'the-rule-of-law', name: 'the rule of law', accept: ['rule of law'] }
];

export function sampleFacts(): Facts {
	return {
		source: { title: 'Sample policy', publisher: 'Sample ministry', date: '2016-04-06' },
		concepts: SAMPLE_CONCEPTS,
		frameworks: [
			framework({
				id: 'overview',
				name: 'Sample policy',
				shortName: 'Overview',
				ref: 'Japan',
				kind: 'policy',
				statements: [
					{
						id: 'overview.aim',
						section: 'Aim',
						quote: 'to achieve regional stability and peace',
						text: 'Japan seeks to achieve [regional stability and peace].',
						question: 'What does Japan seek to achieve?'
					}
				],
				lists: [
					{
						id: 'overview.multilateral',
						section: 'Multilateral frameworks',
						quote: 'Multilateral frameworks',
						label: 'multilateral frameworks',
						title: 'the multilateral frameworks',
						role: 'frameworks',
						complete: true,
						items: [
							{ text: 'gamma', concepts: [] },
							{ text: 'delta', concepts: [] }
						]
					}
				]
			}),
			framework({
				id: 'alpha',
				name: 'Japan, the United States and Alpha',
				shortName: 'Japan-U.S.-Alpha',
				ref: 'Japan, the United States and Alpha',
				kind: 'trilateral',
				levels: [
					{
						id: 'alpha.meetings',
						section: 'Alpha',
						quote: 'Hold summit meetings and Alpha Strategic Dialogues (ASDs)',
						who: 'leaders and foreign ministers',
						meetings: 'summit meetings and Alpha Strategic Dialogues (ASDs)'
					}
				],
				meetings: [
					{
						id: 'alpha.dialogue-3',
						section: 'Alpha',
						quote: 'Third meeting of the Alpha Dialogue (March 25, 2014 in Lisbon)',
						name: 'Third meeting of the Alpha Dialogue',
						ref: 'the Alpha Dialogue meeting',
						ordinal: 3,
						date: '2014-03-25',
						place: 'Lisbon',
						statements: [
							{
								id: 'alpha.dialogue-3.ordinal',
								section: 'Alpha',
								quote: 'Third meeting of the Alpha Dialogue',
								text: 'The Alpha Dialogue meeting in the source was its [third] meeting.',
								question: 'Which meeting of the Alpha Dialogue, by number, does the source report?',
								accept: ['3rd', '3']
							}
						]
					}
				]
			}),
			framework({
				id: 'beta',
				name: 'Japan, the United States and Beta',
				shortName: 'Japan-U.S.-Beta',
				ref: 'Japan, the United States and Beta',
				kind: 'trilateral',
				meetings: [
					{
						id: 'beta.summit',
						section: 'Beta',
						quote: 'Beta Summit (November 16, 2014 in Oslo)',
						name: 'Beta Summit',
						ref: 'the Beta Summit',
						date: '2014-11-16',
						place: 'Oslo',
						lists: [
							{
								id: 'beta.summit.values',
								section: 'Beta',
								quote: 'shared values, including democracy and the rule of law',
								label: 'shared values',
								title: 'the shared values named at the Beta Summit',
								role: 'values',
								complete: false,
								items: items('democracy', 'the-rule-of-law')
							}
						]
					}
				]
			}),
			framework({
				id: 'gamma',
				name: 'Gamma Forum',
				shortName: 'GF',
				ref: 'the GF',
				kind: 'multilateral',
				acronyms: [
					{
						id: 'gamma.acronym',
						section: 'GF (Gamma Forum)',
						quote: 'GF (Gamma Forum)',
						short: 'GF',
						full: 'Gamma Forum',
						decoys: ['Global Forum', 'Gamma Federation']
					}
				],
				statements: [
					{
						id: 'gamma.forum',
						section: 'GF (Gamma Forum)',
						quote: 'A forum for discussing political issues',
						text: 'The GF is a forum for discussing [political issues].',
						question: 'Which issues is the GF a forum for discussing?'
					}
				],
				lists: [
					{
						id: 'gamma.areas',
						section: 'GF (Gamma Forum)',
						quote:
							'areas such as maritime security, disaster relief, and counter terrorism and transnational crime',
						label: 'recent areas',
						title: 'the recent areas of the GF',
						role: 'topics',
						complete: false,
						items: [
							...items('maritime-security', 'disaster-relief'),
							{
								text: 'counter terrorism and transnational crime',
								concepts: ['counter-terrorism', 'transnational-crime']
							}
						]
					}
				],
				meetings: [
					{
						id: 'gamma.meeting',
						section: 'GF (Gamma Forum)',
						quote: '21st GF Meeting (August 2014)',
						name: '21st GF Meeting',
						ref: 'the GF Meeting',
						ordinal: 21,
						date: '2014-08'
					}
				]
			}),
			framework({
				id: 'delta',
				name: 'Delta Ministers',
				shortName: 'DM',
				ref: 'the DM',
				kind: 'multilateral',
				levels: [
					{ id: 'delta.level', section: 'DM', quote: 'defense ministers', who: 'defense ministers' }
				],
				statements: [
					{
						id: 'delta.groups',
						section: 'DM',
						quote: 'Six working groups',
						text: 'The DM has launched [six] working groups.',
						question: 'How many working groups has the DM launched?',
						accept: ['6']
					}
				],
				lists: [
					{
						id: 'delta.groups-list',
						section: 'DM',
						quote: 'working groups in HADR, maritime security, counter terrorism and mine disposal',
						label: 'working groups',
						title: 'the working groups of the DM',
						role: 'topics',
						complete: true,
						items: items('hadr', 'maritime-security', 'counter-terrorism', 'mine-disposal').map(
							(item, i) =>
								i === 0 ? { ...item, text: 'humanitarian assistance and disaster relief' } : item
						)
					}
				]
			}),
			framework({
				id: 'epsilon',
				name: 'Epsilon Summit',
				shortName: 'ES',
				ref: 'the ES',
				kind: 'multilateral',
				levels: [{ id: 'epsilon.level', section: 'ES', quote: 'leader-initiated', who: 'leaders' }],
				lists: [
					{
						id: 'epsilon.areas',
						section: 'ES',
						quote: 'energy, finance, education and disaster reduction are priority areas',
						label: 'priority areas',
						title: 'the priority areas of the ES',
						role: 'topics',
						complete: true,
						items: items('energy', 'finance', 'education', 'disaster-reduction')
					}
				]
			})
		]
	};
}

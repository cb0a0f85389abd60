/** A small hand-made facts set for unit tests: shapes like the source's, names made up. */
import type { Facts, FrameworkFacts } from './facts';

const framework = (facts: FrameworkFacts) => facts;

export function sampleFacts(): Facts {
	return {
		source: { title: 'Sample policy', publisher: 'Sample ministry', date: '2016-04-06' },
		frameworks: [
			framework({
				id: 'overview',
				name: 'Sample policy',
				shortName: 'Policy',
				kind: 'policy',
				statements: [
					{
						id: 'overview.aim',
						section: 'Aim',
						text: 'Japan seeks to achieve [regional stability and peace].',
						ask: 'what'
					}
				],
				lists: [
					{
						id: 'overview.multilateral',
						section: 'Multilateral frameworks',
						label: 'multilateral frameworks',
						role: 'frameworks',
						items: ['gamma', 'delta']
					}
				]
			}),
			framework({
				id: 'alpha',
				name: 'Japan, the United States and Alpha',
				shortName: 'Japan-U.S.-Alpha',
				kind: 'trilateral',
				members: ['Japan', 'the United States', 'Alpha'],
				purposes: [
					{
						id: 'alpha.partnership',
						section: 'Alpha',
						text: 'Japan, the United States and Alpha build [a strategic partnership].',
						ask: 'what'
					}
				],
				lists: [
					{
						id: 'alpha.meetings',
						section: 'Alpha',
						label: 'meetings',
						role: 'meetings',
						items: ['summit meetings', 'Alpha Strategic Dialogues (ASDs)']
					}
				],
				meetings: [
					{
						id: 'alpha.dialogue-3',
						section: 'Alpha',
						name: 'Third meeting of the Alpha Dialogue',
						ordinal: 3,
						date: '2014-03-25',
						place: 'Lisbon'
					}
				]
			}),
			framework({
				id: 'beta',
				name: 'Japan, the United States and Beta',
				shortName: 'Japan-U.S.-Beta',
				kind: 'trilateral',
				members: ['Japan', 'the United States', 'Beta'],
				activities: [
					{
						id: 'beta.values',
						section: 'Beta',
						text: 'Japan, the United States and Beta share [basic values].',
						ask: 'what'
					}
				],
				lists: [
					{
						id: 'beta.meetings',
						section: 'Beta',
						label: 'meetings',
						role: 'meetings',
						items: ['summit meetings', 'director-general level talks']
					}
				],
				meetings: [
					{
						id: 'beta.summit',
						section: 'Beta',
						name: 'Beta Summit',
						date: '2014-11-16',
						place: 'Oslo',
						statements: [
							{
								id: 'beta.summit.future',
								section: 'Beta',
								text: 'The leaders committed to [a prosperous future].',
								ask: 'what kind of future'
							}
						],
						lists: [
							{
								id: 'beta.summit.topics',
								section: 'Beta',
								label: 'topics discussed',
								role: 'topics',
								items: ['regional affairs', 'maritime security']
							}
						]
					}
				]
			}),
			framework({
				id: 'gamma',
				name: 'Gamma Forum',
				shortName: 'GF',
				kind: 'multilateral',
				purposes: [
					{
						id: 'gamma.forum',
						section: 'GF',
						text: 'The GF is a forum for discussing [political issues].',
						ask: 'which issues'
					}
				],
				lists: [
					{
						id: 'gamma.topics',
						section: 'GF',
						label: 'recent topics',
						role: 'topics',
						items: ['maritime security', 'counter terrorism and transnational crime', 'energy']
					}
				],
				meetings: [{ id: 'gamma.meeting', section: 'GF', name: 'GF Meeting', date: '2014-08' }]
			}),
			framework({
				id: 'delta',
				name: 'Delta Meeting',
				shortName: 'DM',
				kind: 'multilateral',
				statements: [
					{
						id: 'delta.ministers',
						section: 'DM',
						text: 'The DM brings together [the defense ministers].',
						ask: 'whom'
					},
					{
						id: 'delta.groups',
						section: 'DM',
						text: 'The DM has launched [six] working groups.',
						ask: 'how many',
						accept: ['6']
					}
				],
				lists: [
					{
						id: 'delta.groups-list',
						section: 'DM',
						label: 'working groups',
						role: 'topics',
						items: ['maritime security', 'counter terrorism', 'mine disposal']
					}
				]
			}),
			framework({
				id: 'epsilon',
				name: 'Epsilon Group',
				shortName: 'EG',
				kind: 'multilateral',
				statements: [
					{
						id: 'epsilon.members',
						section: 'EG',
						text: 'The EG consists of [seven] countries.',
						ask: 'how many'
					}
				],
				lists: [
					{
						id: 'epsilon.topics',
						section: 'EG',
						label: 'recent topics',
						role: 'topics',
						items: ['finance', 'counterterrorism']
					}
				]
			})
		]
	};
}

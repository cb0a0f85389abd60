// A small hand-written bank for the quiz tests, shaped like the generator's output: one passage a
// fact. The real bank is generated from the fact files; these tests must not depend on its wording
// or size.
import type { BankFramework, Question } from './bank';

const eas = { section: 'East Asia Summit (EAS)' };
const arf = { section: 'ASEAN Regional Forum (ARF)' };
const admm = { section: 'ADMM-Plus' };
const usAus = { section: 'Japan–U.S.–Australia' };
const usRok = { section: 'Japan–U.S.–ROK' };
const g7 = { section: 'Multilateral frameworks', part: 'untitled last paragraph' };

export const SAMPLE_FRAMEWORKS: BankFramework[] = [
	{ id: 'eas', name: 'East Asia Summit', shortName: 'EAS', kind: 'multilateral' },
	{ id: 'arf', name: 'ASEAN Regional Forum', shortName: 'ARF', kind: 'multilateral' },
	{ id: 'admm-plus', name: 'ADMM-Plus', shortName: 'ADMM-Plus', kind: 'multilateral' },
	{
		id: 'us-aus',
		name: 'Japan–U.S.–Australia',
		shortName: 'Japan–U.S.–Australia',
		kind: 'trilateral'
	},
	{ id: 'us-rok', name: 'Japan–U.S.–ROK', shortName: 'Japan–U.S.–ROK', kind: 'trilateral' },
	{ id: 'g7', name: 'Meeting of seven', shortName: 'Seven', kind: 'multilateral' }
];
export const FRAMEWORK_IDS = SAMPLE_FRAMEWORKS.map((framework) => framework.id);

export const SAMPLE_QUESTIONS: Question[] = [
	{
		id: 'eas-founded.recall',
		framework: 'eas',
		fact: 'eas-founded',
		kind: 'recall',
		prompt: 'When was the first East Asia Summit held?',
		answer: '2005',
		explanation: 'The first EAS met in Kuala Lumpur in December 2005.',
		source: { ...eas, quote: 'The first EAS met in Kuala Lumpur in December 2005' }
	},
	{
		id: 'eas-founded.single',
		framework: 'eas',
		fact: 'eas-founded',
		kind: 'single',
		prompt: 'In which year was the first East Asia Summit held?',
		answer: '2005',
		choices: ['2005', '1994', '2010', '2011'],
		explanation: 'The first EAS met in Kuala Lumpur in December 2005.',
		source: { ...eas, quote: 'The first EAS met in Kuala Lumpur in December 2005' }
	},
	{
		id: 'eas-founded.cloze',
		framework: 'eas',
		fact: 'eas-founded',
		kind: 'cloze',
		prompt: 'The first East Asia Summit was held in ____ in 2005.',
		answer: 'Kuala Lumpur',
		accept: ['KL'],
		explanation: 'The first EAS met in Kuala Lumpur in December 2005.',
		source: { ...eas, quote: 'The first EAS met in Kuala Lumpur in December 2005' }
	},
	{
		id: 'eas-members.multi',
		framework: 'eas',
		fact: 'eas-members',
		kind: 'multi',
		prompt: 'Which of these countries joined the East Asia Summit in 2011?',
		answer: ['United States', 'Russia'],
		choices: ['United States', 'Russia', 'India', 'Canada'],
		explanation: 'The United States and Russia joined the EAS in 2011.',
		source: { ...eas, quote: 'The United States and Russia joined in 2011' }
	},
	{
		id: 'eas-maritime.cloze',
		framework: 'eas',
		fact: 'eas-maritime',
		kind: 'cloze',
		prompt: 'Japan uses the EAS to promote cooperation on ____ in the region.',
		answer: 'maritime security',
		explanation: 'Japan treats the EAS as the premier forum for maritime security dialogue.',
		source: { ...eas, quote: 'the premier forum for maritime security dialogue' }
	},
	{
		id: 'eas-leaders.truefalse',
		framework: 'eas',
		fact: 'eas-leaders',
		kind: 'truefalse',
		prompt: 'The East Asia Summit is a leaders-led forum.',
		answer: 'True',
		choices: ['True', 'False'],
		explanation: 'Heads of state and government attend the EAS each year.',
		source: { ...eas, quote: 'Heads of state and government attend' }
	},
	{
		id: 'arf-founded.single',
		framework: 'arf',
		fact: 'arf-founded',
		kind: 'single',
		prompt: 'In which year did the ASEAN Regional Forum first meet?',
		answer: '1994',
		choices: ['1994', '2005', '1967', '2010'],
		explanation: 'The ARF held its first meeting in Bangkok in 1994.',
		source: { ...arf, quote: 'first met in Bangkok in 1994' }
	},
	{
		id: 'arf-founded.which-framework',
		framework: 'arf',
		fact: 'arf-founded',
		kind: 'which-framework',
		prompt: 'Which framework first met in Bangkok in 1994?',
		answer: 'ASEAN Regional Forum',
		choices: ['ASEAN Regional Forum', 'East Asia Summit', 'ADMM-Plus', 'G7'],
		explanation: 'The ARF held its first meeting in Bangkok in 1994.',
		source: { ...arf, quote: 'first met in Bangkok in 1994' }
	},
	{
		id: 'arf-stages.matching',
		framework: 'arf',
		fact: 'arf-stages',
		kind: 'matching',
		prompt: 'Match each ARF stage with its number.',
		items: ['Confidence-building measures', 'Preventive diplomacy', 'Conflict resolution'],
		answer: ['Stage 1', 'Stage 2', 'Stage 3'],
		choices: ['Stage 1', 'Stage 2', 'Stage 3'],
		explanation: 'The ARF set out a three-stage approach in its 1995 concept paper.',
		source: { ...arf, quote: 'a three-stage approach' }
	},
	{
		id: 'arf-consensus.truefalse',
		framework: 'arf',
		fact: 'arf-consensus',
		kind: 'truefalse',
		prompt: 'The ARF takes its decisions by majority vote.',
		answer: 'False',
		choices: ['True', 'False'],
		explanation: 'The ARF works by consensus.',
		source: { ...arf, quote: 'decisions by consensus' }
	},
	{
		id: 'arf-consensus.cloze',
		framework: 'arf',
		fact: 'arf-consensus',
		kind: 'cloze',
		prompt: 'The ARF takes its decisions by ____.',
		answer: 'consensus',
		explanation: 'The ARF works by consensus.',
		source: { ...arf, quote: 'decisions by consensus' }
	},
	{
		id: 'admm-founded.single',
		framework: 'admm-plus',
		fact: 'admm-founded',
		kind: 'single',
		prompt: 'Where was the first ADMM-Plus meeting held?',
		answer: 'Hanoi',
		choices: ['Hanoi', 'Jakarta', 'Manila', 'Singapore'],
		explanation: 'Defence ministers first met in the ADMM-Plus format in Hanoi in 2010.',
		source: { ...admm, quote: 'first met in Hanoi in 2010' }
	},
	{
		id: 'admm-ewg.multi',
		framework: 'admm-plus',
		fact: 'admm-ewg',
		kind: 'multi',
		prompt: 'Which of these are ADMM-Plus Experts’ Working Groups?',
		answer: ['Maritime Security', 'Counter-Terrorism', 'Cyber Security'],
		choices: ['Maritime Security', 'Counter-Terrorism', 'Cyber Security', 'Trade Facilitation'],
		explanation: 'The ADMM-Plus runs expert working groups on practical security areas.',
		source: { ...admm, quote: 'expert working groups on practical security areas' }
	},
	{
		id: 'admm-ewg.which-framework',
		framework: 'admm-plus',
		fact: 'admm-ewg',
		kind: 'which-framework',
		prompt: 'Which frameworks bring together defence ministers?',
		answer: ['ADMM-Plus'],
		choices: ['ADMM-Plus', 'ASEAN Regional Forum', 'G7', 'East Asia Summit'],
		explanation: 'The ADMM-Plus is the defence ministers’ meeting of ASEAN and its partners.',
		source: { ...admm, quote: 'expert working groups on practical security areas' }
	},
	{
		id: 'us-aus-tsd.single',
		framework: 'us-aus',
		fact: 'us-aus-tsd',
		kind: 'single',
		prompt:
			'At what level did the Japan–U.S.–Australia Trilateral Strategic Dialogue start in 2006?',
		answer: 'Foreign ministers',
		choices: ['Foreign ministers', 'Leaders', 'Defence ministers', 'Vice-ministers'],
		explanation: 'The TSD was raised to foreign-minister level in 2006.',
		source: { ...usAus, quote: 'raised to ministerial level in 2006' }
	},
	{
		id: 'us-aus-tsd.cloze',
		framework: 'us-aus',
		fact: 'us-aus-tsd',
		kind: 'cloze',
		prompt: 'The Japan–U.S.–Australia ____ was raised to ministerial level in 2006.',
		answer: 'Trilateral Strategic Dialogue',
		accept: ['TSD'],
		explanation: 'The TSD was raised to foreign-minister level in 2006.',
		source: { ...usAus, quote: 'raised to ministerial level in 2006' }
	},
	{
		id: 'us-aus-tsd.which-framework',
		framework: 'us-aus',
		fact: 'us-aus-tsd',
		kind: 'which-framework',
		prompt: 'Which framework is known as the TSD?',
		answer: 'Japan–U.S.–Australia',
		choices: ['Japan–U.S.–Australia', 'Japan–U.S.–ROK', 'ADMM-Plus', 'East Asia Summit'],
		explanation: 'TSD stands for the Japan–U.S.–Australia Trilateral Strategic Dialogue.',
		source: { ...usAus, quote: 'raised to ministerial level in 2006' }
	},
	{
		id: 'us-rok-camp-david.single',
		framework: 'us-rok',
		fact: 'us-rok-camp-david',
		kind: 'single',
		prompt: 'Where did the 2023 Japan–U.S.–ROK summit take place?',
		answer: 'Camp David',
		choices: ['Camp David', 'Hiroshima', 'Seoul', 'Honolulu'],
		explanation: 'The three leaders met at Camp David in August 2023.',
		source: { ...usRok, quote: 'met at Camp David in August 2023' }
	},
	{
		id: 'us-rok-camp-david.cloze',
		framework: 'us-rok',
		fact: 'us-rok-camp-david',
		kind: 'cloze',
		prompt: 'In August 2023 the leaders of Japan, the U.S. and the ROK met at ____.',
		answer: 'Camp David',
		explanation: 'The three leaders met at Camp David in August 2023.',
		source: { ...usRok, quote: 'met at Camp David in August 2023' }
	},
	{
		id: 'us-rok-missile.truefalse',
		framework: 'us-rok',
		fact: 'us-rok-missile',
		kind: 'truefalse',
		prompt: 'Japan, the U.S. and the ROK share missile warning data in real time.',
		answer: 'True',
		choices: ['True', 'False'],
		explanation: 'Real-time sharing of missile warning data began in December 2023.',
		source: { ...usRok, quote: 'real-time sharing of missile warning data' }
	},
	{
		id: 'g7-hiroshima.single',
		framework: 'g7',
		fact: 'g7-hiroshima',
		kind: 'single',
		prompt: 'Which Japanese city hosted the G7 summit in 2023?',
		answer: 'Hiroshima',
		choices: ['Hiroshima', 'Tōkyō', 'Ise-Shima', 'Tōyako'],
		explanation: 'Japan held the 2023 G7 presidency and hosted the summit in Hiroshima.',
		source: { ...g7, quote: 'hosted the summit in Hiroshima' }
	},
	{
		id: 'g7-hiroshima.cloze',
		framework: 'g7',
		fact: 'g7-hiroshima',
		kind: 'cloze',
		prompt: 'The 2023 G7 summit was held in ____.',
		answer: 'Hiroshima',
		explanation: 'Japan held the 2023 G7 presidency and hosted the summit in Hiroshima.',
		source: { ...g7, quote: 'hosted the summit in Hiroshima' }
	},
	{
		id: 'g7-members.matching',
		framework: 'g7',
		fact: 'g7-members',
		kind: 'matching',
		prompt: 'Match each G7 summit with its host country.',
		items: ['Ise-Shima 2016', 'Elmau 2022', 'Apulia 2024'],
		answer: ['Japan', 'Germany', 'Italy'],
		choices: ['Japan', 'Germany', 'Italy', 'France'],
		explanation: 'The G7 presidency rotates among its members each year.',
		source: { ...g7, quote: 'The presidency rotates among its members' }
	}
];

/** The fixture as the bank a quiz is drawn from. */
export const SAMPLE_BANK = { questions: SAMPLE_QUESTIONS, frameworks: SAMPLE_FRAMEWORKS };

export function questionById(id: string): Question {
	const question = SAMPLE_QUESTIONS.find((candidate) => candidate.id === id);
	if (!question) throw new Error(`No sample question "${id}"`);
	return question;
}

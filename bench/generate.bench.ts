// Generates banks from the real facts and from a synthetic set of 1,000 frameworks; prints the
// median time of several runs and the size of each. Target: the 1,000-framework bank generated
// and serialized in under 1 s. Medians, because one run on a busy machine says little.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildBank } from '../questions/build-bank';
import type { Concept, Facts, FrameworkFacts } from '../src/lib/domain/bank/facts';
import { MINIMAL_OVERVIEW } from '../src/lib/domain/bank/facts.fixture';
import { generateQuestions, serializeBank } from '../src/lib/bank-generator/generate-questions';

const WORDS = [
	'maritime',
	'security',
	'energy',
	'disaster',
	'relief',
	'finance',
	'counter',
	'terrorism',
	'mine',
	'disposal',
	'health',
	'trade',
	'cyber',
	'space',
	'water',
	'food'
];
const PLACES = [
	'Lisbon',
	'Oslo',
	'Brisbane',
	'New Delhi',
	'The Hague',
	'Jakarta',
	'Manila',
	'Seoul'
];

/** Deterministic pseudo-random numbers, so every run measures the same facts. */
function rng(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

function syntheticFacts(count: number): Facts {
	const random = rng(42);
	const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
	// 300 concepts, so that frameworks share some and each list provably lacks most.
	const concepts: Concept[] = Array.from({ length: 300 }, (_, i) => ({
		id: `c${i}`,
		name: `${pick(WORDS)} ${pick(WORDS)} ${i}`,
		...(i % 10 === 0 ? { confusable: [`c${i + 1}`] } : {})
	}));
	const quote = 'q';
	const frameworks: FrameworkFacts[] = [MINIMAL_OVERVIEW];
	for (let n = 0; n < count; n++) {
		const id = `fw${n}`;
		const trilateral = n % 3 === 0;
		const ref = trilateral ? `Japan, the United States and Country ${n}` : `the F${n}`;
		const section = `Framework ${n}`;
		const listed = [...new Set(Array.from({ length: 5 }, () => pick(concepts).id))];
		frameworks.push({
			id,
			name: `Framework ${n}`,
			shortName: trilateral ? `Japan-U.S.-C${n}` : `F${n}`,
			ref,
			kind: trilateral ? 'trilateral' : 'multilateral',
			levels: [{ id: `${id}.level`, section, quote, who: `officials of rank ${n}` }],
			statements: [1, 2].map((i) => ({
				id: `${id}.s${i}`,
				section,
				quote,
				text: `${ref} works on [${pick(WORDS)} ${pick(WORDS)} ${n}].`,
				question: `What does ${ref} work on?`
			})),
			lists: [
				{
					id: `${id}.topics`,
					section,
					quote,
					label: 'recent topics',
					title: `the recent topics of ${ref}`,
					role: 'topics',
					complete: n % 2 === 0,
					items: listed.map((concept) => ({
						text: concepts.find((c) => c.id === concept)!.name,
						concepts: [concept]
					}))
				}
			],
			meetings: [
				{
					id: `${id}.meeting`,
					section,
					quote,
					name: `Meeting of Framework ${n}`,
					ref: `the meeting of framework ${n}`,
					date: `${2000 + (n % 20)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
					place: pick(PLACES)
				}
			]
		});
	}
	return {
		source: { title: 'Synthetic', publisher: 'Bench', date: '2016-04-06' },
		concepts,
		frameworks
	};
}

const RUNS = 7;
const TARGET_MS = 1000;

/** Runs `run` RUNS times after a first run (which compiles the code); prints the median and
 * the first run, and returns the median. */
function measure(label: string, run: () => string): number {
	const started = performance.now();
	let json = run();
	const first = performance.now() - started;
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const start = performance.now();
		json = run();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	const median = times[Math.floor(RUNS / 2)]!;
	const count = (JSON.parse(json) as { questions: unknown[] }).questions.length;
	const size = count ? `, ${count} questions, ${(json.length / 1024).toFixed(0)} KiB` : '';
	const spread = `${times[0]!.toFixed(0)}–${times[RUNS - 1]!.toFixed(0)}`;
	console.log(
		`${label}: median ${median.toFixed(0)} ms of ${RUNS} (${spread}; first run ${first.toFixed(0)})${size}`
	);
	return median;
}

// Each bank is measured in a Node process of its own, as `npm run questions` generates one. After
// the real facts in the same process, the synthetic bank took half as long again (about 940
// against 625 ms): V8 had specialised the generator for the other facts' shapes first.
const workload = process.argv[2];
if (workload === undefined) {
	for (const bank of ['real', 'synthetic']) {
		const child = spawnSync(
			process.execPath,
			[...process.execArgv, fileURLToPath(import.meta.url), bank],
			{ stdio: 'inherit' }
		);
		if (child.status !== 0) process.exit(child.status ?? 1);
	}
} else if (workload === 'real') {
	measure('questions/facts (read, validate, generate)', () =>
		serializeBank(buildBank('questions/facts'))
	);
} else {
	const synthetic = syntheticFacts(1000);
	let generated = generateQuestions(synthetic);
	measure('synthetic 1,000 frameworks (generate only)', () => {
		generated = generateQuestions(synthetic);
		return '{"questions":[]}';
	});
	measure('synthetic 1,000 frameworks (serialize)', () => serializeBank(generated));
	const total = measure('synthetic 1,000 frameworks (generate + serialize)', () =>
		serializeBank(generateQuestions(synthetic))
	);
	console.log(
		`target: generate + serialize under ${TARGET_MS} ms: ${total < TARGET_MS ? 'PASS' : 'MISS'}`
	);
}

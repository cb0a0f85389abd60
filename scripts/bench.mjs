// Runs every benchmark in bench/ (each prints its own figures).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const benches = readdirSync('bench')
	.filter((name) => name.endsWith('.bench.ts'))
	.sort();
let failed = false;
for (const name of benches) {
	console.log(`\n▶ bench/${name}`);
	const result = spawnSync('npx', ['tsx', `bench/${name}`], { stdio: 'inherit' });
	if (result.status !== 0) failed = true;
}
if (benches.length === 0) console.log('No benchmarks yet.');
process.exit(failed ? 1 : 0);

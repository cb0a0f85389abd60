// `npm run questions [factsDir] [outFile] [--report]`: validates the facts, checks their quotes,
// regenerates and lints the bank, and for the app's bank (the default outFile) rewrites /compare's
// table (./compare-table.ts). `--report` also prints counts per kind, form and framework and
// every lint's result.
import { BankLintError, buildBank, readFacts, writeBank } from './build-bank';
import { COMPARE_TABLE, writeCompareTable } from './compare-table';
import { FactsValidationError } from '../src/lib/bank-generator/facts-schema';
import { bankReport } from './report';

const args = process.argv.slice(2);
const report = args.includes('--report');
const APP_BANK = 'questions/bank.json';
const [dir = 'questions/facts', out = APP_BANK] = args.filter((a) => a !== '--report');
try {
	if (report) console.log(bankReport(buildBank(dir)));
	const bank = writeBank(dir, out);
	console.log(`${out}: ${bank.questions.length} questions, version ${bank.version}`);
	if (out === APP_BANK) {
		writeCompareTable(readFacts(dir), bank);
		console.log(`${COMPARE_TABLE}: the comparison table`);
	}
} catch (error) {
	if (!(error instanceof FactsValidationError || error instanceof BankLintError)) throw error;
	console.error(error.message);
	process.exit(1);
}

// `npm run questions [factsDir] [outFile] [--report]`: validates the facts, checks their quotes,
// regenerates and lints the bank. `--report` also prints counts per kind, form and framework
// and every lint's result.
import { BankLintError, buildBank, writeBank } from './build-bank';
import { FactsValidationError } from '../src/lib/domain/facts-schema';
import { bankReport } from './report';

const args = process.argv.slice(2);
const report = args.includes('--report');
const [dir = 'questions/facts', out = 'questions/bank.json'] = args.filter((a) => a !== '--report');
try {
	if (report) console.log(bankReport(buildBank(dir)));
	const bank = writeBank(dir, out);
	console.log(`${out}: ${bank.questions.length} questions, version ${bank.version}`);
} catch (error) {
	if (!(error instanceof FactsValidationError || error instanceof BankLintError)) throw error;
	console.error(error.message);
	process.exit(1);
}

// `npm run questions [factsDir] [outFile]`: validates the facts and regenerates the bank.
import { writeBank } from './build-bank';
import { FactsValidationError } from '../src/lib/domain/facts-schema';

const [dir = 'questions/facts', out = 'questions/bank.json'] = process.argv.slice(2);
try {
	const bank = writeBank(dir, out);
	console.log(`${out}: ${bank.questions.length} questions, version ${bank.version}`);
} catch (error) {
	if (!(error instanceof FactsValidationError)) throw error;
	console.error(error.message);
	process.exit(1);
}

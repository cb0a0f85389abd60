/**
 * The quiz's part of storage (./quiz.ts), loaded once, on its own: it imports storage's records
 * and writes, which therefore never import it.
 */
import { loadPart } from './contract';

type QuizPart = typeof import('./quiz');
let quizPart: QuizPart | undefined;

/**
 * Loads the quiz's part of storage (./quiz.ts) once: its checks bring the quiz's own code, which
 * no other page loads. The quiz asks for it ahead; each of its reads and writes loads it first.
 */
export async function loadQuizPart(action = 'keep the quiz'): Promise<QuizPart> {
	quizPart ??= await loadPart(() => import('./quiz'), action);
	return quizPart;
}

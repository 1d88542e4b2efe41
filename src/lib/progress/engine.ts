import { createActor, transition } from 'xstate';
import type { Question } from '$lib/content/types';
import { courseMachine, type CourseLessonEvent } from '$lib/machines/courseMachine';
import type { CourseOutline } from '$lib/machines/outline';
import { quizMachine, type QuizEvent } from '$lib/machines/quizMachine';
import type { LessonRecords } from '$lib/machines/rules';
import type { StoredQuiz } from './envelope';

// The machines, loaded by the session on the learner's first interaction: a page shows stored
// progress without them, so xstate is not part of a lesson page's first load.

/** What the quiz machine needs that only the lesson page has: the questions and the pass mark. */
export interface QuizSetup {
	questions: Question[];
	passMark: number;
}

export interface Engine {
	send(event: CourseLessonEvent): void;
	/** Progress from elsewhere (storage, another tab), merged without lowering anything. */
	merge(lessons: LessonRecords): void;
	/** One quiz event through the quiz machine: the new stored quiz, or undefined if nothing changed. */
	runQuiz(
		setup: QuizSetup,
		stored: StoredQuiz | undefined,
		event: QuizEvent
	): StoredQuiz | undefined;
	stop(): void;
}

export function startEngine(
	outline: CourseOutline,
	lessons: LessonRecords,
	onChange: (lessons: LessonRecords) => void
): Engine {
	const actor = createActor(courseMachine, { input: { outline, lessons } });
	actor.subscribe((snapshot) => onChange(snapshot.context.lessons));
	actor.start();
	return {
		send: (event) => actor.send(event),
		merge: (incoming) => actor.send({ type: 'progress.merge', lessons: incoming }),
		runQuiz(setup, stored, event) {
			const before = quizSnapshot(setup, stored);
			const [after] = transition(quizMachine, before, event);
			if (after.value === before.value && after.context === before.context) return undefined;
			const c = after.context;
			return {
				answers: c.answers,
				score: c.score,
				best: c.bestScore,
				attempts: c.attempts,
				passed: c.passed,
				everPassed: c.everPassed,
				phase: after.value === 'answering' ? 'answering' : 'feedback',
				t: event.type === 'quiz.submit' ? c.submittedAt : (event.at ?? c.submittedAt)
			};
		},
		stop: () => actor.stop()
	};
}

/** A stored quiz back into the quiz machine's state. */
function quizSnapshot(setup: QuizSetup, stored: StoredQuiz | undefined) {
	return quizMachine.resolveState({
		value:
			stored?.phase === 'feedback'
				? { feedback: stored.passed ? 'passed' : 'failed' }
				: 'answering',
		context: {
			...setup,
			answers: stored?.answers ?? {},
			score: stored?.score ?? 0,
			bestScore: stored?.best ?? 0,
			passed: stored?.passed ?? false,
			everPassed: stored?.everPassed ?? false,
			attempts: stored?.attempts ?? 0,
			submittedAt: stored?.t ?? 0
		}
	});
}

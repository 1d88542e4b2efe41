import { createActor, transition } from 'xstate';
import { courseMachine, type CourseLessonEvent } from '$lib/machines/courseMachine';
import type { CourseOutline } from '$lib/machines/outline';
import {
	quizMachine,
	quizSnapshot,
	type QuizEvent,
	type QuizSetup
} from '$lib/machines/quizMachine';
import type { LessonRecords, QuizRecord } from '$lib/machines/rules';

// The machines, loaded by the session on the learner's first interaction: a page shows stored
// progress without them, so xstate is not part of a lesson page's first load.

export type { QuizSetup };

export interface Engine {
	send(event: CourseLessonEvent): void;
	/** Progress from elsewhere (storage, another tab), merged without lowering anything. */
	merge(lessons: LessonRecords): void;
	/** One quiz event through the quiz machine: the new record, or undefined if nothing changed. */
	runQuiz(
		setup: QuizSetup,
		record: QuizRecord | undefined,
		event: QuizEvent
	): QuizRecord | undefined;
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
		runQuiz(setup, record, event) {
			const before = quizSnapshot(setup, record);
			const [after] = transition(quizMachine, before, event);
			if (after.context === before.context) return undefined;
			const { questions, passMark, ...next } = after.context;
			return next;
		},
		stop: () => actor.stop()
	};
}

// The presenter view's LessonProgress: every step open, nothing gated, nothing saved. Lesson
// components inside the slides read it like the real one; answers live only in memory.
import type { LessonEvent, LessonProgress, QuizRecord, ReflectionRecord } from '$lib/progress/port';

export function presenterProgress(slug: string): LessonProgress {
	const quizzes = $state<Record<string, QuizRecord>>({});
	const phases = $state<Record<string, 'answering' | 'feedback'>>({});
	const reflections = $state<Record<string, ReflectionRecord>>({});
	return {
		slug,
		learnerSeed: 'presenter',
		revisiting: true,
		status: () => 'open',
		lockReason: () => undefined,
		quiz: (stepId) => quizzes[stepId],
		quizPhase: (stepId) => phases[stepId] ?? 'answering',
		reflection: (stepId) => reflections[stepId],
		send(event: LessonEvent) {
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- only read once, as a string
			const now = new Date().toISOString();
			if (event.type === 'quiz.submit') {
				const before = quizzes[event.stepId];
				quizzes[event.stepId] = {
					answers: event.answers,
					score: 0,
					bestScore: before?.bestScore ?? 0,
					passed: false,
					everPassed: before?.everPassed ?? false,
					attempts: (before?.attempts ?? 0) + 1,
					submittedAt: now
				};
				phases[event.stepId] = 'feedback';
			} else if (event.type === 'quiz.retry') phases[event.stepId] = 'answering';
			else if (event.type === 'reflection.save')
				reflections[event.stepId] = { text: event.text, savedAt: now };
		}
	};
}

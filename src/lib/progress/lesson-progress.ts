import type { Lesson } from '$lib/content/types';
import type { CourseProgress } from './progress.svelte';
import type { LessonProgress, QuizRecord, StepStatus } from './port';
import { itemKey, stepStatus } from '$lib/machines/rules';
import { lessonLockReason, stepLockReason } from './strings';

/**
 * The real LessonProgress: the lesson page provides it with setLessonProgress(...). Reads go
 * through CourseProgress's reactive state; `lesson` is a getter so it follows client navigation.
 */
export function createLessonProgress(
	course: CourseProgress,
	current: () => { lesson: Lesson }
): LessonProgress {
	const slug = () => current().lesson.slug;
	const standing = () => course.lessonView(slug());
	// The draw loads with the quiz that uses it (Quiz.svelte imports it too), not with every page.
	const quizSetup = async (stepId: string) => {
		const { lesson } = current();
		const step = lesson.steps.find((s) => s.id === stepId);
		if (step?.kind !== 'quiz') return undefined;
		const { attemptQuestions, drawSeed } = await import('$lib/quiz/draw');
		// Scored over the items drawn for this attempt: the ones on screen (Quiz.svelte draws the same).
		const stored = course.view.answers[itemKey(lesson.slug, stepId)];
		const seed = drawSeed(course.view.seed, lesson.slug, stepId);
		return {
			questions: attemptQuestions(step, seed, stored, 'answering'),
			passMark: step.passMark
		};
	};

	return {
		get slug() {
			return slug();
		},
		get learnerSeed() {
			return course.view.seed;
		},
		get revisiting() {
			return !!standing()?.complete;
		},
		status(stepId): StepStatus {
			const s = standing();
			return s ? stepStatus(s, stepId) : 'open';
		},
		lockReason(stepId) {
			const s = standing();
			if (!s || stepStatus(s, stepId) !== 'locked') return undefined;
			if (s.blockedBy) return lessonLockReason(s.blockedBy);
			return s.next ? stepLockReason(s.lesson, s.next) : undefined;
		},
		quiz(stepId): QuizRecord | undefined {
			const record = course.view.answers[itemKey(slug(), stepId)];
			return record?.attempts ? record : undefined;
		},
		quizPhase(stepId) {
			return course.view.answers[itemKey(slug(), stepId)]?.phase ?? 'answering';
		},
		reflection(stepId) {
			const key = itemKey(slug(), stepId);
			const stored = course.view.reflections[key];
			if (!stored) return undefined;
			const { failure, pending } = course.view.saving;
			return pending.includes(key) ? { ...stored, unsaved: failure ?? 'pending' } : stored;
		},
		send(event) {
			switch (event.type) {
				case 'quiz.submit':
				case 'quiz.retry': {
					const at = slug();
					void quizSetup(event.stepId).then((quiz) => {
						if (!quiz) return;
						if (event.type === 'quiz.submit')
							course.submitQuiz(at, event.stepId, quiz, event.answers);
						else course.retryQuiz(at, event.stepId, quiz);
					});
					return;
				}
				case 'reflection.save':
					return course.saveReflection(slug(), event.stepId, event.text);
				case 'video.watched':
					return course.send(slug(), { type: 'video.watched', stepId: event.stepId });
				default:
					return course.send(slug(), event);
			}
		}
	};
}

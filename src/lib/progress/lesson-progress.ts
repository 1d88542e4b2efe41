import type { Lesson } from '$lib/content/types';
import type { CourseProgress } from './progress.svelte';
import type { LessonProgress, QuizRecord, StepStatus } from './port';
import { itemKey, stepStatus } from '$lib/machines/rules';
import { attemptQuestions, drawSeed } from '$lib/quiz/draw';
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
	const quizSetup = (stepId: string) => {
		const { lesson } = current();
		const step = lesson.steps.find((s) => s.id === stepId);
		if (step?.kind !== 'quiz') return undefined;
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
			return course.view.reflections[itemKey(slug(), stepId)];
		},
		send(event) {
			switch (event.type) {
				case 'quiz.submit':
				case 'quiz.retry': {
					const quiz = quizSetup(event.stepId);
					if (!quiz) return;
					if (event.type === 'quiz.submit')
						course.submitQuiz(slug(), event.stepId, quiz, event.answers);
					else course.retryQuiz(slug(), event.stepId, quiz);
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

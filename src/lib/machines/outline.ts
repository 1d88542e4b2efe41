import type { Course, Lesson, StepKind } from '$lib/content/types';

// What the machines need to know about the course, derived from the lesson content at build time.
// Small enough to ship in the root layout's data to every page; questions stay with their lesson.

interface StepBase {
	id: string;
	title: string;
}

export type StepOutline =
	| (StepBase & { kind: Exclude<StepKind, 'quiz' | 'reflect'> })
	| (StepBase & {
			kind: 'quiz';
			/** The pass mark in percent, as resolved when the content was indexed. */
			passMark: number;
			/** Question ids, so stored answers to removed questions can be dropped. */
			questions: string[];
	  })
	| (StepBase & {
			kind: 'reflect';
			/** Fewest words (countWords in assessment.ts) that count as a saved reflection. */
			minWords: number;
	  });

export interface LessonOutline {
	slug: string;
	title: string;
	/** 1-based position in the course. */
	number: number;
	/** Estimated minutes for the whole lesson. */
	minutes: number;
	steps: StepOutline[];
}

export interface CourseOutline {
	/** Content version from course.json: stored with progress so a course update is noticed. */
	version: string;
	openNavigation: boolean;
	lessons: LessonOutline[];
}

export function buildOutline(
	course: Pick<Course, 'version' | 'openNavigation'>,
	lessons: Pick<Lesson, 'slug' | 'title' | 'number' | 'minutes' | 'steps'>[]
): CourseOutline {
	return {
		version: course.version,
		openNavigation: course.openNavigation,
		lessons: lessons.map(({ slug, title, number, minutes, steps }) => ({
			slug,
			title,
			number,
			minutes,
			steps: steps.map((step): StepOutline => {
				const base = { id: step.id, title: step.title };
				if (step.kind === 'quiz')
					return {
						...base,
						kind: step.kind,
						passMark: step.passMark,
						questions: step.questions.map((q) => q.id)
					};
				if (step.kind === 'reflect') return { ...base, kind: step.kind, minWords: step.minWords };
				return { ...base, kind: step.kind };
			})
		}))
	};
}

import type { Course, Lesson, StepKind } from '$lib/content/types';

// What the machines need to know about the course, derived from the lesson content at build time.
// Small enough to ship in the root layout's data to every page; questions stay with their lesson.

export interface StepOutline {
	id: string;
	kind: StepKind;
	title: string;
	/** Quiz steps: the pass mark in percent (the quiz's own, else the course default). */
	passMark?: number;
	/** Quiz steps: question ids, so stored answers to removed questions can be dropped. */
	questions?: string[];
	/** Reflect steps: fewest words that count as a saved reflection. */
	minWords?: number;
}

export interface LessonOutline {
	slug: string;
	title: string;
	/** 1-based position in the course. */
	number: number;
	steps: StepOutline[];
}

export interface CourseOutline {
	/** Content version from course.json: stored with progress so a course update is noticed. */
	version: string;
	openNavigation: boolean;
	lessons: LessonOutline[];
}

export function buildOutline(
	course: Pick<Course, 'version' | 'passMark' | 'openNavigation'>,
	lessons: Pick<Lesson, 'slug' | 'title' | 'number' | 'steps'>[]
): CourseOutline {
	return {
		version: course.version,
		openNavigation: course.openNavigation,
		lessons: lessons.map(({ slug, title, number, steps }) => ({
			slug,
			title,
			number,
			steps: steps.map((step): StepOutline => {
				const base = { id: step.id, kind: step.kind, title: step.title };
				if (step.kind === 'quiz')
					return {
						...base,
						passMark: step.passMark ?? course.passMark,
						questions: step.questions.map((q) => q.id)
					};
				if (step.kind === 'reflect') return { ...base, minWords: step.minWords };
				return base;
			})
		}))
	};
}

/** Steps that gate completion: a quiz to pass, a reflection to save. */
export function isGatedStep(step: StepOutline): boolean {
	return step.kind === 'quiz' || step.kind === 'reflect';
}

import type { Course, LessonMeta } from './schema';

export type {
	Course,
	Effort,
	LessonMeta,
	Objective,
	Question,
	QuizStep,
	ReflectStep,
	Step,
	StepKind
} from './schema';

/** What a list or a link needs to know about a lesson. */
export interface LessonStub {
	slug: string;
	title: string;
	summary: string;
	minutes: number;
}

/** A validated lesson, in course order, with its neighbours. */
export interface Lesson extends LessonMeta {
	slug: string;
	/** 1-based position in the course. */
	number: number;
	/** Path of the Markdown source relative to the project root, for messages. */
	file: string;
	prev: LessonStub | null;
	next: LessonStub | null;
}

export interface CourseIndex {
	course: Course;
	lessons: Lesson[];
}

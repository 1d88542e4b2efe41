import type { StepKind } from '$lib/content/types';
import type { CourseOutline, LessonOutline, StepOutline } from './outline';

// The progress rules as plain functions. The machines use them as guards; pages use them to show
// where the learner stands without loading the machines (xstate loads on the first interaction).
// Every page needs these. What an activity counts for (assessment.ts) and when a lesson or the
// course is finished (completion.ts) are rules of their own, loaded with the blocks and machines
// that apply them.

/** What the course remembers about one lesson; persisted as part of the course snapshot. */
export interface LessonRecord {
	/** Step ids finished. */
	done: string[];
	/** The step the learner is on. */
	at: string;
	/** Set once and never cleared: the lesson was completed. */
	complete: boolean;
	/** When the learner last did something in this lesson, ms since 1970. */
	t: number;
}

export type LessonRecords = Record<string, LessonRecord>;

/** The key of a step's stored reflection or quiz record: "slug/stepId". */
export function itemKey(slug: string, stepId: string): string {
	return `${slug}/${stepId}`;
}

/** Chosen option ids per question id; a true/false question answers ['true'] or ['false']. */
export type QuizAnswers = Record<string, string[]>;

/** A saved reflection: the same shape stored and on screen. */
export interface ReflectionRecord {
	text: string;
	/** Saved at, ms since 1970. */
	t: number;
}

/**
 * One quiz's record: the same shape in the quiz machine's context, in storage (the envelope's
 * `answers`) and on screen (LessonProgress.quiz), so nothing maps between them.
 */
export interface QuizRecord {
	/** The answers of the latest submitted attempt. */
	answers: QuizAnswers;
	/** Percentage 0–100 of the latest attempt. */
	score: number;
	/** Best percentage over all attempts: never lowered by a retake. */
	best: number;
	attempts: number;
	passed: boolean;
	/** Whether any attempt reached the pass mark. */
	everPassed: boolean;
	/** Showing feedback for the latest attempt, or answering again after a retry. */
	phase: 'answering' | 'feedback';
	/** Time of the latest submission or retry, ms since 1970; 0 before the first. */
	t: number;
}

/**
 * The step kinds that gate completion, each by an activity of its own: a quiz to pass, a
 * reflection to save. Every other kind is plain: the learner marks it done (Continue, or "I have
 * watched it"), and the lesson machine accepts that. One list, so a new kind cannot get a Continue
 * button the machine then ignores.
 */
const gatedKinds: readonly StepKind[] = ['quiz', 'reflect'];

/** Steps that gate completion: a quiz to pass, a reflection to save. */
export function isGatedStep(step: { kind: StepKind }): boolean {
	return gatedKinds.includes(step.kind);
}

/** Steps the learner marks done themselves (read, watch, explore). */
export function isPlainStep(step: { kind: StepKind }): boolean {
	return !isGatedStep(step);
}

/** Index of the first step not done yet; steps up to it are open on the first pass. */
export function firstOpenIndex(lesson: LessonOutline, done: readonly string[]): number {
	const index = lesson.steps.findIndex((step) => !done.includes(step.id));
	return index < 0 ? lesson.steps.length : index;
}

/** A lesson is open when navigation is open, it is first, it was completed, or the one before is. */
export function isLessonUnlocked(
	outline: CourseOutline,
	lessons: LessonRecords,
	slug: string
): boolean {
	const index = outline.lessons.findIndex((lesson) => lesson.slug === slug);
	if (index < 0) return false;
	if (outline.openNavigation || index === 0 || lessons[slug]?.complete) return true;
	return !!lessons[outline.lessons[index - 1].slug]?.complete;
}

/** 1-based position of a step in its lesson (0 when it is not there): "step 3". */
export function stepNumber(lesson: LessonOutline, stepId: string): number {
	return lesson.steps.findIndex((step) => step.id === stepId) + 1;
}

/** Where to go on with a lesson: its first step not done, or its last once all are done. */
export function resumeStep(lesson: LessonOutline, done: readonly string[]): StepOutline {
	return lesson.steps[Math.min(firstOpenIndex(lesson, done), lesson.steps.length - 1)];
}

export type LessonState = 'notStarted' | 'inProgress' | 'complete';

/** Where the learner stands in one lesson: the one projection every page reads. */
export interface LessonView {
	lesson: LessonOutline;
	state: LessonState;
	unlocked: boolean;
	/** Completed at least once: every step open, nothing can lower it. */
	complete: boolean;
	/** The ids of this lesson's current steps that are done. */
	done: string[];
	/** The step the learner is on. */
	at: string;
	/** On the first pass: the step to finish next, which keeps the later ones locked. */
	next?: StepOutline;
	/** `next`'s 1-based number in the lesson. */
	nextNumber?: number;
	/** The lesson before, when it keeps this one locked. */
	blockedBy?: LessonOutline;
	/** Best quiz score in percent (the mean when a lesson has several quizzes), or null. */
	best: number | null;
	minutes: number;
	/** Estimated from the share of steps done. */
	minutesDone: number;
}

export interface SavedProgress {
	lessons: LessonRecords;
	answers: Record<string, QuizRecord>;
}

/** Best quiz score in percent over the lesson's attempted quizzes (their mean), or null. */
export function bestScore(lesson: LessonOutline, answers: SavedProgress['answers']): number | null {
	const bests = lesson.steps
		.filter((s) => s.kind === 'quiz')
		.map((s) => answers[itemKey(lesson.slug, s.id)])
		.filter((q) => q && q.attempts > 0)
		.map((q) => q.best);
	if (!bests.length) return null;
	return Math.round(bests.reduce((a, b) => a + b, 0) / bests.length);
}

export function lessonView(
	outline: CourseOutline,
	progress: SavedProgress,
	slug: string
): LessonView | undefined {
	const index = outline.lessons.findIndex((l) => l.slug === slug);
	const lesson = outline.lessons[index];
	if (!lesson) return undefined;
	const record = progress.lessons[slug];
	const unlocked = isLessonUnlocked(outline, progress.lessons, slug);
	const done = record?.done.filter((id) => lesson.steps.some((s) => s.id === id)) ?? [];
	const complete = !!record?.complete;
	const next = complete ? undefined : resumeStep(lesson, done);
	return {
		lesson,
		state: complete
			? 'complete'
			: record && (done.length || record.at !== lesson.steps[0].id)
				? 'inProgress'
				: 'notStarted',
		unlocked,
		complete,
		done,
		at: record?.at ?? lesson.steps[0].id,
		next,
		nextNumber: next && stepNumber(lesson, next.id),
		blockedBy: unlocked ? undefined : outline.lessons[index - 1],
		best: bestScore(lesson, progress.answers),
		minutes: lesson.minutes,
		minutesDone: complete
			? lesson.minutes
			: Math.round((lesson.minutes * done.length) / lesson.steps.length)
	};
}

/** How a step shows in the step list and whether its controls are usable. */
export type StepStatus = 'locked' | 'current' | 'done' | 'open';

export function stepStatus(view: LessonView, stepId: string): StepStatus {
	const { lesson, done } = view;
	if (!view.unlocked) return 'locked';
	if (done.includes(stepId)) return 'done';
	if (view.complete) return 'open';
	const index = lesson.steps.findIndex((s) => s.id === stepId);
	const open = firstOpenIndex(lesson, done);
	return index === open ? 'current' : index < open ? 'done' : 'locked';
}

export function completedLessons(outline: CourseOutline, lessons: LessonRecords): number {
	return outline.lessons.filter((lesson) => lessons[lesson.slug]?.complete).length;
}

/** The lesson and step to resume at, or undefined for a learner who has not started. */
export function resumeAt(
	outline: CourseOutline,
	lessons: LessonRecords
): { slug: string; stepId: string } | undefined {
	const records = Object.entries(lessons);
	if (!records.length) return undefined;
	const [slug, latest] = records.reduce((a, b) => (b[1].t > a[1].t ? b : a));
	const index = outline.lessons.findIndex((l) => l.slug === slug);
	const next = outline.lessons[index + 1];
	if (latest.complete && next && !lessons[next.slug]?.complete)
		return { slug: next.slug, stepId: resumeStep(next, lessons[next.slug]?.done ?? []).id };
	return { slug, stepId: latest.at };
}

/**
 * Reading ahead on the first pass: the steps not done from the current one up to and including
 * `stepId`, when every one of them is a read step, so all can be marked read at once. Undefined
 * when the step is not ahead of the current one, or anything else lies between: a quiz or a
 * reflection gates the lesson, and a video or an explore step is not done by reading past it.
 * `statusOf` is stepStatus (or the lesson page's LessonProgress.status).
 */
export function readStepsUpTo<S extends { id: string; kind: StepKind }>(
	steps: readonly S[],
	statusOf: (stepId: string) => StepStatus,
	stepId: string
): S[] | undefined {
	const open = steps.findIndex((s) => statusOf(s.id) === 'current');
	const index = steps.findIndex((s) => s.id === stepId);
	if (open < 0 || index <= open) return undefined;
	const between = steps.slice(open, index + 1).filter((s) => statusOf(s.id) !== 'done');
	return between.every((s) => s.kind === 'read') ? between : undefined;
}

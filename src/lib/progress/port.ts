// The one interface lesson components use to read and report progress. The progress machine
// provides the real implementation; memory.svelte.ts is a stand-alone one for the gallery and tests.
import { createContext } from 'svelte';
import type { QuizAnswers, QuizRecord, ReflectionRecord, StepStatus } from '$lib/machines/rules';
import type { SaveFailure } from './writes';

export type { QuizAnswers, QuizRecord, ReflectionRecord, StepStatus };

/** A reflection as the lesson shows it: the stored record, and whether it is in storage yet. */
export interface ReflectionView extends ReflectionRecord {
	/**
	 * Set while the text is not yet in storage: 'pending' until the next write, or why the write
	 * failed. Absent once it is stored, so "Saved" is shown only then.
	 */
	unsaved?: 'pending' | SaveFailure;
}

export type LessonEvent =
	| { type: 'step.goto'; stepId: string }
	| { type: 'step.complete'; stepId: string }
	| { type: 'video.watched'; stepId: string; how: 'played' | 'declared' | 'transcript' }
	| { type: 'quiz.submit'; stepId: string; answers: QuizAnswers }
	| { type: 'quiz.retry'; stepId: string }
	| { type: 'reflection.save'; stepId: string; text: string };

/** Progress for the lesson on screen. Reads are reactive (backed by $state). */
export interface LessonProgress {
	readonly slug: string;
	/** Stable per learner and device: seeds per-learner option shuffling. */
	readonly learnerSeed: string;
	/** True once the lesson has been completed: everything is open and nothing can lower it. */
	readonly revisiting: boolean;
	status(stepId: string): StepStatus;
	/** Why a locked step is locked and what unlocks it, in plain words. */
	lockReason(stepId: string): string | undefined;
	/** The latest submitted attempt and best score; undefined before the first submission. */
	quiz(stepId: string): QuizRecord | undefined;
	/** 'answering' before a submission and after quiz.retry; 'feedback' after quiz.submit. */
	quizPhase(stepId: string): 'answering' | 'feedback';
	reflection(stepId: string): ReflectionView | undefined;
	send(event: LessonEvent): void;
}

/**
 * Every page that renders lesson blocks provides one (the lesson page, the component gallery, the
 * presenter); hasLessonProgress lets the explainer and the case run on their own outside a lesson.
 */
export const [getLessonProgress, setLessonProgress, hasLessonProgress] =
	createContext<LessonProgress>();

import { createContext } from 'svelte';
import type { Lesson, Step } from './types';

/** The lesson being rendered, so components inside its Markdown can find their step's data. */
export const [getLessonContext, setLessonContext, hasLessonContext] = createContext<{
	lesson: Lesson;
}>();

/** The step a component sits in, set by <Step>: lets <Quiz /> and <Reflection /> find their data. */
export const [getStepContext, setStepContext, hasStepContext] = createContext<{
	readonly step: Step;
}>();

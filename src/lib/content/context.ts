import { createContext } from 'svelte';
import type { Course, Lesson } from './types';

/** The lesson being rendered, so components inside its Markdown can find their step's data. */
export const [getLessonContext, setLessonContext] = createContext<{
	lesson: Lesson;
	course: Pick<Course, 'passMark' | 'openNavigation'>;
}>();

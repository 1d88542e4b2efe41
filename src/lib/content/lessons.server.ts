import { buildCourseIndex } from './build-index';
import type { Lesson } from './types';

// The only place that knows where content lives on disk.
const frontmatter = import.meta.glob('/lessons/*/index.md', { eager: true, import: 'metadata' });
const sources = import.meta.glob<string>('/lessons/*/index.md', {
	eager: true,
	query: '?raw',
	import: 'default'
});
const courseFile = import.meta.glob('/lessons/course.json', { eager: true, import: 'default' });

export const { course, lessons } = buildCourseIndex(
	frontmatter,
	courseFile['/lessons/course.json'],
	sources
);

const bySlug = new Map(lessons.map((lesson) => [lesson.slug, lesson]));

export function getLesson(slug: string): Lesson | undefined {
	return bySlug.get(slug);
}

export const totalMinutes = lessons.reduce((sum, lesson) => sum + lesson.minutes, 0);

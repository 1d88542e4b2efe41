import type { z } from 'zod';
import { bodyWords, cpdHoursFor, lessonMinutes } from './reading-time';
import { courseSchema, lessonMetaSchema, type ParsedLessonMeta, type Step } from './schema';
import type { CourseIndex, Lesson, LessonStub } from './types';

/** Raised for any content problem; the message names the file, the field and what was expected. */
export class ContentError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ContentError';
	}
}

const folderPattern = /^\/?lessons\/([^/]+)\/index\.md$/;
const numberedFolder = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

function describeIssues(file: string, error: z.ZodError): string {
	return error.issues
		.map((issue) => {
			const field = issue.path.length
				? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')
				: '(frontmatter)';
			return `${file}: field "${field.replace(/^\./, '')}": ${issue.message}`;
		})
		.join('\n');
}

function parseFolder(file: string) {
	const folder = folderPattern.exec(file)?.[1];
	if (!folder)
		throw new ContentError(`${file}: expected a path of the form lessons/NN-slug/index.md`);
	if (folder.startsWith('xx-') || folder.startsWith('_')) return null;
	const match = numberedFolder.exec(folder);
	if (!match)
		throw new ContentError(
			`${file}: folder "${folder}" — expected NN-slug (digits, a hyphen, then lower-case words joined by hyphens), or an xx- prefix for a draft`
		);
	return { order: Number(match[1]), slug: match[2] };
}

/** The one place a quiz's pass mark is decided: its own, else the course's. */
/**
 * Inline components that must stay inside their sentence. The Markdown reader takes a line that
 * starts with one for a block of HTML, which ends the paragraph before it: the term then stands
 * on a line of its own, outside the paragraph, and so do the words after it.
 */
const inlineAtLineStart = /^<(Term)\b/;

function inlineProblems(file: string, source: string): string[] {
	return source.split('\n').flatMap((line, i) => {
		const tag = inlineAtLineStart.exec(line)?.[1];
		return tag
			? [
					`${file}:${i + 1}: a <${tag}> that starts a line breaks its paragraph in two; put words before it on the same line`
				]
			: [];
	});
}

function resolveStep(step: ParsedLessonMeta['steps'][number], passMark: number): Step {
	return step.kind === 'quiz' ? { ...step, passMark: step.passMark ?? passMark } : step;
}

function stub(lesson: Lesson): LessonStub {
	return {
		slug: lesson.slug,
		title: lesson.title,
		summary: lesson.summary,
		minutes: lesson.minutes
	};
}

/**
 * Turns the raw frontmatter of every lesson file plus the course file into the ordered course.
 * `sources` holds each lesson file's full text (same keys as `frontmatter`): its words set the
 * lesson's reading time. Throws a ContentError listing every problem found, so a broken build says
 * what to fix.
 */
export function buildCourseIndex(
	frontmatter: Record<string, unknown>,
	rawCourse: unknown,
	sources: Record<string, string> = {},
	courseFile = 'lessons/course.json'
): CourseIndex {
	const problems: string[] = [];
	const courseResult = courseSchema.safeParse(rawCourse);
	if (!courseResult.success) problems.push(describeIssues(courseFile, courseResult.error));

	const found: Array<
		Omit<ParsedLessonMeta, 'minutes'> &
			Pick<Lesson, 'slug' | 'file' | 'minutes'> & { order: number }
	> = [];
	for (const [path, meta] of Object.entries(frontmatter)) {
		const file = path.replace(/^\//, '');
		try {
			const place = parseFolder(path);
			if (!place) continue;
			const result = lessonMetaSchema.safeParse(meta ?? {});
			if (!result.success) {
				problems.push(describeIssues(file, result.error));
				continue;
			}
			const { minutes: _none, ...parsed } = result.data;
			problems.push(...inlineProblems(file, sources[path] ?? ''));
			const minutes = lessonMinutes(bodyWords(sources[path] ?? ''), parsed.effort);
			found.push({ ...parsed, minutes, ...place, file });
		} catch (error) {
			problems.push(error instanceof Error ? error.message : String(error));
		}
	}

	found.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
	const bySlug = new Map<string, string>();
	for (const lesson of found) {
		const other = bySlug.get(lesson.slug);
		if (other)
			problems.push(
				`${lesson.file}: field "slug": expected a unique slug, "${lesson.slug}" is also used by ${other}`
			);
		bySlug.set(lesson.slug, lesson.file);
	}
	if (problems.length) throw new ContentError(`Invalid course content:\n${problems.join('\n')}`);
	if (found.length === 0) throw new ContentError('lessons/: expected at least one lesson folder');

	const course = courseResult.data!;
	const lessons: Lesson[] = found.map(({ order, ...lesson }, i) => ({
		...lesson,
		steps: lesson.steps.map((step) => resolveStep(step, course.passMark)),
		number: i + 1,
		prev: null,
		next: null
	}));
	lessons.forEach((lesson, i) => {
		lesson.prev = i > 0 ? stub(lessons[i - 1]) : null;
		lesson.next = i < lessons.length - 1 ? stub(lessons[i + 1]) : null;
	});
	const { cpdHours: _typed, ...file } = course;
	return { course: { ...file, cpdHours: cpdHoursFor(lessons.map((l) => l.minutes)) }, lessons };
}

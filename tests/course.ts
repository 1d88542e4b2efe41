// The course as the tests expect it, read straight from the lesson files (not from the app), so a
// page that drops a question or a reading fails the tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Effort } from '../src/lib/content/schema';
import { bodyWords, cpdHoursFor, lessonMinutes } from '../src/lib/content/reading-time';

export interface OptionMeta {
	id: string;
	text: string;
	correct?: boolean;
}

export type QuestionMeta =
	| { id: string; type: 'single' | 'multiple'; prompt: string; options: OptionMeta[] }
	| { id: string; type: 'truefalse'; prompt: string; answer: boolean };

export type StepMeta =
	| { id: string; kind: 'read' | 'watch' | 'explore'; title: string }
	| { id: string; kind: 'quiz'; title: string; questions: QuestionMeta[] }
	| { id: string; kind: 'reflect'; title: string; prompt: string; minWords?: number };

export interface LessonFile {
	slug: string;
	path: string;
	title: string;
	objectives: { id: string; text: string }[];
	/** As written: the build takes a missing field as 0. */
	effort: Partial<Effort>;
	steps: StepMeta[];
	/** Markdown body after the frontmatter. */
	body: string;
}

const lessonsDir = 'lessons';

/** Lessons in course order: NN-slug folders; xx- and _ drafts are never built, so never expected. */
export function readLessons(): LessonFile[] {
	return readdirSync(lessonsDir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && /^\d+-[a-z0-9-]+$/.test(entry.name))
		.map((entry) => {
			const [, order, slug] = /^(\d+)-(.+)$/.exec(entry.name) ?? [];
			const path = join(lessonsDir, entry.name, 'index.md');
			const source = readFileSync(path, 'utf8');
			const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(source);
			if (!match) throw new Error(`${path}: expected YAML frontmatter between --- lines`);
			const meta = parse(match[1]) as Pick<LessonFile, 'title' | 'objectives' | 'effort' | 'steps'>;
			return {
				order: Number(order),
				slug,
				path,
				title: meta.title,
				objectives: meta.objectives,
				effort: meta.effort,
				steps: meta.steps,
				body: match[2]
			};
		})
		.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug))
		.map(({ order: _order, ...lesson }) => lesson);
}

/** The course's CPD hours, by the build's own rule (reading-time.ts) over the lesson files. */
export function courseHours(lessons: LessonFile[] = readLessons()): number {
	const minutes = lessons.map((l) =>
		lessonMinutes(bodyWords(readFileSync(l.path, 'utf8')), {
			watch: 0,
			explore: 0,
			quiz: 0,
			reflect: 0,
			readings: 0,
			...l.effort
		})
	);
	return cpdHoursFor(minutes);
}

/** The Markdown between <Step id="…"> and its </Step>. */
export function stepBody(lesson: LessonFile, stepId: string): string {
	const start = lesson.body.indexOf(`<Step id="${stepId}">`);
	if (start < 0) return '';
	const end = lesson.body.indexOf('</Step>', start);
	return lesson.body.slice(start, end < 0 ? undefined : end);
}

/** Ids used by a component in a lesson body, e.g. every <Reading id="…"> or <Video id="…">. */
export function componentIds(markdown: string, component: string): string[] {
	const re = new RegExp(`<${component}\\b[^>]*\\bid="([^"]+)"`, 'g');
	return [...markdown.matchAll(re)].map((m) => m[1]);
}

/**
 * A few words of plain prose from a step, for checking that the text is on the page: the start of the
 * first paragraph with no Markdown or HTML in it (which the page would render differently).
 */
export function proseSample(markdown: string, words = 8): string | undefined {
	const paragraphs = markdown
		.split(/\r?\n\s*\r?\n/)
		.map((p) => p.replace(/\s+/g, ' ').trim())
		.filter((p) => /^[A-Za-z]/.test(p) && /^[A-Za-z0-9 ,.;:()?!-]+$/.test(p) && !p.includes('--'));
	const first = paragraphs.find((p) => p.split(' ').length >= words);
	return first?.split(' ').slice(0, words).join(' ');
}

export interface Reference {
	id: string;
	title: string;
}

export function readJson<T>(file: string): T {
	return JSON.parse(readFileSync(join(lessonsDir, file), 'utf8')) as T;
}

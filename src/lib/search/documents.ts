// Builds the searchable documents from course content. Pure functions over plain data, so the
// build-time glue (index.server.ts) stays tiny and this stays testable.
import { markdownToText, stepTexts } from './extract';
import type { SearchDocument } from './types';

export interface LessonInput {
	slug: string;
	number: number;
	title: string;
	summary: string;
	objectives: string[];
	steps: Array<{ id: string; kind: string; title: string; prompt?: string }>;
}

export interface ReadingInput {
	id: string;
	title: string;
	authors: string[];
	journal?: string;
	year?: number;
	keyPoints?: string[];
	whyRead?: string;
}

export interface TermInput {
	id: string;
	term: string;
	definition: string;
	source?: string;
}

export interface VideoInput {
	id: string;
	title: string;
	description?: string;
	producer?: string;
}

const videoIdPattern = /<Video\b[^>]*\bid=["']([^"']+)["']/g;

/** The lesson itself, then one document per step; watch steps become video viewing guides. */
export function lessonDocuments(
	lesson: LessonInput,
	source: string,
	videos: VideoInput[] = []
): SearchDocument[] {
	const context = `Lesson ${lesson.number} · ${lesson.title}`;
	const url = `/lessons/${lesson.slug}`;
	const bodies = new Map(stepTexts(source).map((s) => [s.stepId, s.text]));
	const rawSteps = new Map(
		[...source.matchAll(/<Step\s+id=["']([^"']+)["'][^>]*>([\s\S]*?)<\/Step>/g)].map(
			([, id, inner]) => [id, inner]
		)
	);
	const videoById = new Map(videos.map((v) => [v.id, v]));

	const docs: SearchDocument[] = [
		{
			id: `lesson:${lesson.slug}`,
			kind: 'lesson',
			title: lesson.title,
			context: `Lesson ${lesson.number}`,
			url,
			text: [lesson.summary, ...lesson.objectives].join(' ')
		}
	];
	for (const step of lesson.steps) {
		const linkedVideos = [...(rawSteps.get(step.id) ?? '').matchAll(videoIdPattern)]
			.map(([, id]) => videoById.get(id))
			.filter((v): v is VideoInput => v !== undefined)
			.map((v) => [v.title, v.description, v.producer].filter(Boolean).join('. '));
		const text = [bodies.get(step.id) ?? '', step.prompt ?? '', ...linkedVideos]
			.filter(Boolean)
			.join(' ');
		if (!text) continue;
		docs.push({
			id: `step:${lesson.slug}:${step.id}`,
			kind: step.kind === 'watch' ? 'video' : 'step',
			title: step.title,
			context,
			url: `${url}#${step.id}`,
			text
		});
	}
	return docs;
}

export function readingDocument(reading: ReadingInput): SearchDocument {
	const citation = [reading.journal, reading.year].filter(Boolean).join(' ');
	return {
		id: `reading:${reading.id}`,
		kind: 'reading',
		title: reading.title,
		context: `${reading.authors.join(', ')}${citation ? ` · ${citation}` : ''}`,
		url: `/readings#${reading.id}`,
		text: [reading.authors.join(', '), ...(reading.keyPoints ?? []), reading.whyRead ?? '']
			.filter(Boolean)
			.join(' ')
	};
}

export function termDocument(entry: TermInput): SearchDocument {
	return {
		id: `term:${entry.id}`,
		kind: 'term',
		title: entry.term,
		context: 'Glossary',
		url: `/glossary#${entry.id}`,
		text: markdownToText(entry.definition) + (entry.source ? ` (${entry.source})` : '')
	};
}

import { lessons } from '$lib/content/lessons.server';
import type { JournalLesson } from './journal';

/** What the journal and the reflective account need from each lesson: objectives and prompts. */
export function journalLessons(): JournalLesson[] {
	return lessons.map(({ slug, number, title, objectives, steps }) => ({
		slug,
		number,
		title,
		objectives: objectives.map((o) => o.text),
		reflectSteps: steps.flatMap((step) =>
			step.kind === 'reflect' ? [{ id: step.id, title: step.title, prompt: step.prompt }] : []
		)
	}));
}

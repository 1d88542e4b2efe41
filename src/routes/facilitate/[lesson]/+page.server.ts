import { error } from '@sveltejs/kit';
import { getLesson } from '$lib/content/lessons.server';
import { facilitatorNotes, getFacilitatorNotes } from '$lib/content/facilitator.server';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => facilitatorNotes.map(({ slug }) => ({ lesson: slug }));

export const load: PageServerLoad = ({ params }) => {
	const lesson = getLesson(params.lesson);
	const notes = getFacilitatorNotes(params.lesson);
	if (!lesson || !notes) error(404, `No session plan for “${params.lesson}”`);
	const quiz = lesson.steps.flatMap((step) =>
		step.kind !== 'quiz'
			? []
			: step.questions.map((q) => ({
					id: `${step.id}-${q.id}`,
					scenario: q.scenario,
					prompt: q.prompt,
					answer: q.options
						.filter((o) => o.correct)
						.map((o) => o.text)
						.join('; '),
					source: q.source
				}))
	);
	return {
		lesson: {
			slug: lesson.slug,
			number: lesson.number,
			title: lesson.title,
			summary: lesson.summary,
			objectives: lesson.objectives.map((o) => o.text),
			steps: lesson.steps.map(({ id, kind, title }) => ({ id, kind, title }))
		},
		notes,
		quiz
	};
};

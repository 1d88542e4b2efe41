// What a facilitator can push for a lesson: its quiz questions, its reflection prompts and the
// discussion questions from its facilitator notes. Built on the server from validated content.
import type { Lesson } from '$lib/content/types';
import { correctOptionIds } from '$lib/machines/assessment';
import type { LiveItem } from '$lib/live/types';

export function liveItemsFor(lesson: Lesson, discussion: string[] = []): LiveItem[] {
	const items: LiveItem[] = [];
	for (const step of lesson.steps) {
		if (step.kind === 'quiz') {
			for (const q of step.questions) {
				const base = {
					key: `${step.id}.${q.id}`,
					kind: 'question' as const,
					title: step.title,
					...(q.scenario ? { scenario: q.scenario } : {}),
					prompt: q.prompt,
					explanation: q.explanation,
					source: q.source
				};
				items.push({
					...base,
					options: q.options.map(({ id, text }) => ({ id, text })),
					multiple: q.type === 'multiple',
					correct: correctOptionIds(q)
				});
			}
		} else if (step.kind === 'reflect') {
			items.push({ key: step.id, kind: 'prompt', title: step.title, prompt: step.prompt });
		}
	}
	discussion.forEach((prompt, i) =>
		items.push({ key: `discussion-${i + 1}`, kind: 'prompt', title: 'Discussion', prompt })
	);
	return items;
}

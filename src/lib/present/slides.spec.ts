import { describe, expect, it } from 'vitest';
import { getLesson, lessons } from '$lib/content/lessons.server';
import { buildSlides } from './slides';

describe('presenter slides', () => {
	it('start with a title slide and give each quiz question and reflect prompt its own slide', () => {
		const lesson = getLesson('what-is-coproduction')!;
		const slides = buildSlides(lesson, { discussion: ['What did you notice?'] });
		expect(slides[0]).toMatchObject({ kind: 'title', title: lesson.title });
		const questions = lesson.steps.flatMap((s) => (s.kind === 'quiz' ? s.questions : []));
		expect(slides.filter((s) => s.kind === 'question')).toHaveLength(questions.length);
		const prompts = slides.filter((s) => s.kind === 'prompt');
		expect(prompts.map((s) => s.stepId)).toEqual(
			lesson.steps.filter((s) => s.kind === 'reflect').map((s) => s.id)
		);
		expect(prompts[0].notes).toContain('Discussion: What did you notice?');
	});

	it('turn a true/false question into two options with the right one marked', () => {
		for (const lesson of lessons) {
			for (const slide of buildSlides(lesson)) {
				if (slide.kind !== 'question') continue;
				expect(slide.options.some((o) => o.correct)).toBe(true);
				expect(slide.notes[0]).toMatch(/^Answer: /);
			}
		}
		const tf = buildSlides(getLesson('the-sandwich')!).find(
			(s) => s.kind === 'question' && s.options[0].id === 'true'
		);
		expect(tf?.kind === 'question' && tf.options.map((o) => o.correct)).toEqual([false, true]);
	});

	it('show a scenario question with its clinical situation, which the prompt alone does not make sense without', () => {
		const lesson = getLesson('what-is-coproduction')!;
		const questions = lesson.steps.flatMap((s) => (s.kind === 'quiz' ? s.questions : []));
		const withScenario = questions.filter((q) => q.scenario);
		expect(withScenario.length).toBeGreaterThan(0);
		const slides = buildSlides(lesson).filter((s) => s.kind === 'question');
		for (const q of withScenario)
			expect(slides.find((s) => s.prompt === q.prompt)).toMatchObject({ scenario: q.scenario });
	});
});

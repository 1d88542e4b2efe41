import { ContentError } from './build-index';
import { getCaseStudy } from './cases.server';
import { getExplainer } from './explainers.server';
import { lessonSource } from './lesson-assets.server';
import type { Lesson } from './types';

// What a lesson's own interactions read from page data: its case.json for <CaseStudy /> and its
// explainer.json for <SandwichExplainer />. A lesson that uses one without its file fails the build,
// so the components can count on their data.
const needs = [
	['CaseStudy', 'case.json', getCaseStudy],
	['SandwichExplainer', 'explainer.json', getExplainer]
] as const;

/** The interaction data for a lesson's Markdown source; throws naming the file if one is missing. */
export function interactionsFor(source: string, file: string, slug: string) {
	const problems = needs.flatMap(([component, data, get]) =>
		new RegExp(`<${component}[\\s/>]`).test(source) && !get(slug)
			? [`${file}: <${component} /> needs its ${data} in the lesson folder`]
			: []
	);
	if (problems.length) throw new ContentError(problems.join('\n'));
	return { caseStudy: getCaseStudy(slug) ?? null, explainer: getExplainer(slug) ?? null };
}

/** For a lesson page's load: `...lessonInteractions(lesson)`. */
export function lessonInteractions(lesson: Pick<Lesson, 'file' | 'slug'>) {
	return interactionsFor(lessonSource(lesson.file), lesson.file, lesson.slug);
}

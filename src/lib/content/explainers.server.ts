import { parseLessonJson } from './lesson-json.server';
import { explainerSchema, type ExplainerContent } from './explainer-schema';

// The sandwich explainer's words sit beside their lesson as lessons/NN-slug/explainer.json: content,
// not code, so the browser gets them as page data. A malformed file stops the build with the file
// and the field.
const files = import.meta.glob('/lessons/*/explainer.json', { eager: true, import: 'default' });

export function parseExplainers(raw: Record<string, unknown>): Map<string, ExplainerContent> {
	return parseLessonJson(raw, explainerSchema, 'explainer');
}

export const explainers = parseExplainers(files);

/** The explainer of the lesson with this slug, if it has one. */
export function getExplainer(slug: string): ExplainerContent | undefined {
	return explainers.get(slug);
}

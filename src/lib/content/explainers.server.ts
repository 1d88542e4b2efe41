import { ContentError } from './build-index';
import { explainerSchema, type ExplainerContent } from './explainer-schema';

// The sandwich explainer's words sit beside their lesson as lessons/NN-slug/explainer.json: content,
// not code, so the browser gets them as page data. A malformed file stops the build with the file
// and the field.
const files = import.meta.glob('/lessons/*/explainer.json', { eager: true, import: 'default' });

export function parseExplainers(raw: Record<string, unknown>): Map<string, ExplainerContent> {
	const problems: string[] = [];
	const explainers = new Map<string, ExplainerContent>();
	for (const [path, data] of Object.entries(raw)) {
		const file = path.replace(/^\//, '');
		const slug = (file.split('/').at(-2) ?? '').replace(/^\d+-/, '');
		const result = explainerSchema.safeParse(data);
		if (result.success) explainers.set(slug, result.data);
		else
			for (const issue of result.error.issues)
				problems.push(`${file}: field "${issue.path.join('.') || '(file)'}": ${issue.message}`);
	}
	if (problems.length) throw new ContentError(`Invalid explainer:\n${problems.join('\n')}`);
	return explainers;
}

export const explainers = parseExplainers(files);

/** The explainer of the lesson with this slug, if it has one. */
export function getExplainer(slug: string): ExplainerContent | undefined {
	return explainers.get(slug);
}

import { ContentError } from './build-index';
import { caseStudySchema, type CaseStudyData } from './case-schema';

// Interactive cases sit beside their lesson as lessons/NN-slug/case.json. A malformed case stops the
// build with the file and the field.
const files = import.meta.glob('/lessons/*/case.json', { eager: true, import: 'default' });

export function parseCases(raw: Record<string, unknown>): Map<string, CaseStudyData> {
	const problems: string[] = [];
	const cases = new Map<string, CaseStudyData>();
	for (const [path, data] of Object.entries(raw)) {
		const file = path.replace(/^\//, '');
		const slug = (file.split('/').at(-2) ?? '').replace(/^\d+-/, '');
		const result = caseStudySchema.safeParse(data);
		if (result.success) cases.set(slug, result.data);
		else
			for (const issue of result.error.issues)
				problems.push(`${file}: field "${issue.path.join('.') || '(file)'}": ${issue.message}`);
	}
	if (problems.length) throw new ContentError(`Invalid case study:\n${problems.join('\n')}`);
	return cases;
}

export const caseStudies = parseCases(files);

/** The case of the lesson with this slug, if it has one. */
export function getCaseStudy(slug: string): CaseStudyData | undefined {
	return caseStudies.get(slug);
}

import { parseLessonJson } from './lesson-json.server';
import { caseStudySchema, type CaseStudyData } from './case-schema';

// Interactive cases sit beside their lesson as lessons/NN-slug/case.json. A malformed case stops the
// build with the file and the field.
const files = import.meta.glob('/lessons/*/case.json', { eager: true, import: 'default' });

export function parseCases(raw: Record<string, unknown>): Map<string, CaseStudyData> {
	return parseLessonJson(raw, caseStudySchema, 'case study');
}

export const caseStudies = parseCases(files);

/** The case of the lesson with this slug, if it has one. */
export function getCaseStudy(slug: string): CaseStudyData | undefined {
	return caseStudies.get(slug);
}

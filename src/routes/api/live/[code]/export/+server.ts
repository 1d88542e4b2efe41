import { getLesson } from '$lib/content/lessons.server';
import { toCsv, toMarkdown } from '$lib/server/live/export';
import { requireHost } from '$lib/server/live/host';
import { handle } from '$lib/server/live/http';
import type { RequestHandler } from './$types';

export const prerender = false;

/** The session's results for the facilitator: ?format=csv (default) or ?format=md. */
export const GET: RequestHandler = (event) =>
	handle(async () => {
		const { live, session } = await requireHost(event);
		const results = live.store.results(session.id);
		const markdown = event.url.searchParams.get('format') === 'md';
		const body = markdown
			? toMarkdown(results, {
					code: session.code,
					lessonTitle: getLesson(session.lessonSlug)?.title ?? session.lessonSlug,
					exportedAt: new Date(),
					joined: live.store.participantCount(session.id),
					anonymous: session.anonymous
				})
			: toCsv(results, { anonymous: session.anonymous });
		const name = `live-${session.code}.${markdown ? 'md' : 'csv'}`;
		return new Response(body, {
			headers: {
				'content-type': markdown ? 'text/markdown; charset=utf-8' : 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${name}"`,
				'cache-control': 'private, no-store'
			}
		});
	});

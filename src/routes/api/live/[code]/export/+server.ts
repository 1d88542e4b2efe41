import { getLesson } from '$lib/content/lessons.server';
import { toCsv, toMarkdown } from '$lib/server/live/export';
import { cookieCode, handle, hostCookie, tokenFrom } from '$lib/server/live/http';
import { getLive } from '$lib/server/live/instance';
import { isHostOf, requireHost, sessionByCode } from '$lib/server/live/service';
import type { RequestHandler } from './$types';

export const prerender = false;

/** The session's results for the facilitator: ?format=csv (default) or ?format=md. */
export const GET: RequestHandler = ({ params, request, cookies, url, getClientAddress }) =>
	handle(async () => {
		const live = getLive();
		const token = tokenFrom(request, cookies, hostCookie(cookieCode(params.code)));
		const session = await sessionByCode(
			live,
			params.code,
			getClientAddress(),
			isHostOf(live, token)
		);
		requireHost(live, session, token);
		const results = live.store.results(session.id);
		const markdown = url.searchParams.get('format') === 'md';
		const body = markdown
			? toMarkdown(results, {
					code: session.code,
					lessonTitle: getLesson(session.lessonSlug)?.title ?? session.lessonSlug,
					exportedAt: new Date()
				})
			: toCsv(results);
		const name = `live-${session.code}.${markdown ? 'md' : 'csv'}`;
		return new Response(body, {
			headers: {
				'content-type': markdown ? 'text/markdown; charset=utf-8' : 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${name}"`,
				'cache-control': 'private, no-store'
			}
		});
	});

import { json } from '@sveltejs/kit';
import { getLesson } from '$lib/content/lessons.server';
import { handle, hostCookie, setTokenCookie } from '$lib/server/live/http';
import { getLive } from '$lib/server/live/instance';
import { startSession } from '$lib/server/live/start';
import { createBody, readJson } from '$lib/server/live/validation';
import type { RequestHandler } from './$types';

export const prerender = false;

/** Starts a session (JSON API, used by scripts); the facilitator page posts a form to /live/new. */
export const POST: RequestHandler = ({ request, cookies, url, getClientAddress }) =>
	handle(async () => {
		const { lesson } = await readJson(request, createBody);
		const live = getLive();
		const { session, hostToken } = await startSession(live, getLesson(lesson), getClientAddress());
		setTokenCookie(cookies, url, hostCookie(session.code), hostToken, live.retentionMs);
		return json(
			{
				code: session.code,
				hostToken,
				joinUrl: `${url.origin}/live/${session.code}`,
				hostUrl: `${url.origin}/live/${session.code}/host`
			},
			{ status: 201, headers: { 'cache-control': 'private, no-store' } }
		);
	});

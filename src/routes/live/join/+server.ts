import { redirect } from '@sveltejs/kit';
import { normaliseCode } from '$lib/server/live/validation';
import type { RequestHandler } from './$types';

export const prerender = false;

/** The join form on /live sends the typed code here; tidy it and go to the session. */
export const GET: RequestHandler = ({ url }) => {
	const typed = url.searchParams.get('code') ?? '';
	const code = normaliseCode(typed) ?? typed.replace(/[^A-Za-z0-9]/g, '').slice(0, 12);
	redirect(303, code ? `/live/${code}` : '/live');
};

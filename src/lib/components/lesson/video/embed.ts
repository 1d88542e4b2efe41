// The player of a video with an embed (own file, or YouTube/Vimeo behind a click-to-load facade) is
// its own chunk: pages whose videos are watch-at-source cards never download it. A page that shows
// videos loads it in its load function, before rendering, so server and browser render the same.
import type { Component } from 'svelte';
import type { LessonAssets, VideoAsset } from '$lib/content/assets';

export type WatchedHow = 'played' | 'declared' | 'transcript';

export interface EmbedProps {
	video: VideoAsset;
	/** Prefix for element ids, unique on the page. */
	prefix: string;
	onwatched: (how: WatchedHow) => void;
}

let embed: Component<EmbedProps> | undefined;

/** Loads the embedded player if any of these videos needs it. Call from a load function. */
export async function loadVideoEmbeds(assets: Pick<LessonAssets, 'videos'> | undefined) {
	if (!embed && Object.values(assets?.videos ?? {}).some((video) => video.embed))
		embed = (await import('./Embed.svelte')).default;
}

/** The embedded player, once loaded by loadVideoEmbeds. */
export function videoEmbed(id: string): Component<EmbedProps> {
	if (!embed)
		throw new Error(
			`<Video id="${id}" /> has an embed, but its player was not loaded: call loadVideoEmbeds(assets) (lesson/video/embed.ts) in the page's load function`
		);
	return embed;
}

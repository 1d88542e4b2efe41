import { describe, expect, test } from 'vitest';
import type { VideoAsset } from '$lib/content/assets';
import { loadVideoEmbeds, videoEmbed } from './embed';

const card = { id: 'card', embed: null } as unknown as VideoAsset;

describe('video embeds', () => {
	test('a page whose videos have no embed does not load the player; asking for it fails loudly', async () => {
		await loadVideoEmbeds({ videos: { card } });
		await loadVideoEmbeds(undefined);
		expect(() => videoEmbed('clip')).toThrow(
			/<Video id="clip" \/> has an embed, but its player was not loaded: call loadVideoEmbeds/
		);
	});
});

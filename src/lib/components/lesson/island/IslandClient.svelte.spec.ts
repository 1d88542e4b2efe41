import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { clientIsland } from './client';
import Host from './testing/Host.svelte';
import Probe from './testing/Probe.svelte';

// jsdom has no IntersectionObserver, so an island with nothing prerendered loads at once; the
// on-approach loading and hydration of prerendered HTML are tested in Chromium (tests/islands.e2e.ts).

afterEach(() => vi.restoreAllMocks());

describe('island', () => {
	test('loads its block and renders it with the props and context it was given', async () => {
		const load = vi.fn(async () => ({ default: Probe }));
		const { container } = render(Host, {
			props: { block: clientIsland('Probe', load), label: 'A quiz' }
		});
		expect(await screen.findByText('A quiz for Sam')).toBeTruthy();
		expect(load).toHaveBeenCalledOnce();
		const island = container.querySelector('[data-island="Probe"]');
		expect(island?.hasAttribute('data-ready')).toBe(true);
	});

	test('renders at once, without loading again, once its code is loaded', async () => {
		const load = vi.fn(async () => ({ default: Probe }));
		const block = clientIsland('Probe', load);
		render(Host, { props: { block, label: 'First' } });
		await screen.findByText('First for Sam');
		render(Host, { props: { block, label: 'Second' } });
		expect(screen.getByText('Second for Sam')).toBeTruthy();
		expect(load).toHaveBeenCalledOnce();
	});

	test('a block whose code fails to load stays as it was, says why and can try again', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const load = vi.fn().mockRejectedValueOnce(new Error('offline'));
		load.mockResolvedValue({ default: Probe });
		const { container } = render(Host, {
			props: { block: clientIsland('Probe', load), label: 'Later' }
		});
		const island = container.querySelector<HTMLElement>('[data-island="Probe"]')!;
		await vi.waitFor(() => expect(warn).toHaveBeenCalledOnce());
		expect(String(warn.mock.calls[0][0])).toContain('Probe');
		expect(island.hasAttribute('data-ready')).toBe(false);
		island.dispatchEvent(new FocusEvent('focusin'));
		expect(await screen.findByText('Later for Sam')).toBeTruthy();
	});

	test('is destroyed with the page that holds it', async () => {
		const gone = vi.fn();
		const { unmount } = render(Host, {
			props: { block: clientIsland('Probe', async () => ({ default: Probe })), label: 'Gone', gone }
		});
		await screen.findByText('Gone for Sam');
		expect(gone).not.toHaveBeenCalled();
		unmount();
		expect(gone).toHaveBeenCalledOnce();
	});
});

import { afterEach, describe, expect, test, vi } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import type { BlockModule } from './IslandClient.svelte';
import Host from './testing/Host.svelte';
import Probe from './testing/Probe.svelte';

// In Chromium (vitest browser mode): the island's on-approach loading is real IntersectionObserver
// and focus behaviour. The hydration of prerendered HTML is tested on real pages (tests/islands.e2e.ts).

afterEach(() => {
	vi.restoreAllMocks();
	window.scrollTo(0, 0);
});

// A block takes its own props; the island hands them over as one record.
const module = { default: Probe } as unknown as BlockModule;
const probe = () => vi.fn(async () => module);

describe('island', () => {
	test('loads its block and renders it with the props and context it was given', async () => {
		const load = probe();
		const { container } = await render(Host, { props: { load, label: 'A quiz' } });
		await expect.element(page.getByText('A quiz for Sam')).toBeVisible();
		expect(load).toHaveBeenCalledOnce();
		expect(container.querySelector('[data-island="Probe"]')?.hasAttribute('data-ready')).toBe(true);
	});

	test('far below the screen, loads nothing until the learner scrolls to it', async () => {
		const load = probe();
		const { container } = await render(Host, {
			props: { load, label: 'Far', below: window.innerHeight * 4 }
		});
		await new Promise((r) => setTimeout(r, 300));
		expect(load).not.toHaveBeenCalled();
		container.querySelector('[data-island="Probe"]')!.scrollIntoView({ block: 'end' });
		await expect.element(page.getByText('Far for Sam')).toBeInTheDocument();
		expect(load).toHaveBeenCalledOnce();
	});

	test('far below the screen, loads at once when focus moves into it', async () => {
		const load = probe();
		const { container } = await render(Host, {
			props: { load, label: 'Focused', below: window.innerHeight * 4 }
		});
		const island = container.querySelector<HTMLElement>('[data-island="Probe"]')!;
		island.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
		await expect.element(page.getByText('Focused for Sam')).toBeInTheDocument();
		expect(load).toHaveBeenCalledOnce();
	});

	test('renders at once, without loading again, once its code is loaded', async () => {
		const load = probe();
		await render(Host, { props: { load, label: 'First' } });
		await expect.element(page.getByText('First for Sam')).toBeVisible();
		await render(Host, { props: { load, label: 'Second', below: window.innerHeight * 4 } });
		expect(page.getByText('Second for Sam').query()).not.toBeNull();
		expect(load).toHaveBeenCalledOnce();
	});

	test('a block whose code fails to load stays as it was, says why and can try again', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const load = vi.fn().mockRejectedValueOnce(new Error('offline'));
		load.mockResolvedValue(module);
		const { container } = await render(Host, { props: { load, label: 'Later' } });
		const island = container.querySelector<HTMLElement>('[data-island="Probe"]')!;
		await vi.waitFor(() => expect(warn).toHaveBeenCalledOnce());
		expect(String(warn.mock.calls[0][0])).toContain('Probe');
		expect(island.hasAttribute('data-ready')).toBe(false);
		island.dispatchEvent(new FocusEvent('focusin'));
		await expect.element(page.getByText('Later for Sam')).toBeVisible();
	});

	test('is destroyed with the page that holds it', async () => {
		const gone = vi.fn();
		const { unmount } = await render(Host, { props: { load: probe(), label: 'Gone', gone } });
		await expect.element(page.getByText('Gone for Sam')).toBeVisible();
		expect(gone).not.toHaveBeenCalled();
		await unmount();
		expect(gone).toHaveBeenCalledOnce();
	});
});

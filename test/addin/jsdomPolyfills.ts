/**
 * jsdom (jest-environment-jsdom 29) lacks TextEncoder/TextDecoder, which the
 * browser has and the return reader uses. Imported first by jsdom tests.
 */
import { TextDecoder, TextEncoder } from 'util';

const g = globalThis as unknown as Record<string, unknown>;
if (!g.TextDecoder) g.TextDecoder = TextDecoder;
if (!g.TextEncoder) g.TextEncoder = TextEncoder;

// Fluent's MessageBar watches its size; jsdom has no layout, so nothing ever resizes.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class NoResize {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (window as unknown as Record<string, unknown>).ResizeObserver = NoResize;
}

/**
 * Turns what Office.js throws into a sentence for the user. Office.js errors
 * carry a `code` (OfficeExtension.ErrorCodes); anything else is shown by its
 * message inside a sentence, never as a raw exception.
 */

import { t, type UiLang } from '../i18n';

/** An error the adapter raises on purpose, already carrying its sentence key. */
export class AddinError extends Error {
  constructor(
    readonly key:
      | 'err_excelTooOld'
      | 'err_sheetMissing'
      | 'err_protected'
      | 'err_payload'
      | 'err_editMode'
      | 'err_busy',
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'AddinError';
  }
}

export function describeError(e: unknown, lang: UiLang): string {
  if (e instanceof AddinError) return t(lang, e.key, e.params);
  const err = e as { code?: string; message?: string; debugInfo?: { errorLocation?: string } } | null;
  const code = err && typeof err.code === 'string' ? err.code : '';
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return t(lang, 'err_editMode');
    case 'ItemNotFound':
      return t(lang, 'err_sheetMissing', { sheet: '?' });
    case 'AccessDenied':
    case 'InvalidOperation':
      if (/protect/i.test(err?.message ?? '')) return t(lang, 'err_protected');
      break;
    case 'RequestPayloadSizeLimitExceeded':
    case 'PayloadTooLarge':
      return t(lang, 'err_payload');
    case 'ApiNotFound':
      return t(lang, 'err_excelTooOld', { set: '1.4' });
    case 'ActivityLimitReached':
    case 'Conflict':
    case 'ServiceUnavailable':
      return t(lang, 'err_busy');
  }
  if (code === 'AccessDenied') return t(lang, 'err_protected');
  const message = (err && err.message) || String(e);
  return t(lang, 'err_unknown', { message });
}

/**
 * Turns what Office.js throws into a sentence for the user. Office.js errors
 * carry a `code` from Excel.ErrorCodes / OfficeExtension.ErrorCodes (the
 * codes of the Excel JavaScript API reference, "Error codes"); each one we
 * can meet is mapped to a sentence saying the real cause. The message text
 * is never matched: it is in Excel's display language. Anything else is
 * shown by its code and message inside a sentence, never as a raw exception.
 */

import { t, type UiKey, type UiLang } from '../i18n';

/** An error the adapter raises on purpose, already carrying its sentence key. */
export class AddinError extends Error {
  constructor(
    readonly key:
      | 'err_excelTooOld'
      | 'err_sheetMissing'
      | 'err_protected'
      | 'err_payload'
      | 'err_response'
      | 'err_editMode'
      | 'err_busy',
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'AddinError';
  }
}

/** Office.js error code → the sentence that says what happened. */
export const ERROR_SENTENCES: Record<string, UiKey> = {
  InvalidOperationInCellEditMode: 'err_editMode',
  ItemNotFound: 'err_itemMissing',
  InvalidReference: 'err_itemMissing',
  AccessDenied: 'err_protected',
  RequestPayloadSizeLimitExceeded: 'err_payload',
  ResponsePayloadSizeLimitExceeded: 'err_response',
  RangeExceedsLimit: 'err_tooManyCells',
  OperationCellsExceedLimit: 'err_tooManyCells',
  ApiNotFound: 'err_excelTooOld',
  ApiNotAvailable: 'err_excelTooOld',
  ActivityLimitReached: 'err_busy',
  ServiceNotAvailable: 'err_serviceDown',
  Conflict: 'err_conflict',
  InsertDeleteConflict: 'err_conflict',
  Unauthenticated: 'err_signedOut',
  InactiveWorkbook: 'err_inactive',
  RequestAborted: 'err_aborted',
  ConnectionFailure: 'err_connection',
};

export function describeError(e: unknown, lang: UiLang): string {
  if (e instanceof AddinError) return t(lang, e.key, e.params);
  const err = e as { code?: string; message?: string } | null;
  const code = err && typeof err.code === 'string' ? err.code : '';
  const key = ERROR_SENTENCES[code];
  if (key) return t(lang, key, { set: '1.4', code });
  const message = (err && err.message) || String(e);
  return t(lang, 'err_unknown', { message: code && !message.includes(code) ? `${message}（${code}）` : message });
}

/** Asks before the consolidation replaces sheets that already exist. */

import * as React from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { t, type UiLang } from '../i18n';

export interface ReplaceDialogProps {
  sheets: string[] | null;
  lang: UiLang;
  onAnswer: (replace: boolean) => void;
}

export function ReplaceDialog({ sheets, lang, onAnswer }: ReplaceDialogProps): React.ReactElement {
  return (
    <Dialog open={sheets !== null} modalType="alert" onOpenChange={(_, d) => !d.open && onAnswer(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t(lang, 'replaceTitle')}</DialogTitle>
          <DialogContent>{t(lang, 'replaceBody', { sheets: (sheets ?? []).join('、') })}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {t(lang, 'replace')}
            </Button>
            <Button onClick={() => onAnswer(false)}>{t(lang, 'cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** The task pane: recognises the open workbook, then shows clerk or city mode. */

import * as React from 'react';
import { FluentProvider, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, webLightTheme } from '@fluentui/react-components';
import { inspectOpen, type OpenState } from '../flows';
import type { ExcelHost } from '../host';
import { t, type UiLang } from '../i18n';
import { describeError } from '../office/errors';
import { CityPanel } from './CityPanel';
import { ClerkPanel } from './ClerkPanel';

// Compact: Excel's default pane is about 350×378 px, and the progress line and
// the first findings (or the consolidation result) must show without scrolling.
const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '6px', padding: '8px 10px' },
  // Long URLs break anywhere; a Chinese-then-English message keeps its line break.
  message: { overflowWrap: 'anywhere', whiteSpace: 'pre-line' },
});

export interface AppProps {
  host: ExcelHost | null;
  lang: UiLang;
  /** Shown instead of the pane (e.g. Excel too old), already a sentence. */
  fatal?: string;
}

export function App({ host, lang, fatal }: AppProps): React.ReactElement {
  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'en' ? 'en' : 'zh-CN'}>
      <Pane host={host} lang={lang} fatal={fatal} />
    </FluentProvider>
  );
}

function Pane({ host, lang, fatal }: AppProps): React.ReactElement {
  const s = useStyles();
  const [open, setOpen] = React.useState<OpenState | null>(null);
  const [error, setError] = React.useState<string | null>(fatal ?? null);

  React.useEffect(() => {
    if (!host || fatal) return;
    inspectOpen(host, lang)
      .then(setOpen)
      .catch((e) => setError(describeError(e, lang)));
  }, [host, lang, fatal]);

  const heading = open?.mode === 'clerk' ? t(lang, 'clerkHeading') : open ? t(lang, 'cityHeading') : t(lang, 'title');
  return (
    <main className={s.root}>
      <Subtitle2 as="h1">{heading}</Subtitle2>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody data-testid="error" className={s.message}>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {!error && !open && <Spinner size="small" label={t(lang, 'loading')} />}
      {host && open?.mode === 'clerk' && <ClerkPanel open={open} host={host} lang={lang} />}
      {open?.mode === 'unknown-plan' && (
        <MessageBar intent="warning">
          <MessageBarBody>{t(lang, 'unknownPlan', { plan: open.ret.meta?.planId ?? '?' })}</MessageBarBody>
        </MessageBar>
      )}
      {host && (open?.mode === 'city' || open?.mode === 'unknown-plan') && <CityPanel host={host} lang={lang} />}
    </main>
  );
}

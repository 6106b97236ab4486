/**
 * City mode, "汇总为本级报表": shown when the picked returns have a unit above
 * them that reports itself (towns of a district). The clerk picks the unit
 * (the towns' district by default), the pane makes its filled return and
 * opens it as a new workbook (ExcelApi 1.8) and/or offers it as a download.
 */

import * as React from 'react';
import { Button, Link, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { message } from '../../core/i18n';
import { readPicked, type PickedFile, type PickedGroup } from '../flows';
import type { ExcelHost } from '../host';
import { t, type UiLang } from '../i18n';
import { describeError } from '../office/errors';
import { makeOwnReturn, ownReturnChoices, type OwnReturnChoices, type OwnReturnMade } from '../ownReturn';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '6px', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: '6px' },
  row: { display: 'flex', alignItems: 'center', gap: '8px', minWidth: 0 },
  select: { flexGrow: 1, minWidth: 0 },
  button: { flexShrink: 0, whiteSpace: 'nowrap' },
  hint: { color: tokens.colorNeutralForeground2 },
  results: { display: 'flex', flexDirection: 'column', gap: '6px' },
  list: { margin: 0, paddingLeft: '18px', color: tokens.colorNeutralForeground2 },
});

export interface OwnReturnSectionProps {
  host: ExcelHost;
  lang: UiLang;
  files: PickedFile[];
}

interface Said {
  text: string;
  intent: 'success' | 'warning' | 'info';
}

export function OwnReturnSection({ host, lang, files }: OwnReturnSectionProps): React.ReactElement | null {
  const s = useStyles();
  const [found, setFound] = React.useState<{ group: PickedGroup; options: OwnReturnChoices } | null>(null);
  const [unit, setUnit] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [said, setSaid] = React.useState<Said[]>([]);
  const [made, setMade] = React.useState<OwnReturnMade | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [href, setHref] = React.useState<string | null>(null);
  const result = React.useRef<HTMLDivElement>(null);

  // The picked files, read once per pick: which units they could be consolidated into.
  React.useEffect(() => {
    setSaid([]);
    setMade(null);
    setError(null);
    const { group } = readPicked(files, lang);
    const options = group ? ownReturnChoices(group) : null;
    if (!group || !options || !options.choices.length) {
      setFound(null);
      return;
    }
    setFound({ group, options });
    setUnit(options.preferred ?? options.parents[0]?.code ?? options.choices[0].code);
  }, [files, lang]);

  // A download link lives as long as its file is shown.
  React.useEffect(() => {
    if (!made || typeof URL.createObjectURL !== 'function') return;
    const url = URL.createObjectURL(new Blob([new Uint8Array(made.bytes)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    setHref(url);
    return () => {
      URL.revokeObjectURL(url);
      setHref(null);
    };
  }, [made]);

  // The result is below the buttons: bring it into the small pane's view.
  React.useEffect(() => {
    if (said.length || error) result.current?.scrollIntoView?.({ block: 'nearest' });
  }, [said, error]);

  if (!found) return null;
  const { group, options } = found;
  const preferred = options.choices.find((c) => c.code === options.preferred);

  const make = async () => {
    setBusy(true);
    setError(null);
    setSaid([]);
    setMade(null);
    try {
      const m = await makeOwnReturn(group, unit, lang);
      const msgs: Said[] = [{ text: t(lang, 'own_made', { unit: m.unitName, used: m.used, expected: m.expected, filled: m.filled }), intent: 'success' }];
      if (host.caps.createWorkbook) {
        await host.openWorkbook(m.bytes);
        msgs[0].text += (lang === 'en' ? ' ' : '') + t(lang, 'own_opened', { file: m.fileName });
      }
      if (m.missing.length) msgs.push({ text: t(lang, 'own_missing', { units: m.missing.join('、') }), intent: 'warning' });
      const f = m.findings;
      msgs.push({
        text: f.errors + f.warnings ? message('tree.findings', { errors: f.errors, warnings: f.warnings, files: f.files.join('、') }, lang) : message('tree.findings-none', {}, lang),
        intent: f.errors + f.warnings ? 'warning' : 'info',
      });
      if (m.blank.length) msgs.push({ text: t(lang, 'own_blank', { n: m.blank.length, codes: m.blank.map((b) => b.code).join('、') }), intent: 'info' });
      setMade(m);
      setSaid(msgs);
    } catch (e) {
      setError(describeError(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={s.root} data-testid="own-return" aria-label={t(lang, 'own_heading')}>
      <Text weight="semibold">{t(lang, 'own_heading')}</Text>
      <Text size={200} className={s.hint} data-testid="own-hint">
        {preferred
          ? t(lang, 'own_hint', { n: preferred.below, unit: preferred.name })
          : t(lang, 'own_several', { units: options.parents.map((p) => t(lang, 'own_choice', { name: p.name, n: p.below })).join('、') })}
      </Text>
      <div className={s.row}>
        <Select className={s.select} aria-label={t(lang, 'own_unit')} value={unit} onChange={(_, d) => setUnit(d.value)}>
          {options.choices.map((c) => (
            <option key={c.code} value={c.code}>
              {t(lang, 'own_choice', { name: c.name, n: c.below })}
            </option>
          ))}
        </Select>
        <Button className={s.button} onClick={make} disabled={busy || !unit}>
          {t(lang, 'own_make')}
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={t(lang, 'own_making')} />}
      <div ref={result} className={s.results}>
        {error && (
          <MessageBar intent="error">
            <MessageBarBody data-testid="own-error">{error}</MessageBarBody>
          </MessageBar>
        )}
        {said.map((m) => (
          <MessageBar key={m.text} intent={m.intent}>
            <MessageBarBody data-testid="own-done">{m.text}</MessageBarBody>
          </MessageBar>
        ))}
        {made && href && (
          <Text size={200}>
            {!host.caps.createWorkbook && t(lang, 'own_downloadOnly')}
            <Link href={href} download={made.fileName} data-testid="own-download">
              {t(lang, 'own_download', { file: made.fileName })}
            </Link>
          </Text>
        )}
        {made && made.skipped.length > 0 && (
          <ul className={s.list} data-testid="own-skipped">
            {made.skipped.map((k, i) => (
              <li key={`${k.file}-${i}`}>
                <Text size={200}>
                  {k.file}：{k.reason}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

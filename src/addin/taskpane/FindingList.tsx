/**
 * Every finding at once, grouped by severity. Clicking a finding selects its
 * cell; findings that ask for an explanation offer a link to the remark cell.
 */

import * as React from 'react';
import { Badge, Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../../core/rules/finding';
import { t, type UiLang } from '../i18n';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: '4px', marginTop: '4px' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: '2px',
    padding: '4px 6px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', gap: '6px', alignItems: 'center', flexWrap: 'wrap' },
  message: { textAlign: 'left', whiteSpace: 'normal', fontWeight: tokens.fontWeightRegular, justifyContent: 'flex-start', padding: 0, minWidth: 0, height: 'auto' },
});

const ORDER: Severity[] = ['error', 'warning', 'info'];
const COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

export interface FindingListProps {
  findings: Finding[];
  lang: UiLang;
  onSelect: (sheet: string, cell: string) => void;
}

export function FindingList({ findings, lang, onSelect }: FindingListProps): React.ReactElement {
  const s = useStyles();
  if (findings.length === 0) return <Text role="status">{t(lang, 'noFindings')}</Text>;
  const count = (sev: Severity) => findings.filter((f) => f.severity === sev).length;
  return (
    <div data-testid="findings">
      <Text>
        {t(lang, 'findingsCount', { n: findings.length, errors: count('error'), warnings: count('warning'), infos: count('info') })}
      </Text>
      {ORDER.filter((sev) => count(sev) > 0).map((sev) => (
        <section key={sev} className={s.group} aria-label={t(lang, `severity_${sev}`)} data-severity={sev}>
          <Text weight="semibold">
            {t(lang, `severity_${sev}`)} ({count(sev)})
          </Text>
          {findings
            .filter((f) => f.severity === sev)
            .map((f, i) => (
              <div key={`${f.rule}-${f.code}-${f.cell}-${i}`} className={s.item} data-testid="finding" data-cell={f.cell ?? ''}>
                <div className={s.head}>
                  <Badge appearance="tint" color={COLOR[sev]}>
                    {f.code ?? t(lang, 'wholeReturn')}
                  </Badge>
                  {f.cell && <Text size={200}>{f.sheet ? `${f.sheet}!${f.cell}` : f.cell}</Text>}
                </div>
                {f.sheet && f.cell ? (
                  <Button
                    appearance="transparent"
                    className={s.message}
                    title={t(lang, 'goToCell', { cell: f.cell })}
                    onClick={() => onSelect(f.sheet!, f.cell!)}
                  >
                    {f.message}
                  </Button>
                ) : (
                  <Text>{f.message}</Text>
                )}
                {f.remarkAt && (
                  <Link as="button" onClick={() => onSelect(f.remarkAt!.sheet, f.remarkAt!.cell)} data-testid="remark-link">
                    {t(lang, 'goToRemark')} ({f.remarkAt.cell})
                  </Link>
                )}
              </div>
            ))}
        </section>
      ))}
    </div>
  );
}

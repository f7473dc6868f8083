// The header of one section of a report table, shared by the checker's tables (ReportTables) and the
// fill-in form (FormPage): 「项目」 then the columns; with a column group (the form's table B, 「法人或其他
// 组织」 over its five kinds) the group spans its columns on a second header row.
import type { Lang } from '../../../core/index.ts';
import { t } from '../i18n.ts';

type Props = { columns: string[]; columnGroup?: { label: string; from: number; span: number } | undefined; lang: Lang };

export function TableHead({ columns, columnGroup: g, lang }: Props) {
  if (!g) {
    return (
      <thead>
        <tr>
          <th scope="col">{t('item', lang)}</th>
          {columns.map((c) => (
            <th scope="col" key={c}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
    );
  }
  return (
    <thead>
      <tr>
        <th scope="col" rowSpan={2}>
          {t('item', lang)}
        </th>
        {columns.map((c, k) =>
          k === g.from ? (
            <th scope="colgroup" colSpan={g.span} key="group">
              {g.label}
            </th>
          ) : k > g.from && k < g.from + g.span ? null : (
            <th scope="col" rowSpan={2} key={c}>
              {c}
            </th>
          ),
        )}
      </tr>
      <tr>
        {columns.slice(g.from, g.from + g.span).map((c) => (
          <th scope="col" key={c}>
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

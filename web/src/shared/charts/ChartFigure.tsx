/**
 * What every chart of the app is: a figure named by its caption, the drawing (an image to
 * screen readers), and the same numbers as a table beneath it, opened on demand.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ChartTable {
  columns: string[];
  rows: (string | number | ReactNode)[][];
}

export function ChartFigure({
  id,
  caption,
  table,
  children,
}: {
  id: string;
  caption: string;
  table: ChartTable;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  // The table is made when first opened: closed, nobody reads it, and a page of charts would
  // otherwise build thousands of hidden cells before its first view.
  const [opened, setOpened] = useState(false);
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      {children}
      <details onToggle={(event) => event.currentTarget.open && setOpened(true)}>
        <summary>{t('charts.numbers')}</summary>
        {opened ? <NumbersTable caption={caption} table={table} /> : null}
      </details>
    </figure>
  );
}

function NumbersTable({ caption, table }: { caption: string; table: ChartTable }) {
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {table.columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) =>
              j === 0 ? (
                <th key={j} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={j}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

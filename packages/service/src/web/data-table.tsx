/**
 * The kit's list table: a header row, one row per record, and a muted line instead of an empty
 * table. Columns say what they show and how a record fills the cell, so a list page is its
 * columns and nothing of the markup (issue 19, "a component kit for tables").
 */
import type { Child } from "hono/jsx";

export interface TableColumn<Row> {
  header: string;
  cell: (row: Row) => Child;
}

export function DataTable<Row>(props: {
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  /** The row's element id, so a link or a test can point at one record. */
  rowId: (row: Row) => string;
  empty: string;
}) {
  if (props.rows.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th scope="col">{column.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr id={props.rowId(row)}>
              {props.columns.map((column) => (
                <td>{column.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { ReactNode } from "react";

export interface HeadColumn {
  key: string;
  label: ReactNode;
  /** Numbers are right-aligned; names and values left (the default). */
  align?: "left" | "right";
  sort?: "descending" | "none";
}

/** The header row of the app's small data tables (comparison, trace statistics). */
export function TableHead({ columns }: { columns: readonly HeadColumn[] }) {
  return (
    <thead className="text-zinc-500">
      <tr className="border-b border-zinc-200 dark:border-zinc-800">
        {columns.map((column) => (
          <th
            key={column.key}
            scope="col"
            aria-sort={column.sort}
            className={`whitespace-nowrap px-2 py-1 font-normal ${column.align === "right" ? "text-right" : "text-left"}`}
          >
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

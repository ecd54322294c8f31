"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { labelValuesQuery } from "@/lib/client/queries";
import type { HistogramFamily } from "@/lib/model/metrics";
import { type Selector, formatSelector, parseSelector, withLabelValue } from "@/lib/explore/selector";

interface Props {
  query: string;
  families: HistogramFamily[];
  onChange: (query: string) => void;
}

/**
 * Choosing what to look at: a histogram picker with label filters, or any PromQL in the
 * advanced mode. The URL's `query` is the one truth; this only edits it.
 */
export function QueryEditor({ query, families, onChange }: Props) {
  const selector = parseSelector(query);
  const [advanced, setAdvanced] = useState(!selector && query !== "");
  return (
    <div className="flex w-full min-w-0 flex-wrap items-center gap-2">
      {advanced || !selector ? (
        <PromqlInput key={query} initial={query} onSubmit={onChange} />
      ) : (
        <SelectorBuilder
          key={selector.metric}
          selector={selector}
          families={families}
          onChange={(s) => onChange(formatSelector(s))}
        />
      )}
      <button
        type="button"
        aria-pressed={advanced}
        disabled={advanced && !parseSelector(query)}
        title={
          advanced && !parseSelector(query)
            ? "The builder edits plain metric selectors; this query is PromQL"
            : undefined
        }
        onClick={() => setAdvanced(!advanced)}
        className="rounded border border-zinc-300 px-2 py-1 text-xs disabled:opacity-50 aria-pressed:bg-zinc-900 aria-pressed:text-white dark:border-zinc-700 dark:aria-pressed:bg-zinc-100 dark:aria-pressed:text-zinc-900"
      >
        PromQL
      </button>
    </div>
  );
}

function SelectorBuilder({
  selector,
  families,
  onChange,
}: {
  selector: Selector;
  families: HistogramFamily[];
  onChange: (s: Selector) => void;
}) {
  const family = families.find((f) => f.name === selector.metric);
  const [metricDraft, setMetricDraft] = useState(selector.metric);
  return (
    <>
      <form
        className="flex w-full min-w-0 items-center gap-1 sm:w-auto"
        onSubmit={(event) => {
          event.preventDefault();
          const name = metricDraft.trim();
          if (name && name !== selector.metric) onChange({ metric: name, matchers: [] });
        }}
      >
        <label htmlFor="metric" className="text-xs text-zinc-500">
          Histogram
        </label>
        <input
          id="metric"
          list="histogram-families"
          value={metricDraft}
          onChange={(e) => {
            setMetricDraft(e.target.value);
            // Picking from the list applies at once; typing waits for Enter.
            if (families.some((f) => f.name === e.target.value) && e.target.value !== selector.metric) {
              onChange({ metric: e.target.value, matchers: [] });
            }
          }}
          spellCheck={false}
          className="min-w-0 flex-1 rounded border sm:w-[24rem] sm:flex-none border-zinc-300 bg-transparent px-2 py-1 font-mono text-xs dark:border-zinc-700"
        />
        <datalist id="histogram-families">
          {families.map((f) => (
            <option key={f.name} value={f.name}>
              {f.help}
            </option>
          ))}
        </datalist>
      </form>
      {(family?.labelNames ?? selector.matchers.map((m) => m.name)).map((label) => (
        <LabelFilter
          key={label}
          metric={selector.metric}
          label={label}
          selector={selector}
          onChange={onChange}
        />
      ))}
    </>
  );
}

function LabelFilter({
  metric,
  label,
  selector,
  onChange,
}: {
  metric: string;
  label: string;
  selector: Selector;
  onChange: (s: Selector) => void;
}) {
  const { data, isError } = useQuery(labelValuesQuery(metric, label));
  const current = selector.matchers.find((m) => m.name === label);
  // A matcher the builder cannot show as a choice (a regex, a negation) stays as written.
  const editable = !current || current.op === "=";
  const values = data?.values ?? (current ? [current.value] : []);
  return (
    <label className="flex items-center gap-1 text-xs">
      <span className="text-zinc-500">{label}</span>
      <select
        value={current?.value ?? ""}
        disabled={!editable || isError}
        title={
          editable
            ? undefined
            : `${label}${current?.op}"${current?.value}" is kept as written; edit it in PromQL`
        }
        onChange={(e) =>
          onChange(withLabelValue(selector, label, e.target.value === "" ? undefined : e.target.value))
        }
        // A fixed width: values arriving must not move the filters after it.
        className="w-28 rounded border border-zinc-300 bg-transparent px-1 py-1 dark:border-zinc-700"
      >
        <option value="">any</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}

function PromqlInput({ initial, onSubmit }: { initial: string; onSubmit: (query: string) => void }) {
  const [draft, setDraft] = useState(initial);
  return (
    <form
      className="flex min-w-64 flex-1 gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (draft.trim()) onSubmit(draft.trim());
      }}
    >
      <label className="sr-only" htmlFor="promql">
        Metric selector or PromQL
      </label>
      <input
        id="promql"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        spellCheck={false}
        placeholder="histogram_quantile(0.99, sum by (le) (rate(http_server_request_duration_seconds_bucket[5m])))"
        className="w-full rounded border border-zinc-300 bg-transparent px-2 py-1 font-mono text-xs dark:border-zinc-700"
      />
      <button
        type="submit"
        className="rounded bg-sky-600 px-3 py-1 text-xs font-medium text-white hover:bg-sky-700"
      >
        Run
      </button>
    </form>
  );
}

"use client";

import Link from "next/link";
import type { AttributeValue, Attributes, Span, Trace } from "@/lib/model/trace";
import { formatDurationUs } from "@/lib/format/duration";
import { useExplorerLinks } from "./explorer-links";
import { useServiceColor } from "./service-colors-context";

interface Props {
  trace: Trace;
  span: Span;
  selfTimeUs: number;
  onCriticalPath: boolean;
  onOpenLink: (traceId: string, spanId: string) => void;
}

/**
 * Everything about the selected span, as text. Values from a trace are never HTML: React
 * escapes them, `<bdi>` keeps right-to-left marks from reordering the layout, and only http(s)
 * URLs become links (new tab, no referrer, no opener).
 */
export function SpanDetails({ trace, span, selfTimeUs, onCriticalPath, onOpenLink }: Props) {
  const colorOf = useServiceColor();
  const histogramHref = useExplorerLinks().histogramHrefForSpan(span);
  return (
    <section aria-label="Span details" className="space-y-3 p-3 text-xs">
      <header>
        <h3 className="flex items-center gap-2 text-sm font-semibold" tabIndex={-1} id="span-details-heading">
          <span
            className="h-3 w-3 shrink-0 rounded-sm"
            style={{ backgroundColor: colorOf(span.serviceName) }}
          />
          <bdi className="break-all">{span.name}</bdi>
        </h3>
        <dl className="mt-2 grid grid-cols-[8rem_minmax(0,1fr)] gap-x-3 gap-y-0.5">
          <Row label="Service" value={span.serviceName} />
          <Row label="Kind" value={span.kind ?? "unspecified"} />
          <Row
            label="Status"
            value={span.status === "error" ? "error" : span.status}
            emphasis={span.status === "error"}
          />
          <Row label="Start" value={`+${formatDurationUs(span.startUs - trace.startUs)}`} />
          <Row label="Duration" value={formatDurationUs(span.durationUs)} />
          <Row label="Self time" value={formatDurationUs(selfTimeUs)} />
          <Row label="Critical path" value={onCriticalPath ? "yes" : "no"} />
          <Row label="Span ID" value={span.spanId} mono />
          {span.parentSpanId ? <Row label="Parent ID" value={span.parentSpanId} mono /> : null}
        </dl>
        {histogramHref ? (
          // Not prefetched: the page of a link renders its chart on the server, asking Prometheus;
          // every opened span would cost that, for a link few people follow.
          <Link
            href={histogramHref}
            prefetch={false}
            className="mt-2 inline-block text-sky-700 underline dark:text-sky-400"
          >
            Latency histogram of {span.serviceName} {String(span.attributes["http.route"] ?? "")}
          </Link>
        ) : null}
      </header>
      <AttributeTable title="Attributes" attributes={span.attributes} />
      <AttributeTable title="Resource" attributes={span.resource} />
      {span.events.length > 0 ? (
        <div>
          <h4 className="mb-1 font-semibold">Events ({span.events.length})</h4>
          <ol className="space-y-2">
            {span.events.map((event, i) => (
              <li key={i} className="rounded border border-zinc-200 p-2 dark:border-zinc-800">
                <p>
                  <span className="tabular-nums text-zinc-500">
                    +{formatDurationUs(event.timeUs - span.startUs)}
                  </span>{" "}
                  <bdi
                    className={
                      event.name === "exception"
                        ? "font-semibold text-red-600 dark:text-red-400"
                        : "font-medium"
                    }
                  >
                    {event.name}
                  </bdi>
                </p>
                <AttributeList attributes={event.attributes} />
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {span.links.length > 0 ? (
        <div>
          <h4 className="mb-1 font-semibold">Links ({span.links.length})</h4>
          <ul className="space-y-1">
            {span.links.map((link, i) => (
              <li key={i}>
                <button
                  type="button"
                  onClick={() => onOpenLink(link.traceId, link.spanId)}
                  className="font-mono text-sky-700 underline dark:text-sky-400"
                >
                  {link.kind === "follows_from" ? "follows from" : "link"}{" "}
                  {link.traceId === trace.traceId ? "span" : "trace"}{" "}
                  {link.traceId === trace.traceId ? link.spanId : `${link.traceId} / ${link.spanId}`}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {trace.warnings.length > 0 ? (
        <div>
          <h4 className="mb-1 font-semibold text-amber-700 dark:text-amber-400">
            Trace warnings ({trace.warnings.length})
          </h4>
          <ul className="list-inside list-disc text-amber-800 dark:text-amber-300">
            {trace.warnings.slice(0, 20).map((w, i) => (
              <li key={i}>
                <bdi>{w}</bdi>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function Row({
  label,
  value,
  mono,
  emphasis,
}: {
  label: string;
  value: string;
  mono?: boolean;
  emphasis?: boolean;
}) {
  return (
    <>
      <dt className="text-zinc-500">{label}</dt>
      <dd
        className={`${mono ? "font-mono" : ""} ${emphasis ? "font-semibold text-red-600 dark:text-red-400" : ""} break-all`}
      >
        <bdi>{value}</bdi>
      </dd>
    </>
  );
}

function AttributeTable({ title, attributes }: { title: string; attributes: Attributes }) {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return null;
  return (
    <div>
      <h4 className="mb-1 font-semibold">
        {title} ({entries.length})
      </h4>
      <AttributeList attributes={attributes} />
    </div>
  );
}

function AttributeList({ attributes }: { attributes: Attributes }) {
  const entries = Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return null;
  return (
    <dl className="grid grid-cols-[minmax(6rem,1fr)_minmax(0,2fr)] gap-x-3 gap-y-0.5">
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="break-all font-mono text-zinc-500">
            <bdi>{key}</bdi>
          </dt>
          <dd className="max-h-40 overflow-auto whitespace-pre-wrap break-all font-mono">
            <AttributeText value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

const HTTP_URL = /^https?:\/\/[^\s]+$/i;

function AttributeText({ value }: { value: AttributeValue }) {
  if (typeof value === "string") {
    if (HTTP_URL.test(value) && URL.canParse(value)) {
      return (
        <a
          href={value}
          target="_blank"
          rel="noopener noreferrer"
          className="text-sky-700 underline dark:text-sky-400"
        >
          <bdi>{value}</bdi>
        </a>
      );
    }
    return <bdi>{value}</bdi>;
  }
  return <bdi>{JSON.stringify(value)}</bdi>;
}

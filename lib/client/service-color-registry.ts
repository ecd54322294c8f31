import { assignServiceSlots, serviceColors } from "../trace-view/service-colors";
import { readStored, writeStored } from "./persistent-setting";

/**
 * The palette slot each service got, kept in the browser (persistent-setting.ts) so a service
 * keeps its color from trace to trace and after a reload. Bounded: the least recently seen
 * services are forgotten first. Without storage (private mode) it lives for the page.
 */
const STORAGE_KEY = "service-colors";
const MAX_SERVICES = 500;

let pinned: Map<string, number> | undefined;

function load(): Map<string, number> {
  try {
    const stored: unknown = JSON.parse(readStored(STORAGE_KEY) ?? "[]");
    if (Array.isArray(stored)) {
      return new Map(
        stored.filter(
          (entry): entry is [string, number] =>
            Array.isArray(entry) && typeof entry[0] === "string" && Number.isInteger(entry[1]),
        ),
      );
    }
  } catch {
    // Unreadable: start afresh.
  }
  return new Map();
}

/** The CSS color of each service of a trace, pinning new services' slots for next time. */
export function colorsForServices(services: readonly string[]): Map<string, string> {
  pinned ??= load();
  const slots = assignServiceSlots(services, pinned);
  // Re-inserted, so the map's order is least recently seen first.
  for (const [service, slot] of slots) {
    pinned.delete(service);
    pinned.set(service, slot);
  }
  while (pinned.size > MAX_SERVICES) pinned.delete(pinned.keys().next().value!);
  writeStored(STORAGE_KEY, JSON.stringify([...pinned]));
  return serviceColors(slots);
}

import { assignServiceSlots, serviceColors } from "../trace-view/service-colors";

/**
 * The palette slot each service got, kept in the browser (localStorage) so a service keeps its
 * color from trace to trace and after a reload. Bounded: the least recently seen services are
 * forgotten first. Without storage (private mode, a test's fresh context) it lives for the page.
 */
const STORAGE_KEY = "exemplar-explorer:service-colors";
const MAX_SERVICES = 500;

let pinned: Map<string, number> | undefined;

function load(): Map<string, number> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "[]");
    if (Array.isArray(stored)) {
      return new Map(
        stored.filter(
          (entry): entry is [string, number] =>
            Array.isArray(entry) && typeof entry[0] === "string" && Number.isInteger(entry[1]),
        ),
      );
    }
  } catch {
    // Unreadable or unavailable storage: start afresh.
  }
  return new Map();
}

/** The CSS color of each service of a trace, pinning new services' slots for next time. */
export function colorsForServices(services: readonly string[]): Map<string, string> {
  pinned ??= typeof localStorage === "undefined" ? new Map() : load();
  const slots = assignServiceSlots(services, pinned);
  // Re-inserted, so the map's order is least recently seen first.
  for (const [service, slot] of slots) {
    pinned.delete(service);
    pinned.set(service, slot);
  }
  while (pinned.size > MAX_SERVICES) pinned.delete(pinned.keys().next().value!);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify([...pinned]));
  } catch {
    // Storage full or refused: the colors still hold for this page.
  }
  return serviceColors(slots);
}

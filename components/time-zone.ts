"use client";

import { createContext, useContext } from "react";
import type { TimeZoneChoice } from "@/lib/format/time";

/** The zone every time on screen is written in (`tz` in the URL), provided by the explorer. */
export const TimeZoneContext = createContext<TimeZoneChoice>("local");

export function useTimeZone(): TimeZoneChoice {
  return useContext(TimeZoneContext);
}

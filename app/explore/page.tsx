import type { Metadata } from "next";
import { Suspense } from "react";
import { Explorer } from "./explorer";

export const metadata: Metadata = { title: "Explore · Exemplar Explorer" };

export default function ExplorePage() {
  return (
    <Suspense>
      <Explorer />
    </Suspense>
  );
}

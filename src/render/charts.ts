import * as Plot from "@observablehq/plot";
import { JSDOM } from "jsdom";

// Observable Plot draws into a DOM; on the server a jsdom document stands in for the browser's.
const { document } = new JSDOM("").window;

// The chart is one image with a label; Plot's labels on inner groups are not allowed there.
const svg = (node: Element) =>
  node.outerHTML.replace(/<svg /, `<svg role="img" `).replace(/<g aria-label="[^"]*"/g, "<g");

/** Attendance matrix: one row per person, one column per meeting, a cell where they attended. */
export function attendanceChart(
  rows: { person: string; meeting: string }[],
  title: string,
): string {
  if (!rows.length) return "";
  const people = [...new Set(rows.map((r) => r.person))].sort();
  const plot = Plot.plot({
    document,
    marginLeft: 170,
    height: Math.max(120, people.length * 16 + 60),
    width: 760,
    x: { label: "Meeting", tickRotate: -30 },
    y: { label: null, domain: people },
    marks: [Plot.cell(rows, { x: "meeting", y: "person", fill: "#0b5394", inset: 1 })],
    ariaLabel: title,
    ariaDescription: `${people.length} people across meetings`,
  });
  return svg(plot);
}

/** Stakeholder balance: stacked bars of participants per stakeholder group, per meeting. */
export function balanceChart(
  rows: { meeting: string; stakeholder: string; count: number }[],
  title: string,
): string {
  if (!rows.length) return "";
  const plot = Plot.plot({
    document,
    width: 760,
    height: 320,
    marginBottom: 60,
    x: { label: "Meeting", tickRotate: -30 },
    y: { label: "Participants", grid: true },
    color: { legend: true, scheme: "tableau10" },
    marks: [
      Plot.barY(rows, {
        x: "meeting",
        y: "count",
        fill: "stakeholder",
        title: (d: { stakeholder: string; count: number }) => `${d.stakeholder}: ${d.count}`,
      }),
      Plot.ruleY([0]),
    ],
    ariaLabel: title,
  });
  const node = plot as unknown as Element;
  return node.tagName.toLowerCase() === "svg"
    ? svg(node)
    : node.outerHTML
        .replace(/<svg /, `<svg role="img" aria-label="${title}" `)
        .replace(/<g aria-label="[^"]*"/g, "<g");
}

/** Meetings per month for a topic timeline. */
export function timelineChart(rows: { date: Date; count: number }[], title: string): string {
  if (!rows.length) return "";
  const plot = Plot.plot({
    document,
    width: 760,
    height: 200,
    y: { label: "Sections", grid: true },
    marks: [
      Plot.rectY(rows, { x: "date", y: "count", interval: "month", fill: "#0b5394" }),
      Plot.ruleY([0]),
    ],
    ariaLabel: title,
  });
  return svg(plot);
}

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
  const meetings = new Set(rows.map((r) => r.meeting)).size;
  const plot = Plot.plot({
    document,
    marginLeft: 170,
    // rotated meeting labels need room below; the axis names itself in the figure's label
    marginBottom: 80,
    height: Math.max(140, people.length * 16 + 100),
    // cells of a readable size: a few meetings make a narrow chart, not stretched bars
    width: Math.min(760, 190 + meetings * 56),
    x: { label: null, tickRotate: -30 },
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
    marginBottom: 80,
    x: { label: null, tickRotate: -30 },
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
  // whole sections only, and a month on each side so one month is a bar, not the whole width
  const most = Math.max(...rows.map((r) => r.count));
  const times = rows.map((r) => r.date.getTime());
  const month = (t: number, by: number) => {
    const d = new Date(t);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + by, 1));
  };
  const plot = Plot.plot({
    document,
    width: 760,
    height: 200,
    x: { type: "utc", domain: [month(Math.min(...times), -1), month(Math.max(...times), 2)] },
    y: { label: "Sections", grid: true, ticks: Math.min(most, 5), tickFormat: "d" },
    marks: [
      Plot.rectY(rows, { x: "date", y: "count", interval: "month", fill: "#0b5394" }),
      Plot.ruleY([0]),
    ],
    ariaLabel: title,
  });
  return svg(plot);
}

import { describe, expect, it } from "vitest";
import { timelineChart, attendanceChart } from "./charts.js";

const ticks = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

describe("charts", () => {
  it("gives a topic of one month whole-number ticks and a bar, not the whole width", () => {
    const svg = timelineChart([{ date: new Date("2024-05-01T00:00:00Z"), count: 1 }], "t");
    expect(ticks(svg).some((t) => /\d\.\d/.test(t))).toBe(false);
    const width = Number(/<rect[^>]*width="([\d.]+)"/.exec(svg.replace(/<svg[^>]*>/, ""))?.[1]);
    expect(width).toBeLessThan(400);
  });
  it("sizes the attendance matrix by its meetings and leaves room for rotated labels", () => {
    const rows = ["A", "B"].flatMap((person) =>
      ["1 (2024-01-01)", "2 (2024-02-01)"].map((meeting) => ({ person, meeting })),
    );
    const svg = attendanceChart(rows, "attendance");
    expect(Number(/<svg[^>]*width="(\d+)"/.exec(svg)?.[1])).toBeLessThan(400);
    expect(ticks(svg)).not.toContain("Meeting");
  });
});

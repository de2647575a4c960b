import { describe, expect, it } from "vitest";
import { numbersOf } from "./number-lists.js";

describe("numbersOf", () => {
  it("reads an int or real array's text, empty or absent as no numbers", () => {
    expect(numbersOf("{3,1.5,-2,1e-05}")).toEqual([3, 1.5, -2, 0.00001]);
    expect(numbersOf("{}")).toEqual([]);
    expect(numbersOf("{0.87142855,2.2}")).toEqual([0.87142855, 2.2]);
    expect(numbersOf(null)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { resolvePeople, nameKey, type MeetingPeople } from "./people.js";

const meeting = (
  source: string,
  names: string[],
  extra: Partial<MeetingPeople> = {},
): MeetingPeople => ({
  source,
  participants: names.map((name) => ({ name, nick: null })),
  moderators: [],
  speakers: [],
  ...extra,
});
const personOf = (people: ReturnType<typeof resolvePeople>, name: string) =>
  people.find((p) => p.name === name || p.aliases.includes(name));

describe("resolvePeople", () => {
  it("folds titles: 'Prof.', 'Professor Sir' and none are one person", () => {
    expect(nameKey("Professor Sir Ada Quill")).toBe(nameKey("Ada Quill"));
    const people = resolvePeople([
      meeting("a", ["Professor Ada Quill"]),
      meeting("b", ["Prof. Ada Quill"]),
      meeting("c", ["Dr Ada Quill"]),
    ]);
    expect(people).toHaveLength(1);
    expect(people[0]!.meetings).toEqual(["a", "b", "c"]);
    expect(people[0]!.aliases.sort()).toEqual(["Dr Ada Quill", "Prof. Ada Quill"]);
  });

  it("keeps the report's other spellings of a listed person as aliases", () => {
    const people = resolvePeople([
      meeting("a", ["Olaf Brenner", "Ruth Kimura"], {
        mentions: [
          { name: "Olaf Brenner", alias: "Mr. Brenner" },
          { name: "Ruth Kimura", alias: "rkimura" },
        ],
      }),
    ]);
    expect(personOf(people, "Olaf Brenner")!.aliases).toContain("Mr. Brenner");
    expect(personOf(people, "Ruth Kimura")!.aliases).toContain("rkimura");
  });

  it("never joins two reports' people through a one-word spelling alone", () => {
    const people = resolvePeople([
      meeting("a", ["Olaf Brenner"], {
        mentions: [{ name: "Olaf Brenner", alias: "Mr. Brenner" }],
      }),
      meeting("b", ["Karl Brenner"], {
        mentions: [{ name: "Karl Brenner", alias: "Mr. Brenner" }],
      }),
      meeting("c", ["Mark Post"], { speakers: ["Mark"] }),
      meeting("d", ["Mark"]),
    ]);
    expect(personOf(people, "Olaf Brenner")).not.toBe(personOf(people, "Karl Brenner"));
    expect(people.filter((p) => p.name === "Mark")).toHaveLength(1);
    expect(personOf(people, "Mark Post")!.meetings).toEqual(["c"]);
  });

  it("joins a first name alone to the only person of the group with it, never across groups", () => {
    const people = resolvePeople([
      meeting("a1", ["Anna Berg", "Tom Ruiz"], { group: "Alpha" }),
      // Anna speaks, but is not on this day's list
      meeting("a2", ["Tom Ruiz"], { group: "Alpha", speakers: ["Anna", "Tom Ruiz"] }),
      // another group's Anna is someone else
      meeting("b1", ["Ivo Lind"], { group: "Beta", speakers: ["Anna"] }),
      // two Toms in group Gamma: a "Tom" alone stays apart
      meeting("c1", ["Tom Ruiz", "Tom Hale"], { group: "Gamma" }),
      meeting("c2", ["Ivo Lind"], { group: "Gamma", speakers: ["Tom"] }),
    ]);
    const anna = personOf(people, "Anna Berg")!;
    expect(anna.meetings).toEqual(["a1", "a2"]);
    expect(anna.evidence.find((e) => e.alias === "Anna")).toMatchObject({
      evidence: expect.stringMatching(
        /only person named "anna" in the meetings of Alpha/,
      ) as string,
      confidence: 0.6,
    });
    expect(people.filter((p) => p.name === "Anna").map((p) => p.meetings)).toEqual([["b1"]]);
    expect(people.filter((p) => p.name === "Tom").map((p) => p.meetings)).toEqual([["c2"]]);
  });

  it("takes spellings from absentees without counting them present", () => {
    const people = resolvePeople([
      meeting("a", ["Raj Desai"]),
      meeting("b", ["Ana Ruiz"], { absent: ["Raj D Desai"] }),
    ]);
    const raj = personOf(people, "Raj Desai")!;
    expect(raj.aliases).toContain("Raj D Desai");
    expect(raj.meetings).toEqual(["a"]);
    // someone only ever absent is nobody's attendance
    expect(
      personOf(resolvePeople([meeting("a", ["Ana Ruiz"], { absent: ["Lea Voss"] })]), "Lea Voss"),
    ).toBeUndefined();
  });

  it("joins a short first name to the long one with the same surname, not role words", () => {
    const people = resolvePeople([
      meeting("a", ["Will Perrow"]),
      meeting("b", ["William Perrow"], { speakers: ["Chair"], moderators: ["Chair"] }),
    ]);
    expect(people).toHaveLength(1);
    expect(people[0]!.aliases).not.toContain("Chair");
  });
});

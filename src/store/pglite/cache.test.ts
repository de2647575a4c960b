import { describe, expect, it } from "vitest";
import { openPglite } from "./index.js";

describe("the embedded server's buffer cache", () => {
  it("is 16 MB unless the opener asks for more (a server does)", async () => {
    for (const [cacheMb, expected] of [
      [undefined, "16MB"],
      [48, "48MB"],
    ] as const) {
      const db = await openPglite(undefined, undefined, cacheMb);
      try {
        const { rows } = await db.query<{ shared_buffers: string }>("SHOW shared_buffers");
        expect(rows[0]!.shared_buffers).toBe(expected);
      } finally {
        await db.close();
      }
    }
  }, 60_000);
});

/**
 * Who is asking. Editors see members-only meetings; a reader (no editor) does not, nor
 * anything known only from them: their people, topics, actions, words. Every read of the
 * store takes one.
 */
export interface Viewer {
  editor: string | null;
}

/** The one who runs the CLI owns the store and sees everything in it. */
export const OWNER: Viewer = { editor: "(command line)" };

// The store handle the faces pass to commands: they name its type, nothing more of the store.
export type { Db, Queryable } from "../store/db.js";

// The models file is shared by both engines; each engine's migration folder must build exactly those models.
// A change of models.prisma without its migration (for SQLite, and for PostgreSQL) fails here.
import { execFileSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { engine } from "#app/utils/db.server";

describe("migrations", () => {
  test(`the ${engine} migrations describe the models, with nothing missing or extra`, () => {
    const folder = engine === "postgresql" ? "prisma/postgres" : "prisma/sqlite";
    let output = "";
    try {
      output = execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "diff", "--from-migrations", `${folder}/migrations`, "--to-schema-datamodel", folder, "--exit-code"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env },
      });
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      throw new Error(`${folder}/migrations do not match models.prisma (exit ${e.status}). Run npm run db:new -- <name>${engine === "postgresql" ? " with DATABASE_URL=postgresql://…" : ""}.\n${e.stdout}\n${e.stderr}`);
    }
    expect(output).toContain("No difference detected");
  }, 60_000);
});

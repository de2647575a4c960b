// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

// typescript-eslint's type-checked recommended rules over the TypeScript sources, tests,
// benches and scripts; the formatter (Prettier) owns layout, so no style rules here.
export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "fixtures/",
      "docs/",
      "test-artifacts/",
      "scratch/",
      "examples/",
      "static/",
      "bin/",
      "src/runtime/*.mjs",
      "scripts/*.mjs",
      "scripts/*.js",
      "src/store/pglite/*.mjs",
      "coverage/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    rules: {
      // Fastify tells a hook's style by `async`: an async hook needs no `done`, awaited or not.
      "@typescript-eslint/require-await": "off",
      // A leading underscore marks a parameter or binding kept for its position.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Tests read JSON answers whose shape is what they assert; typing them first would
    // assume the very thing under test.
    files: ["test/**/*.ts", "src/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  { files: ["eslint.config.js", "vitest.config.ts"], ...tseslint.configs.disableTypeChecked },
);

import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "data/**", "node_modules/**", ".cache/**", "drizzle/**", "docs/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // Raw HTML only through the server-side sanitiser (see app/modules/content).
      "react/no-danger": "off",
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: "Render sanitised HTML through <SafeHtml> only.",
        },
      ],
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read configuration from ~/utils/env.server (parsed once with zod).",
        },
      ],
    },
  },
  {
    // Modules know no HTTP: routes and app/server/ turn their typed results into responses.
    files: ["app/modules/**/*.{ts,tsx}"],
    ignores: ["app/modules/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@remix-run/node",
              allowTypeImports: true,
              message: "No HTTP in app/modules: return a typed result or null; the route answers.",
            },
            { name: "@remix-run/server-runtime", allowTypeImports: true, message: "No HTTP in app/modules." },
            { name: "@remix-run/express", message: "No HTTP in app/modules." },
          ],
          patterns: [
            {
              group: ["~/server/*", "~/server/**", "~/routes/*"],
              message: "app/modules must not import the HTTP edge (app/server) or routes.",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: "Render sanitised HTML through <SafeHtml> only.",
        },
        {
          selector: "NewExpression[callee.name=/^(Response|Request|Headers)$/]",
          message: "No HTTP in app/modules: return a typed result or null; the route answers.",
        },
        {
          selector: "TSTypeReference[typeName.name=/^(Response|Request)$/]",
          message: "No HTTP in app/modules: take plain values, not a Request/Response.",
        },
        {
          selector: "CallExpression[callee.name=/^(json|redirect|data|redirectDocument)$/]",
          message: "No HTTP in app/modules.",
        },
      ],
    },
  },
  {
    // Pure helpers: no guards, cookies or form parsing (app/server), no domain modules.
    files: ["app/utils/**/*.{ts,tsx}", "app/db/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@remix-run/node",
              allowTypeImports: true,
              message: "app/utils and app/db are pure: HTTP lives in app/server.",
            },
          ],
          patterns: [
            {
              group: ["~/server/*", "~/server/**", "~/modules/*", "~/modules/**", "~/routes/*"],
              message: "app/utils and app/db import neither app/server nor app/modules.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/utils/env.server.ts", "tests/**", "scripts/**", "vitest.config.ts", "*.config.ts", "**/*.test.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["**/*.js"],
    languageOptions: { globals: { ...globals.node } },
  },
);

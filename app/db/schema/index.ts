// One schema for PGlite and PostgreSQL; each domain keeps its tables in its own file.
export * from "./accessibility";
export * from "./audit";
export * from "./auth";
export * from "./conferences";
export * from "./discussion";
export * from "./groups";
export * from "./goals";
export * from "./publishing";
export * from "./system";
export * from "./registrations";
export * from "./uploads";
export * from "./working-groups";
export * from "./renditions";
export * from "./monitoring";

export * from "./users";
export * from "./brief";
export * from "./framework";
export * from "./policies";
export * from "./response-items";
export * from "./collaboration";
export * from "./intake";
export * from "./saved-searches";

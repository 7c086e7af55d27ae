/**
 * Node built-ins for the plugin's start-up path, without their ES-module facades: importing
 * `node:fs` as a module makes Node build a facade that reads every export, which loads
 * `fs/promises` and the streams (about 2 ms of the plugin's cold start on the bench machine).
 */
export const fs = process.getBuiltinModule('node:fs');
export const { createRequire } = process.getBuiltinModule('node:module');

// Prints a YAML file as JSON, for tests that assert on docker-compose's normalised configuration.
// Usage: node yaml-json.mjs FILE.yaml
import { readFileSync } from "node:fs";
import { parse } from "yaml";

console.log(JSON.stringify(parse(readFileSync(process.argv[2], "utf8"))));

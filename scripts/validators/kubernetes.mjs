// Validates Kubernetes manifests against the API's own OpenAPI schemas (kubernetes-models), and prints the
// documents as one JSON array for the tests to assert on. Exit 0 when every document is valid, 1 otherwise.
// Usage: node kubernetes.mjs FILE.yaml...
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const documents = [];
let failures = 0;
for (const file of process.argv.slice(2)) {
  for (const parsed of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (parsed.errors.length > 0) {
      console.error(`${file}: YAML: ${parsed.errors.map(e => e.message).join("; ")}`);
      failures++;
      continue;
    }
    const manifest = parsed.toJS();
    if (manifest === null)
      continue;
    const where = `${file}: ${manifest.kind ?? "?"}/${manifest.metadata?.name ?? "?"}`;
    try {
      const model = await modelFor(manifest);
      new model(manifest).validate();
      documents.push(manifest);
    } catch (error) {
      console.error(`${where}: ${error.message}`);
      failures++;
    }
  }
}
console.log(JSON.stringify(documents));
process.exit(failures === 0 ? 0 : 1);

// kubernetes-models lays its classes out by API group and version: apps/v1/Deployment, v1/Service (core).
async function modelFor({ apiVersion, kind }) {
  if (typeof apiVersion !== "string" || typeof kind !== "string")
    throw new Error("apiVersion and kind are required");
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const path = group === null ? `${version}/${kind}` : `${group}/${version}/${kind}`;
  try {
    return (await import(`kubernetes-models/${path}`))[kind];
  } catch {
    throw new Error(`unknown kind ${kind} in ${apiVersion}`);
  }
}

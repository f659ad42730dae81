// Validates an OpenAPI document against the OpenAPI 3.x schema and resolves every $ref
// (@apidevtools/swagger-parser, independent of the generator). Exit 0 when valid, 1 with the reasons otherwise.
// Usage: node openapi.mjs api-spec/openapi.json
import SwaggerParser from "@apidevtools/swagger-parser";

try {
  const api = await SwaggerParser.validate(process.argv[2]);
  console.log(`valid: OpenAPI ${api.openapi}, ${Object.keys(api.paths ?? {}).length} paths, ${Object.keys(api.components?.schemas ?? {}).length} schemas`);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

// Validates a filled Teams app manifest offline against the JSON schema bundled in Microsoft's
// @microsoft/app-manifest package (the successor of @microsoft/teams-manifest, which only fetched schemas
// over the network). Usage: node validate.js <manifest.json>. Exit 0 = valid; 1 = invalid (errors printed).
"use strict";
const fs = require("fs");
const path = require("path");
const { AppManifestUtils } = require("@microsoft/app-manifest");

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: node validate.js <manifest.json>");
    process.exit(2);
  }
  const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
  const match = /\/json-schemas\/teams\/(v[0-9.]+)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema || "");
  if (!match) {
    console.error(`unsupported $schema: ${manifest.$schema}`);
    process.exit(1);
  }
  // Load the bundled schema ourselves so nothing is fetched even if the package's lookup changes.
  const packageDir = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
  const schemaFile = path.join(packageDir, "build", "json-schemas", "teams", match[1], "MicrosoftTeams.schema.json");
  const schemaText = fs.readFileSync(schemaFile, "utf8").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b");
  const errors = await AppManifestUtils.validateAgainstSchema(manifest, JSON.parse(schemaText));
  if (errors.length > 0) {
    console.log(`INVALID (${errors.length} errors against ${match[1]}):`);
    for (const error of errors) console.log("  " + error);
    process.exit(1);
  }
  console.log(`VALID against bundled Teams schema ${match[1]}`);
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});

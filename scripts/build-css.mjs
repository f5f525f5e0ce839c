// Concatenates the minified CSS of every NL Design System component in package.json into one file,
// so a page loads one stylesheet. The list of components is the @utrecht/ dependencies: add a package, rebuild.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { dependencies } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url)));
const output = new URL("../build/nlds/nlds.css", import.meta.url);

const parts = Object.keys(dependencies)
  .filter((name) => name.startsWith("@utrecht/"))
  .sort()
  .map((name) => {
    const css = readFileSync(require.resolve(`${name}/dist/index.min.css`), "utf8");
    return `/* ${name}@${dependencies[name]}, EUPL-1.2, Gemeente Utrecht / NL Design System */\n${css.trim()}\n`;
  });

mkdirSync(new URL(".", output), { recursive: true });
writeFileSync(output, parts.join(""));
console.log(`build/nlds/nlds.css: ${parts.length} components, ${parts.join("").length} bytes`);

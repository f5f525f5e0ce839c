// Builds the site's one stylesheet, build/site/lpo.css: the minified CSS of every NL Design System component in
// package.json, then the theme (static/css/theme.css) and the portal's own layout (static/css/portal.css), in that
// order, so the theme's tokens and the portal's rules come last. A page loads this one file and nothing else.
//
// The components ship rules for every variant (buttons in ten flavours, tables with sticky headers, …). Rules
// whose selectors name a utrecht-* class that no template or Python file of ours uses are left out: less CSS to
// download and, above all, to match on a slow phone. A class built in a template ("utrecht-alert--{{ type }}")
// keeps every class with that prefix. Our own theme and portal CSS are kept whole.
//
// The list of components is the dependencies: add a package, rebuild (`make` rebuilds when any input changes).
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL("..", import.meta.url));
const { dependencies } = JSON.parse(readFileSync(join(root, "package.json")));
const output = join(root, "build", "site", "lpo.css");

// The class names our markup can produce: literal ones, and prefixes of ones a template completes.
function files(directory, extensions) {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name === "migrations" ? [] : files(path, extensions);
    return extensions.some((extension) => name.endsWith(extension)) ? [path] : [];
  });
}
const sources = [
  ...files(join(root, "templates"), [".html"]),
  ...["guidance", "interventions", "keuzehulp", "lpo"].flatMap((app) => files(join(root, app), [".py", ".html"])),
];
const used = new Set();
const prefixes = [];
for (const path of sources) {
  const text = readFileSync(path, "utf8");
  for (const [, name, rest] of text.matchAll(/\b(utrecht-[a-z0-9_-]*)(\{[{%])?/g)) {
    if (rest) prefixes.push(name);
    else used.add(name);
  }
}
const isUsed = (name) => used.has(name) || prefixes.some((prefix) => name.startsWith(prefix));

// Splits at top-level commas, outside parentheses and strings.
function splitTopLevel(text, separator) {
  const parts = [];
  let depth = 0;
  let quote = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === "\\") i++;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === "(" || char === "[") depth++;
    else if (char === ")" || char === "]") depth--;
    else if (char === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

// Inside .utrecht-html (an editor's Markdown) only the elements guidance/markup.py lets through can occur,
// and the footnote marks it adds.
const markup = readFileSync(join(root, "guidance", "markup.py"), "utf8");
const htmlElements = new Set([...markup.match(/ALLOWED_TAGS = \{([^}]*)\}/)[1].matchAll(/"(\w+)"/g)].map(([, tag]) => tag));
htmlElements.add("sup");

// A selector is kept when every utrecht-* class it requires is used, and, inside .utrecht-html, every element it
// names can be there. What sits inside :not(), :is(), :has() … or [attributes] is not required (a :not() of an
// unused class still matches), so it never causes a drop.
function selectorIsUsed(selector) {
  let outside = "";
  let depth = 0;
  for (const char of selector) {
    if (char === "(" || char === "[") depth++;
    if (depth === 0) outside += char;
    if (char === ")" || char === "]") depth--;
  }
  if (![...outside.matchAll(/\.(utrecht-[a-zA-Z0-9_-]+)/g)].every(([, name]) => isUsed(name))) return false;
  const inHtml = outside.split(/\.utrecht-html(?![\w-])/).slice(1).join(" ");
  return [...inHtml.matchAll(/(?:^|[\s>+~])([a-z][a-z0-9]*)/g)].every(([, tag]) => htmlElements.has(tag));
}

// The index of the brace that closes the block opened at `open`, skipping strings and comments.
function closingBrace(css, open) {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    const char = css[i];
    if (char === '"' || char === "'") {
      for (i++; i < css.length && css[i] !== char; i++) if (css[i] === "\\") i++;
    } else if (char === "/" && css[i + 1] === "*") {
      i = css.indexOf("*/", i + 2) + 1;
    } else if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces after position ${open}`);
}

function prune(css) {
  let result = "";
  let position = 0;
  while (position < css.length) {
    const open = css.indexOf("{", position);
    if (open === -1) {
      result += css.slice(position);
      break;
    }
    const close = closingBrace(css, open);
    const prelude = css.slice(position, open);
    const body = css.slice(open + 1, close);
    const trimmed = prelude.replace(/\/\*[\s\S]*?\*\//g, "").trim();
    if (/^@(media|supports|layer|container)\b/.test(trimmed)) {
      const inner = prune(body);
      if (inner.trim()) result += `${trimmed}{${inner}}`;
    } else if (trimmed.startsWith("@")) {
      result += `${trimmed}{${body}}`;
    } else {
      const kept = splitTopLevel(trimmed, ",").filter(selectorIsUsed);
      if (kept.length) result += `${kept.join(",")}{${body}}`;
    }
    position = close + 1;
  }
  return result;
}

let before = 0;
const components = Object.keys(dependencies)
  .filter((name) => name.startsWith("@utrecht/"))
  .sort()
  .map((name) => {
    const css = readFileSync(require.resolve(`${name}/dist/index.min.css`), "utf8").replace(/^@charset "UTF-8";/, "");
    before += css.length;
    return `/* ${name}@${dependencies[name]}, EUPL-1.2, Gemeente Utrecht / NL Design System */\n${prune(css).trim()}\n`;
  });

// Our own files keep their comments out of the build: they are for the people who edit them.
const own = ["theme.css", "portal.css"].map((name) => {
  const css = readFileSync(join(root, "static", "css", name), "utf8");
  return `/* static/css/${name} */\n${css.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\n\s*\n/g, "\n").trim()}\n`;
});

const built = ['@charset "UTF-8";\n', ...components, ...own].join("");
mkdirSync(join(root, "build", "site"), { recursive: true });
writeFileSync(output, built);
console.log(
  `build/site/lpo.css: ${components.length} components (${before} bytes, ${components.join("").length} after leaving ` +
    `out unused classes) + theme + portal = ${built.length} bytes`,
);

// Two languages of one page side by side, one grid row per block (publisher/extension/side_by_side.py).
// Each language's build wrote the page's blocks as data (api/pages/<page>.json): this script reads two
// of them, from this site only, and lines their blocks up by key. Labels and titles go in as text;
// a block's markup (the build's own, from a text that may carry no HTML) is parsed inert, stripped of
// anything that could run or load, and its links made to lead to the page the block comes from.
(function () {
  "use strict";

  const form = document.getElementById("side-by-side-form");
  if (!form) {
    return;
  }
  const grid = document.getElementById("side-by-side");
  const status = document.getElementById("side-by-side-status");
  const here = form.dataset.language;
  const pages = Array.from(form.elements.page.options, (option) => option.value);
  const languages = new Map(Array.from(form.elements.language.options,
    (option) => [option.value, {name: option.textContent, direction: option.dataset.direction}]));

  // Nothing in a block may run, load or take the focus away: the page's own markup has none of these.
  const DROPPED_ELEMENTS = "script, style, link, meta, base, iframe, frame, object, embed, form, input, " +
    "button, select, textarea, template, svg, math";
  const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:"]);

  function chosen() {
    const query = new URLSearchParams(window.location.search);
    const page = pages.includes(query.get("page")) ? query.get("page") : pages[0];
    let other = query.get("with");
    if (!languages.has(other) || other === here) {
      other = form.dataset.defaultWith;
    }
    return {page: page, other: other};
  }

  function addressOf(code, path) {
    return new URL(`../${encodeURIComponent(code)}/${path}`, window.location.href);
  }

  function element(name, attributes, text) {
    const node = document.createElement(name);
    for (const [key, value] of Object.entries(attributes || {})) {
      node.setAttribute(key, value);
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function fill(label, values) {
    return label.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
  }

  // A block's markup as nodes of this page: parsed where nothing runs, its ids dropped (two columns
  // would repeat them), its links resolved against the page it comes from.
  function fragment(html, base) {
    const parsed = new DOMParser().parseFromString(html, "text/html").body;
    parsed.querySelectorAll(DROPPED_ELEMENTS).forEach((node) => node.remove());
    for (const node of parsed.querySelectorAll("*")) {
      for (const attribute of Array.from(node.attributes)) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith("on") || ["id", "style", "srcset", "aria-labelledby", "aria-describedby",
          "aria-controls", "aria-owns", "for"].includes(name)) {
          node.removeAttribute(attribute.name);
        } else if (name === "href" || name === "src") {
          const url = new URL(attribute.value, base);
          if (SAFE_SCHEMES.has(url.protocol)) {
            node.setAttribute(attribute.name, url.href);
          } else {
            node.removeAttribute(attribute.name);
          }
        }
      }
    }
    const nodes = document.createDocumentFragment();
    nodes.append(...Array.from(parsed.childNodes, (node) => document.importNode(node, true)));
    return nodes;
  }

  function cell(data, classes) {
    return element("div", {class: ["side-by-side-cell", ...classes].join(" "), lang: data.language,
      dir: data.direction});
  }

  function titleCell(data, code, page) {
    const head = cell(data, ["side-by-side-title"]);
    const heading = element("h2");
    const link = element("a", {href: addressOf(code, `${page}.html`).href, hreflang: data.language});
    if (data.title_untranslated) {
      link.append(element("span", {class: "untranslated", lang: "en", dir: "ltr"}, data.title));
    } else {
      link.textContent = data.title;
    }
    heading.append(link);
    head.append(element("p", {class: "side-by-side-language"}, languages.get(code).name), heading);
    if (data.note) {
      head.append(element("p", {class: "translation-progress"}, data.note));
    }
    return head;
  }

  function render(columns, page) {
    const rows = [];
    const seen = new Set();
    for (const [, data] of columns) {
      for (const block of data.blocks) {
        if (!seen.has(block.key)) {
          seen.add(block.key);
          rows.push(block.key);
        }
      }
    }
    const cells = columns.map(([code, data]) => titleCell(data, code, page));
    const byKey = columns.map(([, data]) => new Map(data.blocks.map((block) => [block.key, block])));
    for (const key of rows) {
      columns.forEach(([code, data], index) => {
        const block = byKey[index].get(key);
        const classes = block ? [`kind-${block.kind}`] : ["missing"];
        if (block && block.untranslated) {
          classes.push("has-untranslated");
        }
        const box = cell(data, classes);
        box.dataset.key = key;
        if (block) {
          box.append(fragment(block.html, addressOf(code, `${page}.html`)));
        } else {
          box.append(element("p", {}, form.dataset.missing));
        }
        cells.push(box);
      });
    }
    grid.replaceChildren(...cells);
    grid.hidden = false;
  }

  async function load(code, page) {
    const response = await fetch(addressOf(code, `api/pages/${page}.json`));
    if (!response.ok) {
      throw new Error(code);
    }
    return response.json();
  }

  async function show() {
    const {page, other} = chosen();
    form.elements.page.value = page;
    form.elements.with.value = other;
    status.textContent = form.dataset.loading;
    const codes = [here, other];
    const loaded = await Promise.allSettled(codes.map((code) => load(code, page)));
    const failed = codes.filter((code, index) => loaded[index].status !== "fulfilled");
    if (failed.length) {
      grid.hidden = true;
      status.textContent = fill(form.dataset.failed, {language: languages.get(failed[0]).name});
      return;
    }
    const columns = codes.map((code, index) => [code, loaded[index].value]);
    render(columns, page);
    status.textContent = fill(form.dataset.shown, {page: columns[0][1].title,
      first: languages.get(here).name, second: languages.get(other).name});
  }

  // The first language is the page's own: choosing another opens that language's side-by-side page.
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams({page: form.elements.page.value, with: form.elements.with.value});
    window.location.assign(addressOf(form.elements.language.value, `side-by-side.html?${query}`));
  });

  show();
})();

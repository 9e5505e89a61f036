// The practice browser's facets combined (publisher/extension/facets.py): section × understanding × status.
// Without JavaScript, each facet value has its own page; here the three narrow one list at once,
// and each choice shows how many practices it would leave.
(function () {
  document.querySelectorAll(".practice-facets").forEach(function (box) {
    const items = Array.from(box.querySelectorAll("li.facet-item"));
    const words = box.querySelector(".facet-words");
    if (!items.length || !words) return;
    const facets = Array.from(box.querySelectorAll("p.facet")).map(function (line) {
      const name = Array.from(line.classList).find(function (c) { return c !== "facet" && c.startsWith("facet-"); }).slice(6);
      const values = Array.from(line.querySelectorAll("a.facet-value")).map(function (link) {
        const key = Array.from(link.classList).find(function (c) { return c.startsWith("facet-key--"); }).slice(11);
        return { key: key, label: link.querySelector(".facet-label").textContent };
      });
      return { name: name, title: line.querySelector("strong").textContent.replace(/[:：]\s*$/, ""), values: values };
    });
    const form = document.createElement("form");
    form.className = "facet-form";
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    const status = document.createElement("p");
    status.className = "facet-status";
    status.setAttribute("role", "status");
    const selects = {};
    facets.forEach(function (facet) {
      const label = document.createElement("label");
      const select = document.createElement("select");
      select.name = facet.name;
      label.append(facet.title, " ", select);
      form.append(label);
      selects[facet.name] = select;
    });
    const matches = function (item, chosen) {
      return Object.keys(chosen).every(function (name) {
        return !chosen[name] || item.classList.contains("facet-" + name + "--" + chosen[name]);
      });
    };
    const update = function () {
      const chosen = {};
      facets.forEach(function (facet) { chosen[facet.name] = selects[facet.name].value; });
      let shown = 0;
      items.forEach(function (item) { item.hidden = !matches(item, chosen); shown += item.hidden ? 0 : 1; });
      facets.forEach(function (facet) {
        const others = Object.assign({}, chosen, { [facet.name]: "" });
        const select = selects[facet.name];
        const current = select.value;
        select.replaceChildren();
        const all = items.filter(function (item) { return matches(item, others); }).length;
        select.append(new Option(words.dataset.all + " (" + all + ")", ""));
        facet.values.forEach(function (value) {
          const count = items.filter(function (item) {
            return matches(item, Object.assign({}, others, { [facet.name]: value.key }));
          }).length;
          select.append(new Option(value.label + " (" + count + ")", value.key));
        });
        select.value = current;
      });
      status.textContent = words.dataset.count.replace("{count}", shown);
    };
    form.addEventListener("change", update);
    box.querySelectorAll("p.facet").forEach(function (line) { line.hidden = true; });
    const heading = box.querySelector(".rubric");
    if (heading) { heading.after(form, status); } else { box.prepend(form, status); }
    update();
  });
})();

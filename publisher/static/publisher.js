// Progressive touches: without JavaScript every page still works.
(function () {
  const labels = document.getElementById("publisher-labels");
  if (!labels) return;

  // "Copy link" beside each item's fields: the item's permanent address.
  document.querySelectorAll("section.item").forEach(function (section) {
    const fields = section.querySelector(".item-fields");
    if (!fields || !navigator.clipboard) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-link";
    button.textContent = labels.dataset.copy;
    button.addEventListener("click", function () {
      const address = new URL("#" + section.id, window.location.href).href;
      navigator.clipboard.writeText(address).then(function () {
        button.textContent = labels.dataset.copied;
        setTimeout(function () { button.textContent = labels.dataset.copy; }, 2000);
      });
    });
    fields.append(" ", button);
  });

  // The list of practices: a filter box narrows it as one types.
  document.querySelectorAll(".practice-browser").forEach(function (browser) {
    const input = document.createElement("input");
    input.type = "search";
    input.className = "practice-filter";
    input.placeholder = labels.dataset.filter;
    input.setAttribute("aria-label", labels.dataset.filter);
    browser.prepend(input);
    input.addEventListener("input", function () {
      const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      browser.querySelectorAll("details").forEach(function (group) {
        let shown = 0;
        group.querySelectorAll("li").forEach(function (item) {
          const match = words.every(function (word) { return item.textContent.toLowerCase().includes(word); });
          item.hidden = !match;
          shown += match ? 1 : 0;
        });
        group.hidden = shown === 0;
        if (words.length) group.open = shown > 0;
      });
    });
  });
})();
